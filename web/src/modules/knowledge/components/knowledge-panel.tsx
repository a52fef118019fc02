import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Empty, Input, List, Typography } from 'antd';
import { useLoaded } from '../../../api/use-loaded';
import { knowledgeApi, type KnowledgeEntry } from '../api';
import { knowledgeStrings as s } from '../strings';
import { EntrySummary } from './entry-summary';

interface KnowledgePanelProps {
  /** What to search for to begin with: the caller's words as recorded; followed as it changes. */
  query: string;
  /** Offered on each entry that may be used now. */
  onUse?: (entry: KnowledgeEntry) => void;
  useLabel?: string;
  /** The entry already chosen, marked as such. */
  chosenId?: string | null;
}

/**
 * The knowledge base beside a call: the caller's words searched as they are recorded (or the
 * operator's own), the best entries first, each that may be used offered for the answer.
 */
export function KnowledgePanel({ query, onUse, useLabel = s.panel.use, chosenId = null }: KnowledgePanelProps) {
  const [q, setQ] = useState(query);
  const [asked, setAsked] = useState(query);
  useEffect(() => setQ(query), [query]);
  // Asked once typing pauses, so a call in progress does not search at every keystroke.
  useEffect(() => {
    const timer = window.setTimeout(() => setAsked(q), 400);
    return () => window.clearTimeout(timer);
  }, [q]);
  const load = useCallback((signal: AbortSignal) => knowledgeApi.search({ q: asked.trim(), pageSize: 5 }, signal), [asked]);
  const result = useLoaded(asked.trim() ? load : null);

  return (
    <Card size="small" title={s.panel.title} data-testid="kb-panel">
      <Input.Search
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(v) => setAsked(v)}
        placeholder={s.search.placeholder}
        allowClear
        maxLength={500}
        enterButton={s.search.button}
        data-testid="kb-panel-query"
      />
      {result.error && <Alert type="error" showIcon title={result.error} style={{ marginTop: 8 }} />}
      {result.data && result.data.items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s.search.empty} />}
      {result.data && result.data.items.length > 0 && (
        <>
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 8 }}>{s.search.hint}</Typography.Text>
          <List
            loading={result.loading}
            dataSource={result.data.items}
            rowKey={(e) => e.entryId}
            data-testid="kb-panel-results"
            renderItem={(entry) => (
              <List.Item>
                <EntrySummary
                  entry={entry}
                  actions={
                    onUse && entry.usable ? (
                      <Button
                        size="small"
                        type={chosenId === entry.entryId ? 'default' : 'primary'}
                        disabled={chosenId === entry.entryId}
                        onClick={() => onUse(entry)}
                        data-testid="kb-use"
                      >
                        {chosenId === entry.entryId ? s.panel.chosen : useLabel}
                      </Button>
                    ) : null
                  }
                />
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}
