import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { Alert, Card, DatePicker, Empty, Form, Select, Skeleton, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useLoaded } from '../../api/use-loaded';
import { chinaToday } from '../../ui/format';
import { caseApi, type Figure, type FigureReport } from '../api';
import { platformStrings as s } from '../strings';

// ECharts is the heaviest dependency; the table should not wait for it.
const BreakdownChart = lazy(() => import('../components/breakdown-chart').then((m) => ({ default: m.BreakdownChart })));

type Range = [Dayjs, Dayjs];

const fraction = (f: Figure) => (f.denominator === null ? '—' : `${f.numerator}/${f.denominator}`);

/** A module's figures for a period, each with its numerator and denominator, and one breakdown as a table and a chart. */
export function FiguresPage({ module, title }: { module: string; title: string }) {
  const today = dayjs(chinaToday());
  const [range, setRange] = useState<Range>([today.startOf('year'), today]);
  const period = useMemo(() => ({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') }), [range]);
  const load = useCallback((signal: AbortSignal) => caseApi.figures(module, period, signal), [module, period]);
  const report = useLoaded(load);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const breakdown = report.data?.breakdowns.find((b) => b.key === chosen) ?? report.data?.breakdowns[0];
  const presets = [
    { label: s.figures.thisMonth, value: [today.startOf('month'), today] as Range },
    { label: s.figures.thisYear, value: [today.startOf('year'), today] as Range },
    { label: s.figures.lastYear, value: [today.subtract(1, 'year').startOf('year'), today.subtract(1, 'year').endOf('year')] as Range },
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="figures-page" data-loading={report.loading}>
      <Card size="small" title={title}>
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label={s.figures.period}>
            <DatePicker.RangePicker
              value={range}
              presets={presets}
              allowClear={false}
              onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
              data-testid="figures-range"
            />
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
          {s.figures.note}
        </Typography.Paragraph>
      </Card>
      {report.error && <Alert type="error" showIcon title={report.error} data-testid="figures-error" />}
      <Card size="small">
        <Table<Figure>
          rowKey="key"
          size="small"
          pagination={false}
          loading={report.loading}
          dataSource={report.data?.figures ?? []}
          data-testid="figures-table"
          onRow={(f) => ({ 'data-testid': `figure-${f.key}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'label', title: s.figures.figure, render: (_, f) => f.label },
            { key: 'value', title: s.figures.value, render: (_, f) => <Typography.Text strong data-testid="figure-value">{f.display}</Typography.Text> },
            { key: 'fraction', title: s.figures.fraction, render: (_, f) => <span data-testid="figure-fraction">{fraction(f)}</span> },
          ]}
        />
      </Card>
      {report.data && report.data.breakdowns.length > 0 && breakdown && (
        <BreakdownCard report={report.data} breakdown={breakdown} onChoose={setChosen} />
      )}
    </Space>
  );
}

function BreakdownCard({ report, breakdown, onChoose }: { report: FigureReport; breakdown: FigureReport['breakdowns'][number]; onChoose: (key: string) => void }) {
  const keys = [...new Set(breakdown.rows.flatMap((r) => Object.keys(r.figures)))];
  const labelOf = (key: string) => breakdown.rows.find((r) => r.figures[key])?.figures[key]?.label ?? key;
  // The ranked figure when there is one worth drawing: a rate or an average, else the first.
  const drawn = keys.find((k) => breakdown.rows.some((r) => r.figures[k]?.kind !== 'count')) ?? keys[0];
  return (
    <Card
      size="small"
      title={s.figures.breakdown}
      extra={
        <Select
          size="small"
          value={breakdown.key}
          onChange={onChoose}
          style={{ width: 160 }}
          options={report.breakdowns.map((b) => ({ value: b.key, label: b.label }))}
          data-testid="figures-breakdown"
        />
      }
      data-testid="figures-breakdown-card"
    >
      {breakdown.rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s.figures.noBreakdown} />
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Table
            rowKey={(r) => r.value ?? '—'}
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={breakdown.rows}
            data-testid="figures-breakdown-table"
            columns={[
              { key: 'group', title: s.figures.group, render: (_, r) => r.label },
              ...keys.map((k) => ({
                key: k,
                title: labelOf(k),
                render: (_: unknown, r: (typeof breakdown.rows)[number]) => {
                  const f = r.figures[k];
                  return f ? `${f.display}${f.denominator !== null ? `（${fraction(f)}）` : ''}` : '—';
                },
              })),
            ]}
          />
          {drawn && (
            <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
              <Typography.Text type="secondary">{s.figures.chart(labelOf(drawn))}</Typography.Text>
              <BreakdownChart breakdown={breakdown} figureKey={drawn} />
            </Suspense>
          )}
        </Space>
      )}
    </Card>
  );
}
