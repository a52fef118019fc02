import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Result, Skeleton, Space, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../../../api/client';
import { CitizenShell } from '../../../ui/citizen-shell';
import { formatDateTime } from '../../../ui/format';
import { getPublicRequest, type TrackView } from '../api';
import { EvaluationForm } from '../components/evaluation-form';
import { StateTag } from '../components/state-tag';
import { TrackBox } from '../components/track-box';
import { citizenStrings as s } from '../strings';

type Load = { kind: 'loading' } | { kind: 'ok'; view: TrackView } | { kind: 'notFound' } | { kind: 'error'; message: string };

function isNotFound(err: unknown): boolean {
  return err instanceof ApiError && (err.code === 'REQUEST_NOT_FOUND' || err.status === 404);
}

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
    <CitizenShell title={s.track.title}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {load.kind === 'loading' && (
          <Card size="small">
            <Skeleton active />
          </Card>
        )}
        {load.kind === 'notFound' && (
          <Result
            status="warning"
            title={<span data-testid="track-not-found">{s.track.notFound}</span>}
            subTitle={s.track.notFoundHint}
            style={{ background: '#fff', borderRadius: 4 }}
          />
        )}
        {load.kind === 'error' && <Alert type="error" showIcon title={load.message} data-testid="track-error" />}
        {load.kind === 'ok' && <TrackDetails view={load.view} evaluated={evaluated} onEvaluated={() => (setEvaluated(true), reload())} />}
        <TrackBox />
        <Link to="/">
          <Button block>{s.track.back}</Button>
        </Link>
      </Space>
    </CitizenShell>
  );
}

function TrackDetails({ view, evaluated, onEvaluated }: { view: TrackView; evaluated: boolean; onEvaluated: () => void }) {
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small" data-testid="track-summary">
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'code', label: s.track.code, children: <Typography.Text strong data-testid="track-code">{view.trackingCode}</Typography.Text> },
            { key: 'state', label: s.track.status, children: <StateTag state={view.state} label={view.stateLabel} testId="track-status" /> },
            ...(view.title ? [{ key: 'title', label: s.track.requestTitle, children: view.title }] : []),
            ...(view.receivedAt ? [{ key: 'at', label: s.track.receivedAt, children: formatDateTime(view.receivedAt) }] : []),
            ...(view.content
              ? [{ key: 'content', label: s.track.content, children: <span style={{ whiteSpace: 'pre-wrap' }}>{view.content}</span> }]
              : []),
            ...(view.evaluation
              ? [
                  {
                    key: 'evaluation',
                    label: s.track.yourEvaluation,
                    children: (
                      <span data-testid="track-evaluation">
                        {view.evaluation.satisfactionLabel}，{view.evaluation.resolved ? s.track.resolvedYes : s.track.resolvedNo}
                      </span>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card size="small" title={s.track.reply} data-testid="track-reply">
        {view.reply ? (
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{view.reply.text}</Typography.Paragraph>
            {view.reply.unitName && (
              <Typography.Text type="secondary">
                {s.track.replyBy}：{view.reply.unitName}
              </Typography.Text>
            )}
            {view.reply.at && (
              <Typography.Text type="secondary">
                {s.track.replyAt}：{formatDateTime(view.reply.at)}
              </Typography.Text>
            )}
          </Space>
        ) : (
          <Typography.Text type="secondary">{s.track.noReply}</Typography.Text>
        )}
      </Card>
      <Card size="small" title={s.track.progress}>
        {view.progress.length ? (
          <Timeline
            data-testid="track-timeline"
            items={view.progress.map((p, i) => ({
              key: `${p.at}-${i}`,
              color: i === view.progress.length - 1 ? 'blue' : 'gray',
              content: (
                <div>
                  <Typography.Text strong>{p.label}</Typography.Text>
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                    {formatDateTime(p.at)}
                  </Typography.Text>
                  {p.text ? <div style={{ color: '#595959', whiteSpace: 'pre-wrap' }}>{p.text}</div> : null}
                </div>
              ),
            }))}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s.track.noProgress} />
        )}
      </Card>
      {evaluated ? (
        <Result
          status="success"
          title={<span data-testid="evaluation-thanks">{s.evaluation.thanks}</span>}
          subTitle={s.evaluation.thanksHint}
          style={{ background: '#fff', borderRadius: 4 }}
        />
      ) : view.canEvaluate ? (
        <EvaluationForm code={view.trackingCode} onDone={onEvaluated} />
      ) : null}
    </Space>
  );
}
