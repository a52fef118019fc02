import { Empty, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../ui/format';
import type { TimelineEntry } from '../api';

/** Every recorded step, oldest first, with who took it. */
export function CaseTimeline({ events }: { events: TimelineEntry[] }) {
  if (!events.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      data-testid="case-timeline"
      titleSpan="150px"
      items={events.map((e, i) => ({
        key: e.seq,
        color: i === events.length - 1 ? 'blue' : 'gray',
        title: <span style={{ fontSize: 12, color: '#8c8c8c', whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</span>,
        content: (
          <div data-testid="case-timeline-item" data-type={e.type}>
            <Typography.Text strong>{e.label}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
              {[e.actorName, e.unitName].filter(Boolean).join(' · ')}
            </Typography.Text>
            {e.text ? <div style={{ whiteSpace: 'pre-wrap', color: '#434343' }}>{e.text}</div> : null}
          </div>
        ),
      }))}
    />
  );
}
