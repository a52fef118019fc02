import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Skeleton, Space, Typography } from 'antd';
import type { Ranking } from '../../../../../contracts/statistics';
import { errorMessage } from '../../../api/client';
import { useStaffSession } from '../../staff/auth-context';
import { exportUrl, fetchRanking, type MetricsQuery } from '../api';
import { MetricsTable } from '../components/metrics-table';
import { UnitTreeSelect } from '../components/unit-tree-select';
import { periodPresets, thisMonth, toDateRange, type Range } from '../periods';
import { metricsStrings as s } from '../strings';

// ECharts is the heaviest dependency; the table should not wait for it.
const SatisfactionChart = lazy(() => import('../components/satisfaction-chart').then((m) => ({ default: m.SatisfactionChart })));

export function MetricsPage() {
  const { user } = useStaffSession();
  const [unitId, setUnitId] = useState<number>(user.scopeUnitId);
  const [range, setRange] = useState<Range>(thisMonth);
  const [result, setResult] = useState<Ranking | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  const query = useMemo<MetricsQuery>(() => ({ unitId, ...toDateRange(range) }), [unitId, range]);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    fetchRanking(query, controller.signal).then(
      (r) => {
        setResult(r);
        setLoading(false);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setResult(null);
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
              presets={periodPresets}
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
