import { useCallback } from 'react';
import { Alert, Card, Result, Skeleton } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/client';
import { useLoaded } from '../../../api/use-loaded';
import { PublishedDocumentText } from '../../../platform/components/published-document-text';
import { enforcementApi } from '../api';
import { enforcementStrings as strings } from '../strings';
import { PublicEnforcementShell } from '../components/public-shell';

const s = strings.publicDecisions;

/** 行政处罚决定书全文 as published: persons already redacted by the server. */
export function PublicDecisionPage() {
  const { id = '' } = useParams();
  const load = useCallback(
    (signal: AbortSignal) =>
      enforcementApi.publishedDecision(id, signal).catch((err: unknown) => {
        if (isApiError(err, 'XZCF_DECISION_NOT_FOUND') || (isApiError(err) && err.status === 400)) return null;
        throw err;
      }),
    [id],
  );
  const decision = useLoaded(load);
  return (
    <PublicEnforcementShell title={s.title}>
      {decision.loading && <Card size="small"><Skeleton active paragraph={{ rows: 12 }} /></Card>}
      {decision.error && <Alert type="error" showIcon title={decision.error} />}
      {!decision.loading && !decision.error && decision.data === null && (
        <Result status="404" title={<span data-testid="xzzf-decision-not-found">{s.notFound}</span>} style={{ background: '#fff', borderRadius: 4 }} />
      )}
      {decision.data && (
        <Card size="small" styles={{ body: { padding: '24px 20px' } }}>
          <PublishedDocumentText document={decision.data} />
        </Card>
      )}
      <div style={{ textAlign: 'center', marginTop: 12 }}>
        <Link to="/xzzf/decisions">{s.back}</Link>
      </div>
    </PublicEnforcementShell>
  );
}
