import { Tag, Tooltip } from 'antd';
import { formatDue } from '../../ui/format';
import type { CaseClockStatus } from '../api';
import { platformStrings as s } from '../strings';

const COLORS: Record<CaseClockStatus, string> = { green: 'green', yellow: 'gold', red: 'red', paused: 'default', stopped: 'default' };

/** A statutory clock's traffic light (green, yellow, red, or paused), with its label and due time. */
export function CaseClockTag({ clock }: { clock: { label: string; dueAt: string; status: CaseClockStatus } | null }) {
  if (!clock) return <span style={{ color: '#bfbfbf' }}>{s.clock.none}</span>;
  const due = formatDue(clock.dueAt);
  return (
    <Tooltip title={`${clock.label}：${due}`}>
      <span style={{ whiteSpace: 'nowrap' }} data-testid="case-clock" data-status={clock.status}>
        <Tag color={COLORS[clock.status]} style={{ marginInlineEnd: 4 }}>
          {s.clock[clock.status]}
        </Tag>
        <span style={{ fontSize: 12, color: clock.status === 'red' ? '#c8102e' : '#595959' }}>
          {clock.label} {due}
        </span>
      </span>
    </Tooltip>
  );
}

/** A case's state as a tag: blue while it runs, grey once final. */
export function CaseStateTag({ label, final, testId }: { label: string; final?: boolean; testId?: string }) {
  return (
    <Tag color={final ? 'default' : 'processing'} data-testid={testId}>
      {label}
    </Tag>
  );
}
