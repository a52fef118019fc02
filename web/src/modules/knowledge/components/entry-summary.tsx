import type { ReactNode } from 'react';
import { Space, Tag, Typography } from 'antd';
import type { KnowledgeEntry } from '../api';
import { knowledgeStrings as s } from '../strings';
import { EntryStatus } from './entry-status';

interface EntrySummaryProps {
  entry: KnowledgeEntry;
  /** Show the whole answer rather than its first lines. */
  full?: boolean;
  /** Buttons of the page that shows it (use it, open it). */
  actions?: ReactNode;
}

/**
 * One entry in a list: the question, whether it may be used now, the answer and its legal basis.
 * An entry that may not be used is greyed, its reason shown, so an operator sees the answer
 * exists but has lapsed.
 */
export function EntrySummary({ entry, full = false, actions }: EntrySummaryProps) {
  const validity = `${entry.validFrom} ${s.entry.validUntil} ${entry.validUntil ?? s.entry.open}`;
  return (
    <div
      style={{ opacity: entry.usable ? 1 : 0.6, width: '100%', minWidth: 0 }}
      data-testid="kb-entry"
      data-entry-id={entry.entryId}
      data-usable={entry.usable ? 'true' : 'false'}
    >
      <Space wrap size={8} style={{ marginBottom: 4 }}>
        <Typography.Text strong data-testid="kb-entry-question">{entry.question}</Typography.Text>
        <EntryStatus entry={entry} />
      </Space>
      <Typography.Paragraph
        style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}
        ellipsis={full ? false : { rows: 3, expandable: 'collapsible', symbol: (expanded: boolean) => (expanded ? '收起' : s.entry.details) }}
        data-testid="kb-entry-answer"
      >
        {entry.answer}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {s.entry.legalBasis}：{entry.legalBasis}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {s.entry.owner}：{entry.ownerName}　{s.entry.validity}：{validity}　{s.entry.reviewOn}：{entry.reviewOn}
      </Typography.Text>
      {(entry.matched?.length ?? 0) > 0 && (
        <Space wrap size={4} style={{ marginTop: 4 }}>
          {entry.matched!.map((t) => <Tag key={t} bordered={false}>{t}</Tag>)}
        </Space>
      )}
      {actions && <div style={{ marginTop: 6 }}>{actions}</div>}
    </div>
  );
}
