import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { Alert, Button, Card, Form, Skeleton, Space, Typography } from 'antd';
import { useLoaded } from '../../../api/use-loaded';
import { useStaffSession } from '../../staff/auth-context';
import { exportUrl, fetchRanking, type MetricsQuery } from '../api';
import { MetricsTable } from '../components/metrics-table';
import { ReportButtons } from '../components/report-buttons';
import { ScopeFields } from '../components/scope-fields';
import { toDateRange } from '../periods';
import { metricsStrings as s } from '../strings';
import { periodOf, rangeOf, useStatsView } from '../view-params';

// ECharts is the heaviest dependency; the table should not wait for it.
const SatisfactionChart = lazy(() => import('../components/satisfaction-chart').then((m) => ({ default: m.SatisfactionChart })));

/** 考核统计: the ranking of the units under one unit; the unit and the period live in the address. */
export function MetricsPage() {
  const { user } = useStaffSession();
  const [view, update] = useStatsView(user.scopeUnitId);
  const { unitId } = view;
  const range = rangeOf(view.period);
  const { from, to } = toDateRange(range);
  const [tick, setTick] = useState(0);

  const query = useMemo<MetricsQuery>(() => ({ unitId, from, to }), [unitId, from, to]);
  // A new tick (查询) asks again for the same query.
  const load = useCallback((signal: AbortSignal) => fetchRanking(query, signal), [query, tick]);
  const { data: result, loading, error } = useLoaded(load);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small" title={s.title}>
        <Form layout="inline" style={{ rowGap: 8 }}>
          <ScopeFields unitId={unitId} onUnitChange={(id) => update({ unitId: id })} range={range} onRangeChange={(r) => update({ period: periodOf(r) })} rangeTestId="metrics-range" />
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
          <Form.Item>
            <ReportButtons unitId={unitId} periodEnd={to} />
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
          {s.note}
        </Typography.Paragraph>
      </Card>
      {error && <Alert type="error" showIcon title={error} data-testid="metrics-error" />}
      <Card size="small">
        <MetricsTable rows={result?.rows ?? []} total={result?.total} loading={loading} />
      </Card>
      <Card size="small" title={s.chartTitle}>
        <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
          <SatisfactionChart rows={result?.rows ?? []} />
        </Suspense>
      </Card>
    </Space>
  );
}
