import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Skeleton, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { errorMessage } from '../../../api/client';
import { useStaffSession } from '../../staff/auth-context';
import { exportUrl, fetchMetrics, type MetricsQuery, type MetricsResult } from '../api';
import { MetricsTable } from '../components/metrics-table';
import { UnitTreeSelect } from '../components/unit-tree-select';
import { metricsStrings as s } from '../strings';

// ECharts is the heaviest dependency; the table should not wait for it.
const SatisfactionChart = lazy(() => import('../components/satisfaction-chart').then((m) => ({ default: m.SatisfactionChart })));

type Range = [Dayjs, Dayjs];

const presets: Array<{ label: string; value: Range }> = [
  { label: s.presets.thisMonth, value: [dayjs().startOf('month'), dayjs().endOf('month')] },
  { label: s.presets.lastMonth, value: [dayjs().subtract(1, 'month').startOf('month'), dayjs().subtract(1, 'month').endOf('month')] },
  { label: s.presets.thisQuarter, value: [dayjs().month(Math.floor(dayjs().month() / 3) * 3).startOf('month'), dayjs().endOf('month')] },
  { label: s.presets.thisYear, value: [dayjs().startOf('year'), dayjs().endOf('year')] },
];

export function MetricsPage() {
  const { user } = useStaffSession();
  const [unitId, setUnitId] = useState<number>(user.scopeUnitId);
  const [range, setRange] = useState<Range>([dayjs().startOf('month'), dayjs().endOf('month')]);
  const [result, setResult] = useState<MetricsResult>({ rows: [] });
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  const query = useMemo<MetricsQuery>(
    () => ({ unitId, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') }),
    [unitId, range],
  );

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    fetchMetrics(query, controller.signal).then(
      (r) => {
        setResult({ total: r.total, rows: r.rows ?? [] });
        setLoading(false);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setResult({ rows: [] });
        setError(errorMessage(err));
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [query, tick]);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small" title={s.title}>
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label={s.unit}>
            <UnitTreeSelect value={unitId} onChange={setUnitId} />
          </Form.Item>
          <Form.Item label={s.period}>
            <DatePicker.RangePicker
              value={range}
              presets={presets}
              allowClear={false}
              onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
              data-testid="metrics-range"
            />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" onClick={() => setTick((t) => t + 1)} data-testid="metrics-query">
                {s.query}
              </Button>
              <Button href={exportUrl(query)} target="_blank" rel="noopener" data-testid="metrics-export">
                {s.export}
              </Button>
            </Space>
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
          {s.note}
        </Typography.Paragraph>
      </Card>
      {error && <Alert type="error" showIcon title={error} data-testid="metrics-error" />}
      <Card size="small">
        <MetricsTable rows={result.rows} total={result.total} loading={loading} />
      </Card>
      <Card size="small" title={s.chartTitle}>
        <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
          <SatisfactionChart rows={result.rows} />
        </Suspense>
      </Card>
    </Space>
  );
}
