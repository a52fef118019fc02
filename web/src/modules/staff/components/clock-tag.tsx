import { Tag, Tooltip } from 'antd';
import { formatDateTime } from '../../../ui/format';
import type { ClockStatus } from '../api';
import { staffStrings as s } from '../strings';

const COLORS: Record<ClockStatus, string> = { green: 'green', yellow: 'gold', red: 'red' };

/** The traffic light of a statutory clock, with its due time. */
export function ClockTag({ clock, label }: { clock: { dueAt: string; status: ClockStatus } | null; label?: string }) {
  if (!clock) return <span style={{ color: '#bfbfbf' }}>{s.clock.none}</span>;
  const due = formatDateTime(clock.dueAt);
  return (
    <Tooltip title={`${label ?? s.clock.due}：${due}`}>
      <span style={{ whiteSpace: 'nowrap' }} data-testid="clock-tag" data-status={clock.status}>
        <Tag color={COLORS[clock.status]} style={{ marginInlineEnd: 4 }}>
          {s.clock[clock.status]}
        </Tag>
        <span style={{ fontSize: 12, color: clock.status === 'red' ? '#c8102e' : '#595959' }}>{due}</span>
      </span>
    </Tooltip>
  );
}
