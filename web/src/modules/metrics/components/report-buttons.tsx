import { useState } from 'react';
import { FileWordOutlined } from '@ant-design/icons';
import { App, Button, Space, Tooltip } from 'antd';
import { errorMessage } from '../../../api/client';
import { downloadFile } from '../../../platform/export-download';
import { annualReportUrl, monthlyReportUrl } from '../api';
import { metricsStrings as s } from '../strings';

/**
 * The Word reports of the unit in view: the 月报 of the month the period ends in, and the annual
 * report of its year. Whoever may read the page's figures may have them (the server checks the
 * unit against the reader's scope); a refusal shows as a message, not as a page of JSON.
 */
export function ReportButtons({ unitId, periodEnd }: { unitId: number; periodEnd: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'monthly' | 'annual' | null>(null);
  const year = Number(periodEnd.slice(0, 4));
  const month = Number(periodEnd.slice(5, 7));
  const download = async (kind: 'monthly' | 'annual') => {
    setBusy(kind);
    try {
      const url = kind === 'monthly' ? monthlyReportUrl(unitId, periodEnd.slice(0, 7)) : annualReportUrl(unitId, year);
      await downloadFile(url, `${kind === 'monthly' ? s.reports.monthly(year, month) : s.reports.annual(year)}.docx`);
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Tooltip title={s.reports.hint}>
      <Space wrap size={8}>
        <Button icon={<FileWordOutlined />} loading={busy === 'monthly'} onClick={() => void download('monthly')} data-testid="report-monthly">
          {s.reports.monthly(year, month)}
        </Button>
        <Button icon={<FileWordOutlined />} loading={busy === 'annual'} onClick={() => void download('annual')} data-testid="report-annual">
          {s.reports.annual(year)}
        </Button>
      </Space>
    </Tooltip>
  );
}
