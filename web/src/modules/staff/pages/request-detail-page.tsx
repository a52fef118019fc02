import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Result, Skeleton, Space, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../../../api/client';
import { useMeta } from '../../../api/meta';
import { getRequest, type RequestDetail } from '../api';
import { ActionBar } from '../components/action-bar';
import { DispatchesTable } from '../components/dispatches-table';
import { EvaluationsTable } from '../components/evaluations-table';
import { EventsTimeline } from '../components/events-timeline';
import { InnerDispatches } from '../components/inner-dispatches';
import { RequestDescriptions } from '../components/request-descriptions';
import { SuggestionsCard } from '../components/suggestions-card';
import { staffStrings as s } from '../strings';

type Load = { kind: 'loading' } | { kind: 'ok'; detail: RequestDetail } | { kind: 'notFound' } | { kind: 'error'; message: string };

export function RequestDetailPage() {
  const { caseId = '' } = useParams();
  const navigate = useNavigate();
  const { meta } = useMeta();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });

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
            <ActionBar detail={detail} meta={meta} onDone={reload} />
          </div>
          <RequestDescriptions detail={detail} meta={meta} />
        </Space>
      </Card>
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
