import { Empty, Grid, Table, Tag } from 'antd';
import { dueDay, formatDateTime, formatDue } from '../../ui/format';
import type { CaseClock } from '../api';
import { platformStrings as s } from '../strings';
import { CaseClockTag } from './case-clock-tag';

/** Every clock of the case: its statute and article, start, due, pauses and stop, and how it stands. */
export function CaseClocksTable({ clocks }: { clocks: CaseClock[] }) {
  const narrow = Grid.useBreakpoint().md === false;
  if (!clocks.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s.detail.noClocks} />;
  return (
    <Table<CaseClock>
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={clocks}
      data-testid="case-clocks"
      onRow={(k) => ({ 'data-testid': 'case-clock-row', 'data-clock': k.name, 'data-status': k.status, 'data-due-day': dueDay(k.dueAt) ?? undefined }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { key: 'label', title: s.clocks.label, render: (_, k) => k.label },
        {
          key: 'status',
          title: s.clocks.status,
          render: (_, k) => (
            <span>
              {k.status === 'stopped' ? <Tag>{s.clock.stopped}</Tag> : <CaseClockTag clock={{ label: '', dueAt: k.dueAt, status: k.status }} />}
              {k.urgeLabel && <Tag color="orange">{k.urgeLabel}</Tag>}
              {k.extended > 0 && <Tag>{s.clocks.extended(k.extended)}</Tag>}
            </span>
          ),
        },
        { key: 'basis', title: s.clocks.basis, render: (_, k) => (k.law ? s.clocks.article(k.law, k.article) : '—') },
        ...(narrow ? [] : [{ key: 'started', title: s.clocks.started, render: (_: unknown, k: CaseClock) => formatDateTime(k.startedAt) }]),
        { key: 'due', title: s.clocks.due, render: (_, k) => <span data-testid="case-clock-due">{formatDue(k.dueAt)}</span> },
        { key: 'paused', title: s.clocks.paused, render: (_, k) => (k.pausedAt ? formatDateTime(k.pausedAt) : '—') },
        { key: 'stopped', title: s.clocks.stopped, render: (_, k) => (k.stoppedAt ? formatDateTime(k.stoppedAt) : '—') },
        ...(narrow ? [] : [{ key: 'unit', title: s.clocks.unit, render: (_: unknown, k: CaseClock) => k.unitName ?? '—' }]),
      ]}
    />
  );
}
