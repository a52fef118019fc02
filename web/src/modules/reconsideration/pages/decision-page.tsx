import { useCallback } from 'react';
import { Alert, Button, Card, Result, Skeleton } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/client';
import { useLoaded } from '../../../api/use-loaded';
import { reconsiderationApi, type DecisionBlock } from '../api';
import { PublicShell } from '../components/public-shell';
import { reconsiderationStrings as s } from '../strings';

const paper = { fontFamily: "'FangSong', 'STFangsong', 'Noto Serif CJK SC', serif", fontSize: 16, lineHeight: 1.9, color: '#1f1f1f' } as const;

/** One block as a printed decision sets it: the title centred, the number to the right, paragraphs indented, the signature at the foot. */
function Block({ block }: { block: DecisionBlock }) {
  switch (block.kind) {
    case 'title':
      return <h2 style={{ textAlign: 'center', fontSize: 22, margin: '8px 0 12px', fontWeight: 600 }} data-testid="decision-title">{block.text}</h2>;
    case 'number':
      return <div style={{ textAlign: 'right', marginBottom: 16 }} data-testid="decision-number">{block.text}</div>;
    case 'heading':
      return <div style={{ fontWeight: 600, margin: '12px 0 4px' }} data-testid="decision-heading">{block.text}</div>;
    case 'paragraph':
      return <p style={{ textIndent: '2em', margin: '0 0 8px', whiteSpace: 'pre-wrap' }} data-testid="decision-paragraph">{block.text}</p>;
    case 'signature':
      return (
        <div style={{ textAlign: 'right', marginTop: 32 }} data-testid="decision-signature">
          <div>{block.organ}</div>
          <div>{block.date}</div>
        </div>
      );
  }
}

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
          <article style={paper} data-testid="decision-text" data-document-id={decision.data.documentId}>
            {decision.data.blocks.map((b, i) => (
              <Block key={i} block={b} />
            ))}
          </article>
        </Card>
      )}
      <Link to="/xzfy/decisions">
        <Button block>{s.decisions.back}</Button>
      </Link>
    </PublicShell>
  );
}
