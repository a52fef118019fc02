import { useCallback } from 'react';
import { Alert, Card, Empty, Input, List, Pagination, Skeleton, Space, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useLoaded } from '../../../api/use-loaded';
import { INSPECTION_RESULT_LABELS } from '../../../../../contracts/enforcement';
import { enforcementApi } from '../api';
import { PublicEnforcementShell } from '../components/public-shell';
import { enforcementStrings as strings } from '../strings';

const s = strings.publicInspections;
const PAGE_SIZE = 10;

/** 一公开: inspections carried out and their results, newest first, searchable by enterprise or subject. */
export function PublicInspectionsPage() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const q = params.get('q') ?? '';
  const results = useLoaded(useCallback((signal: AbortSignal) => enforcementApi.publishedInspections({ ...(q ? { q } : {}), page, pageSize: PAGE_SIZE }, signal), [q, page]));
  return (
    <PublicEnforcementShell title={s.title} subtitle={s.subtitle} footer={s.footer}>
      <Card size="small" data-testid="xzjc-public-results">
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Input.Search defaultValue={q} placeholder={s.search} allowClear maxLength={50} onSearch={(v) => setParams(v.trim() ? { q: v.trim() } : {})} data-testid="xzjc-public-search" />
          {results.error && <Alert type="error" showIcon title={results.error} />}
          {!results.data && !results.error && <Skeleton active />}
          {results.data && results.data.items.length === 0 && <Empty description={s.empty} />}
          {results.data && results.data.items.length > 0 && (
            <>
              <Typography.Text type="secondary">{s.total(results.data.total)}</Typography.Text>
              <List
                dataSource={results.data.items}
                renderItem={(r) => (
                  <List.Item data-testid="xzjc-public-result" data-result={r.result}>
                    <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                      <Space size={8} wrap>
                        <Typography.Text strong>{r.enterprise}</Typography.Text>
                        <Tag color={r.result === 'problems' ? 'orange' : 'green'}>{INSPECTION_RESULT_LABELS[r.result]}</Tag>
                        {r.followUp && <Tag color="red">{s.followUp}</Tag>}
                      </Space>
                      {r.creditCode && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{s.creditCode}：{r.creditCode}</Typography.Text>}
                      <Typography.Text style={{ fontSize: 13 }}>{r.matterName}</Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.subjectName}{r.jointSubjectNames.length ? ` · ${s.joint(r.jointSubjectNames.join('、'))}` : ''} · {r.inspectedOn}
                      </Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
              {results.data.total > PAGE_SIZE && (
                <Pagination simple align="center" current={page} pageSize={PAGE_SIZE} total={results.data.total} onChange={(p) => setParams({ ...(q ? { q } : {}), ...(p > 1 ? { page: String(p) } : {}) })} />
              )}
            </>
          )}
        </Space>
      </Card>
    </PublicEnforcementShell>
  );
}
