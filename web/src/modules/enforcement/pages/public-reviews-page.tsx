import { useCallback } from 'react';
import { Alert, Card, Empty, List, Pagination, Skeleton, Space, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useLoaded } from '../../../api/use-loaded';
import { REVIEW_GRADE_LABELS } from '../../../../../contracts/enforcement';
import { enforcementApi } from '../api';
import { PublicEnforcementShell } from '../components/public-shell';
import { enforcementStrings as strings } from '../strings';

const s = strings.publicReviews;
const PAGE_SIZE = 10;

/** 示范优案 and 典型差案: the files a 案卷评查 published, newest first; a person party shows as surname + 某. */
export function PublicReviewsPage() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const reviews = useLoaded(useCallback((signal: AbortSignal) => enforcementApi.publishedReviews({ page, pageSize: PAGE_SIZE }, signal), [page]));
  return (
    <PublicEnforcementShell title={s.title} subtitle={s.subtitle} footer={s.footer}>
      <Card size="small" data-testid="xzzf-public-reviews">
        {reviews.error && <Alert type="error" showIcon title={reviews.error} />}
        {!reviews.data && !reviews.error && <Skeleton active />}
        {reviews.data && reviews.data.items.length === 0 && <Empty description={s.empty} />}
        {reviews.data && reviews.data.items.length > 0 && (
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            <Typography.Text type="secondary">{s.total(reviews.data.total)}</Typography.Text>
            <List
              dataSource={reviews.data.items}
              renderItem={(r) => (
                <List.Item data-testid="xzzf-public-review" data-grade={r.grade}>
                  <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                    <Space size={8} wrap>
                      <Tag color={r.grade === 'excellent' ? 'green' : 'red'}>{REVIEW_GRADE_LABELS[r.grade]}</Tag>
                      <Typography.Text strong>{r.subjectName}</Typography.Text>
                      <Typography.Text>{s.score(r.score)}</Typography.Text>
                    </Space>
                    <Typography.Text style={{ fontSize: 13 }}>{s.cause}：{r.cause}</Typography.Text>
                    <Typography.Text style={{ fontSize: 13 }} data-testid="xzzf-public-review-summary">{r.summary}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {s.caseNumber}：{r.caseNumber ?? '—'}{r.decisionNumber ? ` · ${s.decisionNumber}：${r.decisionNumber}` : ''} · {r.campaign} · {r.publishedOn}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
            {reviews.data.total > PAGE_SIZE && (
              <Pagination simple align="center" current={page} pageSize={PAGE_SIZE} total={reviews.data.total} onChange={(p) => setParams(p > 1 ? { page: String(p) } : {})} />
            )}
          </Space>
        )}
      </Card>
    </PublicEnforcementShell>
  );
}
