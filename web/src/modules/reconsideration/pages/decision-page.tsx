import { useCallback } from 'react';
import { Alert, Button, Card, Result, Skeleton } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/client';
import { useLoaded } from '../../../api/use-loaded';
import { reconsiderationApi } from '../api';
import { PublishedDocumentText } from '../../../platform/components/published-document-text';
import { PublicShell } from '../components/public-shell';
import { reconsiderationStrings as s } from '../strings';

/** 复议决定书全文: the published text, names already redacted by the server. */
export function DecisionPage() {
  const { id = '' } = useParams();
  const load = useCallback(
    (signal: AbortSignal) =>
      reconsiderationApi.decision(id, signal).catch((err: unknown) => {
        if (isApiError(err, 'XZFY_DECISION_NOT_FOUND') || (isApiError(err) && err.status === 400)) return null;
        throw err;
      }),
    [id],
  );
  const decision = useLoaded(load);
  return (
    <PublicShell title={s.decisions.title}>
      {decision.loading && <Card size="small"><Skeleton active paragraph={{ rows: 12 }} /></Card>}
      {decision.error && <Alert type="error" showIcon title={decision.error} />}
      {!decision.loading && !decision.error && decision.data === null && (
        <Result status="404" title={<span data-testid="decision-not-found">{s.decisions.notFound}</span>} style={{ background: '#fff', borderRadius: 4 }} />
      )}
      {decision.data && (
        <Card size="small" styles={{ body: { padding: '24px 20px' } }}>
          <PublishedDocumentText document={decision.data} />
        </Card>
      )}
      <Link to="/xzfy/decisions">
        <Button block>{s.decisions.back}</Button>
      </Link>
    </PublicShell>
  );
}
