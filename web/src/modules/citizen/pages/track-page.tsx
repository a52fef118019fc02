import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../../../api/client';
import { Alert, Card, LiteFrame, Result, Skeleton, StateBadge } from '../../../ui/lite/controls';
import { formatChinaDateTime } from '../../../ui/lite/format';
import { getPublicRequest, type TrackView } from '../api';
import { EvaluationForm } from '../components/evaluation-form';
import { TrackBox } from '../components/track-box';
import { citizenStrings as s } from '../strings';

type Load = { kind: 'loading' } | { kind: 'ok'; view: TrackView } | { kind: 'notFound' } | { kind: 'error'; message: string };

function isNotFound(err: unknown): boolean {
  return err instanceof ApiError && (err.code === 'REQUEST_NOT_FOUND' || err.status === 404);
}

/** 办理进度: what a requester sees with the tracking code, and where they rate the answer. */
export function TrackPage() {
  const { code = '' } = useParams();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [evaluated, setEvaluated] = useState(false);

  const reload = useCallback(() => {
    getPublicRequest(code).then(
      (view) => setLoad({ kind: 'ok', view }),
      (err: unknown) => setLoad(isNotFound(err) ? { kind: 'notFound' } : { kind: 'error', message: errorMessage(err) }),
    );
  }, [code]);

  useEffect(() => {
    setLoad({ kind: 'loading' });
    setEvaluated(false);
    reload();
  }, [reload]);

  return (
    <LiteFrame title={s.track.title}>
      {load.kind === 'loading' && <Skeleton />}
      {load.kind === 'notFound' && <Result tone="warning" title={<span data-testid="track-not-found">{s.track.notFound}</span>} subtitle={s.track.notFoundHint} />}
      {load.kind === 'error' && <Alert tone="error" title={load.message} testId="track-error" />}
      {load.kind === 'ok' && <TrackDetails view={load.view} evaluated={evaluated} onEvaluated={() => (setEvaluated(true), reload())} />}
      <TrackBox />
      <Link to="/" className="lt-button lt-block">
        {s.track.back}
      </Link>
    </LiteFrame>
  );
}

function TrackDetails({ view, evaluated, onEvaluated }: { view: TrackView; evaluated: boolean; onEvaluated: () => void }) {
  return (
    <>
      <Card testId="track-summary">
        <dl className="lt-dl">
          <dt>{s.track.code}</dt>
          <dd><strong data-testid="track-code">{view.trackingCode}</strong></dd>
          <dt>{s.track.status}</dt>
          <dd><StateBadge state={view.state} label={view.stateLabel} testId="track-status" /></dd>
          {view.title && (<><dt>{s.track.requestTitle}</dt><dd>{view.title}</dd></>)}
          {view.receivedAt && (<><dt>{s.track.receivedAt}</dt><dd>{formatChinaDateTime(view.receivedAt)}</dd></>)}
          {view.content && (<><dt>{s.track.content}</dt><dd className="lt-pre">{view.content}</dd></>)}
          {view.evaluation && (
            <>
              <dt>{s.track.yourEvaluation}</dt>
              <dd data-testid="track-evaluation">
                {view.evaluation.satisfactionLabel}，{view.evaluation.resolved ? s.track.resolvedYes : s.track.resolvedNo}
              </dd>
            </>
          )}
        </dl>
      </Card>
      <Card title={s.track.reply} testId="track-reply">
        {view.reply ? (
          <div className="lt-stack" style={{ gap: 4 }}>
            <div className="lt-pre">{view.reply.text}</div>
            {view.reply.unitName && <span className="lt-muted">{s.track.replyBy}：{view.reply.unitName}</span>}
            {view.reply.at && <span className="lt-muted">{s.track.replyAt}：{formatChinaDateTime(view.reply.at)}</span>}
          </div>
        ) : (
          <span className="lt-muted">{s.track.noReply}</span>
        )}
      </Card>
      <Card title={s.track.progress}>
        {view.progress.length ? (
          <ol className="lt-steps" data-testid="track-timeline">
            {view.progress.map((p, i) => (
              <li key={`${p.at}-${i}`}>
                <strong>{p.label}</strong>
                <span className="lt-muted" style={{ marginInlineStart: 8, fontSize: 12 }}>{formatChinaDateTime(p.at)}</span>
                {p.text ? <div className="lt-pre" style={{ color: '#595959' }}>{p.text}</div> : null}
              </li>
            ))}
          </ol>
        ) : (
          <span className="lt-muted">{s.track.noProgress}</span>
        )}
      </Card>
      {evaluated ? (
        <Result tone="success" title={<span data-testid="evaluation-thanks">{s.evaluation.thanks}</span>} subtitle={s.evaluation.thanksHint} />
      ) : view.canEvaluate ? (
        <EvaluationForm code={view.trackingCode} onDone={onEvaluated} />
      ) : null}
    </>
  );
}
