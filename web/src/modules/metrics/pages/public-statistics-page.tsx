import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Empty, Result, Skeleton, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { PublicStatistics } from '../../../../../contracts/statistics';
import { errorMessage, isApiError } from '../../../api/client';
import { formatDateTime } from '../../../ui/format';
import { CitizenShell } from '../../../ui/citizen-shell';
import { fetchPublicStatistics } from '../api';
import { FigureCards, VolumeCard } from '../components/stat-cards';
import { describeRange } from '../periods';
import { metricsStrings as s } from '../strings';

const charts = () => import('../components/stats-charts');
const TrendChart = lazy(() => charts().then((m) => ({ default: m.TrendChart })));
const SliceBars = lazy(() => charts().then((m) => ({ default: m.SliceBars })));

const p = s.public;

function Block({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <Card size="small" title={title} data-testid={testId}>
      <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} />}>{children}</Suspense>
    </Card>
  );
}

/** What the county chose to publish about its hotline, for anyone, on a phone first. */
export function PublicStatisticsPage() {
  const [data, setData] = useState<PublicStatistics | null>(null);
  const [unpublished, setUnpublished] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    fetchPublicStatistics(controller.signal).then(setData, (err: unknown) => {
      if (controller.signal.aborted) return;
      // Nothing published (or not offered here) answers 404: say so plainly, not as a failure.
      if (isApiError(err) && err.status === 404) setUnpublished(true);
      else setError(errorMessage(err));
    });
    return () => controller.abort();
  }, []);

  const hasFigures = !!data && Object.keys(data.figures).length > 0;
  const nothing = data && !data.requests && !hasFigures && !data.byCategory && !data.byDay;

  return (
    <CitizenShell title={p.title} subtitle={data ? p.subtitle(data.regionName, describeRange(data.period)) : undefined}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="public-statistics">
        {error && <Alert type="error" showIcon title={error} data-testid="public-statistics-error" />}
        {unpublished && (
          <Card size="small">
            <Result
              status="info"
              title={<span data-testid="public-statistics-unpublished">{p.unpublished}</span>}
              subTitle={p.unpublishedHint}
              extra={
                <Link to="/">
                  <Button type="primary">{p.backHome}</Button>
                </Link>
              }
            />
          </Card>
        )}
        {!data && !error && !unpublished && <Skeleton active paragraph={{ rows: 8 }} />}
        {nothing && (
          <Card size="small">
            <Empty description={p.nothingShown} />
          </Card>
        )}
        {data?.requests && <VolumeCard title={p.requests} total={data.requests} />}
        {data && hasFigures && (
          <Card size="small" title={p.figures} styles={{ body: { background: '#f7f9fc' } }} data-testid="public-figures">
            <FigureCards figures={data.figures} narrow />
          </Card>
        )}
        {data?.byCategory && (
          <Block title={p.byCategory} testId="public-by-category">
            <SliceBars slices={data.byCategory} />
          </Block>
        )}
        {data?.byDay && (
          <Block title={p.byDay} testId="public-by-day">
            <TrendChart days={data.byDay} height={220} />
          </Block>
        )}
        {data && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, textAlign: 'center', margin: 0 }}>
            {p.asOf(formatDateTime(data.asOf))}
            <br />
            {p.note}
          </Typography.Paragraph>
        )}
      </Space>
    </CitizenShell>
  );
}
