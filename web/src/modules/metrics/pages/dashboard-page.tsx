import { lazy, Suspense, useCallback, useMemo, useState, type ReactNode } from 'react';
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Row, Segmented, Select, Skeleton, Space, Spin, Typography } from 'antd';
import { FIGURE_KEYS, type RankKey } from '../../../../../contracts/metrics';
import type { DrillDownKind, StatsUnit } from '../../../../../contracts/statistics';
import { useLoaded } from '../../../api/use-loaded';
import { formatDateTime } from '../../../ui/format';
import { useStaffSession } from '../../staff/auth-context';
import { exportUrl, fetchDashboard, type MetricsQuery } from '../api';
import { DrillDownDrawer } from '../components/drill-down-drawer';
import { HotspotsCard } from '../components/hotspots-card';
import { MetricsTable } from '../components/metrics-table';
import { PublicSettingsCard } from '../components/public-settings-card';
import { FigureCards, LiveCard, VolumeCard } from '../components/stat-cards';
import type { MapMeasure } from '../components/township-map';
import { ScopeFields } from '../components/scope-fields';
import { describeRange, thisMonth, toDateRange, type Range } from '../periods';
import { metricsStrings as s } from '../strings';

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

/** 领导驾驶舱: volume, live work, the figures with 同比/环比, charts, townships and the ranking of one unit. */
export function DashboardPage() {
  const { user } = useStaffSession();
  const [unitId, setUnitId] = useState<number>(user.scopeUnitId);
  // Units left by clicking a township on the map, so 返回 can go back up.
  const [trail, setTrail] = useState<StatsUnit[]>([]);
  const [range, setRange] = useState<Range>(thisMonth);
  const [rankBy, setRankBy] = useState<RankKey>('compositeScore');
  const [tick, setTick] = useState(0);
  const [drill, setDrill] = useState<DrillDownKind | null>(null);
  const [measure, setMeasure] = useState<MapMeasure>('requests');

  const query = useMemo<MetricsQuery>(() => ({ unitId, ...toDateRange(range), rankBy }), [unitId, range, rankBy]);
  // A new tick (刷新) asks again for the same query.
  const load = useCallback((signal: AbortSignal) => fetchDashboard(query, signal), [query, tick]);
  const { data: dashboard, loading, error } = useLoaded(load);

  const chooseUnit = (id: number) => {
    setTrail([]);
    setUnitId(id);
  };
  const enterTownship = (id: number) => {
    if (!dashboard || id === dashboard.scope.unitId) return;
    setTrail((t) => [...t, dashboard.scope]);
    setUnitId(id);
  };
  const back = () => {
    const previous = trail.at(-1);
    if (!previous) return;
    setTrail((t) => t.slice(0, -1));
    setUnitId(previous.unitId);
  };

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
          <ScopeFields unitId={unitId} onUnitChange={chooseUnit} range={range} onRangeChange={setRange} rangeTestId="dashboard-range" />
          <Form.Item label={d.rankBy}>
            <Select<RankKey> value={rankBy} onChange={setRankBy} options={RANK_OPTIONS} style={{ width: 140 }} data-testid="dashboard-rank-by" />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button icon={<ReloadOutlined />} onClick={() => setTick((t) => t + 1)} data-testid="dashboard-refresh">
                {d.refresh}
              </Button>
              {trail.length > 0 && (
                <Button icon={<ArrowLeftOutlined />} onClick={back} data-testid="dashboard-back">
                  {trail.at(-1)!.name}
                </Button>
              )}
            </Space>
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
                <LiveCard live={dashboard.live} onOpen={setDrill} />
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
                        onChange={setMeasure}
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
      {scope && <DrillDownDrawer unitId={scope.unitId} unitName={scope.name} kind={drill} onClose={() => setDrill(null)} />}
    </Space>
  );
}
