import { useCallback } from 'react';
import { Button, Card, Descriptions, Result, Skeleton, Space, Tag } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useLoaded } from '../../../api/use-loaded';
import { knowledgeApi } from '../api';
import { EntrySummary } from '../components/entry-summary';
import { knowledgeStrings as s } from '../strings';

/** One entry as its readers see it: the whole answer, its basis, owner and days, how often it was used, where it came from. */
export function EntryPage() {
  const { entryId = '' } = useParams();
  const navigate = useNavigate();
  const load = useCallback((signal: AbortSignal) => knowledgeApi.entry(entryId, signal), [entryId]);
  const entry = useLoaded(load);
  const back = <Button onClick={() => navigate(-1)} data-testid="kb-entry-back">{s.entry.back}</Button>;

  if (entry.loading) return <Card size="small"><Skeleton active /></Card>;
  // Unknown and unreadable entries answer alike; the server's sentence says so.
  if (entry.error || !entry.data) return <Result status="warning" title={<span data-testid="kb-entry-not-found">{entry.error ?? s.entry.notFound}</span>} extra={back} />;
  const e = entry.data;
  return (
    <Card size="small" title={s.label} extra={<Space>{(e.maintainable || e.publishable) && <Link to={`/staff/kb/cases/${e.entryId}`} data-testid="kb-entry-manage">{s.entry.manage}</Link>}{back}</Space>} data-testid="kb-entry-page">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <EntrySummary entry={e} full />
        <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }}>
          <Descriptions.Item label={s.entry.keywords}>{e.keywords.length ? e.keywords.map((k) => <Tag key={k}>{k}</Tag>) : '—'}</Descriptions.Item>
          <Descriptions.Item label={s.entry.category}>{e.categoryName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={s.entry.owner}>{e.ownerName}</Descriptions.Item>
          <Descriptions.Item label={s.entry.reviewOn}>{e.reviewOn}</Descriptions.Item>
          <Descriptions.Item label={s.entry.validity}>{`${e.validFrom} ${s.entry.validUntil} ${e.validUntil ?? s.entry.open}`}</Descriptions.Item>
          <Descriptions.Item label={e.stateLabel}>{`${s.entry.revision(e.revision)}　${s.entry.uses(e.uses)}`}</Descriptions.Item>
          {e.sourceCaseId && (
            <Descriptions.Item label={s.entry.source}>
              <Link to={`/staff/requests/${e.sourceCaseId}`} data-testid="kb-entry-source">{s.entry.sourceLink}</Link>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Space>
    </Card>
  );
}
