import { lazy, Suspense, useCallback, useMemo, useState, type ReactNode } from 'react';
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Row, Segmented, Select, Skeleton, Space, Spin, Typography } from 'antd';
import { FIGURE_KEYS, type RankKey } from '../../../../../contracts/metrics';
import { useLoaded } from '../../../api/use-loaded';
import { useUnits } from '../../../api/units';
import { formatDateTime } from '../../../ui/format';
import { useStaffSession } from '../../staff/auth-context';
import { exportUrl, fetchDashboard, type MetricsQuery } from '../api';
import { DrillDownDrawer } from '../components/drill-down-drawer';
import { HotspotsCard } from '../components/hotspots-card';
import { MetricsTable } from '../components/metrics-table';
import { PublicSettingsCard } from '../components/public-settings-card';
import { ReportButtons } from '../components/report-buttons';
import { FigureCards, LiveCard, VolumeCard } from '../components/stat-cards';
import type { MapMeasure } from '../components/township-map';
import { ScopeFields } from '../components/scope-fields';
import { describeRange, toDateRange } from '../periods';
import { metricsStrings as s } from '../strings';
import { periodOf, rangeOf, useStatsView } from '../view-params';

// ECharts is the heaviest dependency: the numbers show before the charts arrive.
const charts = () => import('../components/stats-charts');
const TrendChart = lazy(() => charts().then((m) => ({ default: m.TrendChart })));
const SlicePie = lazy(() => charts().then((m) => ({ default: m.SlicePie })));
const SliceBars = lazy(() => charts().then((m) => ({ default: m.SliceBars })));
const SliceColumns = lazy(() => charts().then((m) => ({ default: m.SliceColumns })));
const TownshipMap = lazy(() => import('../components/township-map').then((m) => ({ default: m.TownshipMap })));

const d = s.dashboard;
const RANK_OPTIONS: Array<{ value: RankKey; label: string }> = [
  { value: 'compositeScore', label: s.columns.compositeScore },
  ...FIGURE_KEYS.map((key) => ({ value: key, label: s.figures[key] })),
];

function ChartCard({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Card size="small" title={title} style={{ height: '100%' }} data-testid={testId}>
      <Suspense fallback={<Skeleton active paragraph={{ rows: 5 }} />}>{children}</Suspense>
    </Card>
  );
}

/**
 * 领导驾驶舱: volume, live work, the figures with 同比/环比, charts, townships and the ranking of one
 * unit. Everything the page shows is chosen in its address (view-params.ts), so a link opens this view.
 */
export function DashboardPage() {
  const { user } = useStaffSession();
  const [view, update] = useStatsView(user.scopeUnitId);
  const { unitId, rankBy, measure, drill, trail } = view;
  const range = rangeOf(view.period);
  const { from, to } = toDateRange(range);
  const [tick, setTick] = useState(0);
  const { units } = useUnits();
  const unitNames = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);

  const query = useMemo<MetricsQuery>(() => ({ unitId, from, to, rankBy }), [unitId, from, to, rankBy]);
  // A new tick (刷新) asks again for the same query.
  const load = useCallback((signal: AbortSignal) => fetchDashboard(query, signal), [query, tick]);
  const { data: dashboard, loading, error } = useLoaded(load);

  const chooseUnit = (id: number) => update({ unitId: id, trail: [], drill: null });
  const enterTownship = (id: number) => {
    if (!dashboard || id === dashboard.scope.unitId) return;
    update({ unitId: id, trail: [...trail, dashboard.scope.unitId], drill: null });
  };
  const back = () => {
    const previous = trail.at(-1);
    if (previous !== undefined) update({ unitId: previous, trail: trail.slice(0, -1), drill: null });
  };
  const previousName = trail.length > 0 ? (unitNames.get(trail.at(-1)!) ?? d.back) : null;

  const scope = dashboard?.scope;
  const showMap = !!dashboard && dashboard.townships.some((t) => t.unit.unitId !== dashboard.scope.unitId);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="dashboard" data-loading={String(loading)}>
      <Card
        size="small"
        title={
          <span data-testid="dashboard-scope" data-unit-id={scope?.unitId}>
            {d.title}
            {scope && <Typography.Text style={{ marginInlineStart: 8, fontWeight: 400 }}>{scope.name}</Typography.Text>}
          </span>
        }
      >
        <Form layout="inline" style={{ rowGap: 8 }}>
          <ScopeFields unitId={unitId} onUnitChange={chooseUnit} range={range} onRangeChange={(r) => update({ period: periodOf(r) })} rangeTestId="dashboard-range" />
          <Form.Item label={d.rankBy}>
            <Select<RankKey> value={rankBy} onChange={(key) => update({ rankBy: key })} options={RANK_OPTIONS} style={{ width: 140 }} data-testid="dashboard-rank-by" />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button icon={<ReloadOutlined />} onClick={() => setTick((t) => t + 1)} data-testid="dashboard-refresh">
                {d.refresh}
              </Button>
              {previousName !== null && (
                <Button icon={<ArrowLeftOutlined />} onClick={back} data-testid="dashboard-back">
                  {previousName}
                </Button>
              )}
            </Space>
          </Form.Item>
          <Form.Item>
            <ReportButtons unitId={unitId} periodEnd={to} />
          </Form.Item>
        </Form>
        {dashboard && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
            {d.periods(formatDateTime(dashboard.asOf), describeRange(dashboard.previousPeriod), describeRange(dashboard.lastYearPeriod))}
          </Typography.Paragraph>
        )}
      </Card>
      {error && <Alert type="error" showIcon title={d.loadFailed} description={error} data-testid="dashboard-error" />}
      {!dashboard && !error && <Skeleton active paragraph={{ rows: 12 }} />}
      {dashboard && (
        <Spin spinning={loading}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Row gutter={[12, 12]}>
              <Col xs={24} lg={8}>
                <VolumeCard total={dashboard.volume.total} basisHint={d.volumeBasis[dashboard.volume.basis]} />
              </Col>
              <Col xs={24} lg={16}>
                <LiveCard live={dashboard.live} onOpen={(kind) => update({ drill: kind })} />
              </Col>
            </Row>
            <Card size="small" title={d.figuresTitle} styles={{ body: { background: '#f7f9fc' } }}>
              <FigureCards figures={dashboard.figures} />
            </Card>
            <Row gutter={[12, 12]}>
              <Col xs={24} xl={16}>
                <ChartCard title={d.byDay} testId="chart-by-day">
                  <TrendChart days={dashboard.volume.byDay} />
                </ChartCard>
              </Col>
              <Col xs={24} md={12} xl={8}>
                <ChartCard title={d.byChannel}>
                  <SlicePie slices={dashboard.volume.byChannel} />
                </ChartCard>
              </Col>
              <Col xs={24} md={12} xl={8}>
                <ChartCard title={d.byType}>
                  <SlicePie slices={dashboard.volume.byType} />
                </ChartCard>
              </Col>
              <Col xs={24} md={12} xl={16}>
                <ChartCard title={d.topCategories}>
                  <SliceBars slices={dashboard.volume.topCategories} color="#2e8b57" />
                </ChartCard>
              </Col>
              <Col xs={24}>
                <ChartCard title={d.byCategory}>
                  <SliceColumns slices={dashboard.volume.byCategory} />
                </ChartCard>
              </Col>
            </Row>
            <Row gutter={[12, 12]}>
              {showMap && (
                <Col xs={24} xl={14}>
                  <Card
                    size="small"
                    title={d.map}
                    style={{ height: '100%' }}
                    extra={
                      <Segmented<MapMeasure>
                        size="small"
                        value={measure}
                        onChange={(value) => update({ measure: value })}
                        options={[
                          { value: 'requests', label: d.mapBy.requests },
                          { value: 'overdueShare', label: d.mapBy.overdueShare },
                        ]}
                        data-testid="map-measure"
                      />
                    }
                  >
                    <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
                      <TownshipMap cells={dashboard.townships} measure={measure} onSelect={enterTownship} />
                    </Suspense>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {d.mapCaption}
                    </Typography.Text>
                  </Card>
                </Col>
              )}
              <Col xs={24} xl={showMap ? 10 : 24}>
                <HotspotsCard townshipCode={dashboard.scope.kind === 'township' ? dashboard.scope.regionCode : null} />
              </Col>
            </Row>
            <Card
              size="small"
              title={d.ranking}
              extra={
                <Button size="small" href={exportUrl(query)} target="_blank" rel="noopener" data-testid="dashboard-export">
                  {s.export}
                </Button>
              }
            >
              <MetricsTable rows={dashboard.ranking.rows} total={dashboard.ranking.total} loading={loading} maxHeight={560} />
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
                {s.note}
              </Typography.Paragraph>
            </Card>
            {user.role === 'admin' && <PublicSettingsCard />}
          </Space>
        </Spin>
      )}
      {scope && <DrillDownDrawer unitId={scope.unitId} unitName={scope.name} kind={drill} onClose={() => update({ drill: null })} />}
    </Space>
  );
}
