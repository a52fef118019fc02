import { useCallback } from 'react';
import { Alert, Card, Empty, List, Pagination, Skeleton, Space, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { useLoaded } from '../../../api/use-loaded';
import { reconsiderationApi } from '../api';
import { PublicShell } from '../components/public-shell';
import { reconsiderationStrings as s } from '../strings';

const PAGE_SIZE = 10;

/** 复议决定书公开: the served decisions, newest first, ten to a page (the page is in the address). */
export function DecisionsPage() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const load = useCallback((signal: AbortSignal) => reconsiderationApi.decisions(page, PAGE_SIZE, signal), [page]);
  const decisions = useLoaded(load);
  return (
    <PublicShell title={s.decisions.title} subtitle={s.decisions.subtitle}>
      <Card size="small" data-testid="xzfy-decisions">
        {decisions.error && <Alert type="error" showIcon title={decisions.error} />}
        {!decisions.data && !decisions.error && <Skeleton active />}
        {decisions.data && decisions.data.items.length === 0 && <Empty description={s.decisions.empty} />}
        {decisions.data && decisions.data.items.length > 0 && (
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Typography.Text type="secondary" data-testid="xzfy-decisions-total">
              {s.decisions.total(decisions.data.total)}
            </Typography.Text>
            <List
              dataSource={decisions.data.items}
              renderItem={(d) => (
                <List.Item data-testid="xzfy-decision-row" data-document-id={d.documentId}>
                  <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                    <Link to={`/xzfy/decisions/${d.documentId}`} data-testid="xzfy-decision-link">
                      <Typography.Text strong style={{ color: 'inherit' }}>
                        {d.number}
                      </Typography.Text>
                    </Link>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {s.decisions.respondent}：{d.respondentName}
                      {d.field ? ` · ${d.field}` : ''}
                    </Typography.Text>
                    <Space size={8} wrap>
                      {d.conclusion && <Tag>{d.conclusion}</Tag>}
                      {d.caseNumber && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{d.caseNumber}</Typography.Text>}
                      {d.concludedOn && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{d.concludedOn}</Typography.Text>}
                    </Space>
                  </Space>
                </List.Item>
              )}
            />
            {decisions.data.total > PAGE_SIZE && (
              <Pagination
                simple
                align="center"
                current={page}
                pageSize={PAGE_SIZE}
                total={decisions.data.total}
                onChange={(p) => setParams(p > 1 ? { page: String(p) } : {})}
                data-testid="xzfy-decisions-pages"
              />
            )}
          </Space>
        )}
      </Card>
    </PublicShell>
  );
}
