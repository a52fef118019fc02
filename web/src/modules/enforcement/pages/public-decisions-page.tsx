import { useCallback } from 'react';
import { Alert, Card, Empty, Input, List, Pagination, Skeleton, Space, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { useLoaded } from '../../../api/use-loaded';
import { enforcementApi } from '../api';
import { PublicEnforcementShell } from '../components/public-shell';
import { enforcementStrings as strings } from '../strings';

const s = strings.publicDecisions;
const PAGE_SIZE = 10;

/** 行政处罚决定公示: the published decisions, newest first, searchable; the words and the page are in the address. */
export function PublicDecisionsPage() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const q = params.get('q') ?? '';
  const load = useCallback((signal: AbortSignal) => enforcementApi.publishedDecisions({ ...(q ? { q } : {}), page, pageSize: PAGE_SIZE }, signal), [q, page]);
  const decisions = useLoaded(load);
  return (
    <PublicEnforcementShell title={s.title} subtitle={s.subtitle}>
      <Card size="small" data-testid="xzzf-decisions">
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Input.Search defaultValue={q} placeholder={s.search} allowClear maxLength={50} onSearch={(v) => setParams(v.trim() ? { q: v.trim() } : {})} data-testid="xzzf-decisions-search" />
          {decisions.error && <Alert type="error" showIcon title={decisions.error} />}
          {!decisions.data && !decisions.error && <Skeleton active />}
          {decisions.data && decisions.data.items.length === 0 && <Empty description={s.empty} />}
          {decisions.data && decisions.data.items.length > 0 && (
            <>
              <Typography.Text type="secondary" data-testid="xzzf-decisions-total">{s.total(decisions.data.total)}</Typography.Text>
              <List
                dataSource={decisions.data.items}
                renderItem={(d) => (
                  <List.Item data-testid="xzzf-decision-row" data-document-id={d.documentId}>
                    <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                      <Link to={`/xzzf/decisions/${d.documentId}`} data-testid="xzzf-decision-link">
                        <Typography.Text strong style={{ color: 'inherit' }}>{d.number}</Typography.Text>
                      </Link>
                      <Typography.Text style={{ fontSize: 13 }}>{d.summary}</Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="xzzf-decision-party">
                        {s.party}：{d.party} · {d.subjectName}
                      </Typography.Text>
                      <Space size={8} wrap>
                        <Tag>{d.field}</Tag>
                        {d.decidedOn && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{d.decidedOn}</Typography.Text>}
                      </Space>
                    </Space>
                  </List.Item>
                )}
              />
              {decisions.data.total > PAGE_SIZE && (
                <Pagination simple align="center" current={page} pageSize={PAGE_SIZE} total={decisions.data.total} onChange={(p) => setParams({ ...(q ? { q } : {}), ...(p > 1 ? { page: String(p) } : {}) })} />
              )}
            </>
          )}
        </Space>
      </Card>
    </PublicEnforcementShell>
  );
}
