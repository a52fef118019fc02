import { useCallback } from 'react';
import { Alert, Card, Empty, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useLoaded } from '../../../api/use-loaded';
import { getHotspots } from '../../governance/api';
import { metricsStrings as s } from '../strings';

const SHOWN = 6;

/** The hotspots of the place under the dashboard (a township's own, or all): warnings first. */
export function HotspotsCard({ townshipCode }: { townshipCode: string | null }) {
  const load = useCallback(
    () => getHotspots(townshipCode ?? undefined).then((r) => [...r.groups.filter((g) => g.warning), ...r.groups.filter((g) => !g.warning)].slice(0, SHOWN)),
    [townshipCode],
  );
  const { data: groups, error } = useLoaded(load);

  return (
    <Card
      size="small"
      title={s.dashboard.hotspots}
      extra={<Link to="/staff/hotspots">{s.dashboard.hotspotsMore}</Link>}
      style={{ height: '100%' }}
      data-testid="dashboard-hotspots"
    >
      {error && <Alert type="error" showIcon title={error} />}
      {!error && groups === null && <Skeleton active paragraph={{ rows: 4 }} title={false} />}
      {groups?.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s.dashboard.noHotspots} />}
      {groups?.map((g) => (
        <div key={`${g.topicKey}|${g.placeKey}`} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }} data-testid="dashboard-hotspot" data-warning={String(g.warning)}>
          <div>
            {g.warning && <Tag color="red">{s.dashboard.warning}</Tag>}
            <Typography.Text strong>{g.topicLabel}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              {g.placeName}
            </Typography.Text>
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {s.dashboard.hotspotLine(g.thisWeek, g.lastFourWeeksAverage.toFixed(1), g.growthLabel)}
          </Typography.Text>
        </div>
      ))}
    </Card>
  );
}
