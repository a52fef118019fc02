import { Tag } from 'antd';
import type { KnowledgeEntry } from '../api';
import { knowledgeStrings as s } from '../strings';

/** Whether an entry may be used now: green when it may, else its reason. */
export function EntryStatus({ entry }: { entry: KnowledgeEntry }) {
  if (entry.usable) return <Tag color="green" data-testid="kb-entry-usable">{s.entry.usable}</Tag>;
  return (
    <Tag color={entry.state === 'expired' ? 'red' : 'default'} data-testid="kb-entry-unavailable">
      {entry.unavailableLabel ?? entry.stateLabel}
    </Tag>
  );
}
