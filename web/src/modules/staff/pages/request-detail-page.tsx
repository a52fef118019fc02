import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Result, Skeleton, Space, Typography } from 'antd';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../../../api/client';
import { useMeta } from '../../../api/meta';
import { getRequest, type RequestDetail } from '../api';
import { ActionBar, type ActionPreset } from '../components/action-bar';
import { DispatchesTable } from '../components/dispatches-table';
import { EvaluationsTable } from '../components/evaluations-table';
import { EventsTimeline } from '../components/events-timeline';
import { InnerDispatches } from '../components/inner-dispatches';
import { RequestDescriptions } from '../components/request-descriptions';
import { SuggestionsCard } from '../components/suggestions-card';
import { staffStrings as s } from '../strings';
import { useStaffSession } from '../auth-context';
import { knowledgeApi, type KnowledgeEntry } from '../../knowledge/api';
import { KnowledgePanel } from '../../knowledge/components/knowledge-panel';
import { maintainsKnowledge } from '../../knowledge/roles';
import { knowledgeStrings as ks } from '../../knowledge/strings';

/** What the page was opened with: the knowledge entry chosen while the call was recorded. */
interface DetailState {
  answerWith?: string;
}

/** 直接答复 filled from a knowledge entry: its answer as the reply, the entry recorded with it. */
const answerFrom = (entry: KnowledgeEntry, seq: number): ActionPreset => ({ action: 'answer_directly', values: { reply: entry.answer, knowledgeEntryId: entry.entryId }, seq });

type Load = { kind: 'loading' } | { kind: 'ok'; detail: RequestDetail } | { kind: 'notFound' } | { kind: 'error'; message: string };

export function RequestDetailPage() {
  const { caseId = '' } = useParams();
  const navigate = useNavigate();
  const { meta } = useMeta();
  const session = useStaffSession();
  const location = useLocation();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [preset, setPreset] = useState<ActionPreset | null>(null);
  const presetSeq = useRef(0);
  const answerWithEntry = useCallback((entry: KnowledgeEntry) => setPreset(answerFrom(entry, ++presetSeq.current)), []);
  const answerWith = (location.state as DetailState | null)?.answerWith;

  const reload = useCallback(() => {
    getRequest(caseId).then(
      (detail) => setLoad({ kind: 'ok', detail }),
      (err: unknown) =>
        setLoad(
          err instanceof ApiError && (err.status === 404 || err.status === 400)
            ? { kind: 'notFound' }
            : { kind: 'error', message: errorMessage(err) },
        ),
    );
  }, [caseId]);

  useEffect(() => {
    setLoad({ kind: 'loading' });
    reload();
  }, [reload]);

  // An entry chosen on the call: open 直接答复 with it once, then forget it (a reload must not open it again).
  useEffect(() => {
    if (!answerWith) return;
    navigate(location.pathname + location.search, { replace: true, state: null });
    knowledgeApi.entry(answerWith).then(answerWithEntry, () => undefined);
  }, [answerWith, navigate, location.pathname, location.search, answerWithEntry]);

  const back = (
    <Button
      onClick={() => (((window.history.state as { idx?: number } | null)?.idx ?? 0) > 0 ? navigate(-1) : navigate('/staff'))}
      data-testid="detail-back"
    >
      {s.detail.back}
    </Button>
  );

  if (load.kind === 'loading') {
    return (
      <Card size="small">
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }
  if (load.kind === 'notFound') {
    return <Result status="404" title={<span data-testid="detail-not-found">{s.detail.notFound}</span>} extra={back} />;
  }
  if (load.kind === 'error') {
    return <Alert type="error" showIcon title={load.message} action={back} data-testid="detail-error" />;
  }

  const { detail } = load;
  const answersDirectly = detail.availableActions.some((a) => a.action === 'answer_directly');
  // A reply worth keeping may become an entry; the server checks the request and who may keep entries.
  const grows = maintainsKnowledge(session) && (detail.state === 'replied' || detail.state === 'closed') && !!detail.request.reply;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <Typography.Text strong style={{ fontSize: 16 }}>
            {detail.request.title || detail.request.content.slice(0, 30)}
          </Typography.Text>
        }
        extra={
          <Space>
            <Button size="small" onClick={reload} data-testid="detail-reload">
              {s.detail.reload}
            </Button>
            {back}
          </Space>
        }
      >
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <div>
            <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>
              {s.detail.actions}
            </Typography.Text>
            <ActionBar detail={detail} meta={meta} onDone={reload} preset={preset} />
            {grows && (
              <Button size="small" style={{ marginInlineStart: 8 }} onClick={() => navigate(`/staff/kb/new?fromRequest=${detail.caseId}`)} data-testid="kb-grow">
                {ks.request.grow}
              </Button>
            )}
          </div>
          <RequestDescriptions detail={detail} meta={meta} />
        </Space>
      </Card>
      {answersDirectly && <KnowledgePanel query={detail.request.content} onUse={answerWithEntry} />}
      {detail.availableActions.some((a) => ['dispatch', 'redispatch', 'merge'].includes(a.action)) && (
        <SuggestionsCard detail={detail} onDone={reload} />
      )}
      <Card size="small" title={s.detail.dispatches}>
        <DispatchesTable dispatches={detail.dispatches} />
      </Card>
      {detail.dispatches.some((x) => x.role !== 'lead') && (
        <Card size="small" title={s.detail.inner}>
          <InnerDispatches detail={detail} />
        </Card>
      )}
      <Card size="small" title={s.detail.evaluations}>
        <EvaluationsTable evaluations={detail.evaluations} />
      </Card>
      <Card size="small" title={s.detail.timeline}>
        <EventsTimeline events={detail.timeline} />
      </Card>
    </Space>
  );
}
