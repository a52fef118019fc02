import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Empty, Input, List, Space, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useLoaded } from '../../../api/use-loaded';
import { useStaffSession } from '../../staff/auth-context';
import { knowledgeApi } from '../api';
import { EntrySummary } from '../components/entry-summary';
import { maintainsKnowledge } from '../roles';
import { knowledgeStrings as s } from '../strings';

const PAGE_SIZE = 10;

/** 知识库检索: ranked by how well each entry answers the words (or a caller's sentence); without words, every entry the person may read. */
export function KnowledgeSearchPage() {
  const session = useStaffSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const [typed, setTyped] = useState(q);
  useEffect(() => setTyped(q), [q]);
  const load = useCallback((signal: AbortSignal) => knowledgeApi.search({ q: q || undefined, page, pageSize: PAGE_SIZE }, signal), [q, page]);
  const result = useLoaded(load);

  return (
    <Card
      size="small"
      title={s.search.title}
      extra={maintainsKnowledge(session) ? <Button size="small" type="primary" onClick={() => navigate('/staff/kb/new')} data-testid="kb-new">{s.menu.create}</Button> : null}
      data-testid="kb-search-page"
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Input.Search
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onSearch={(v) => setParams(v.trim() ? { q: v.trim() } : {})}
          placeholder={s.search.placeholder}
          enterButton={s.search.button}
          allowClear
          maxLength={500}
          data-testid="kb-search-query"
        />
        {result.error && <Alert type="error" showIcon title={result.error} />}
        {result.data && (
          <Typography.Text type="secondary" data-testid="kb-search-total">
            {s.search.total(result.data.total)}
            {result.data.terms.length > 0 && `　${s.search.terms(result.data.terms)}`}
          </Typography.Text>
        )}
        <List
          loading={result.loading}
          dataSource={result.data?.items ?? []}
          rowKey={(e) => e.entryId}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s.search.empty} /> }}
          pagination={
            (result.data?.total ?? 0) > PAGE_SIZE
              ? { current: page, pageSize: PAGE_SIZE, total: result.data!.total, size: 'small', showSizeChanger: false, onChange: (p) => setParams({ ...(q ? { q } : {}), page: String(p) }) }
              : false
          }
          data-testid="kb-search-results"
          renderItem={(entry) => (
            <List.Item>
              <EntrySummary
                entry={entry}
                actions={
                  <Space size={12} wrap>
                    <Link to={`/staff/kb/entries/${entry.entryId}`} data-testid="kb-entry-open">{s.entry.details}</Link>
                    {entry.maintainable || entry.publishable ? <Link to={`/staff/kb/cases/${entry.entryId}`} data-testid="kb-entry-manage">{s.entry.manage}</Link> : null}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Space>
    </Card>
  );
}
