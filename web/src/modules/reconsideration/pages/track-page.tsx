import { useCallback, useState } from 'react';
import { Alert, Button, Card, Descriptions, Input, Result, Skeleton, Space, Steps, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/client';
import { useLoaded } from '../../../api/use-loaded';
import { reconsiderationApi, type Progress } from '../api';
import { PublicShell } from '../components/public-shell';
import { reconsiderationStrings as s } from '../strings';

/** 复议进度查询: the box for the query code and, at `/xzfy/track/:code`, where the application stands. */
export function TrackPage() {
  const { code = '' } = useParams();
  const load = useCallback((signal: AbortSignal) => reconsiderationApi.progress(code, signal).catch((err: unknown) => {
    if (isApiError(err, 'XZFY_CASE_NOT_FOUND')) return null;
    throw err;
  }), [code]);
  const progress = useLoaded(code ? load : null);
  return (
    <PublicShell title={s.track.title}>
      {code && progress.loading && (
        <Card size="small">
          <Skeleton active />
        </Card>
      )}
      {code && !progress.loading && progress.error && <Alert type="error" showIcon title={progress.error} data-testid="xzfy-track-error" />}
      {code && !progress.loading && !progress.error && progress.data === null && (
        <Result status="warning" title={<span data-testid="xzfy-track-not-found">{s.track.notFound}</span>} subTitle={s.track.notFoundHint} style={{ background: '#fff', borderRadius: 4 }} />
      )}
      {code && progress.data && <ProgressView progress={progress.data} />}
      <CodeBox initial={code} />
    </PublicShell>
  );
}

function CodeBox({ initial }: { initial: string }) {
  const navigate = useNavigate();
  const [code, setCode] = useState(initial);
  const go = () => {
    if (code.trim()) navigate(`/xzfy/track/${encodeURIComponent(code.trim().toUpperCase())}`);
  };
  return (
    <Card title={s.track.boxTitle} size="small">
      <Space.Compact style={{ width: '100%' }}>
        <Input value={code} onChange={(e) => setCode(e.target.value)} onPressEnter={go} placeholder={s.track.placeholder} allowClear autoComplete="off" data-testid="xzfy-track-input" />
        <Button type="primary" onClick={go} data-testid="xzfy-track-submit">
          {s.track.button}
        </Button>
      </Space.Compact>
    </Card>
  );
}

function ProgressView({ progress: p }: { progress: Progress }) {
  const items = [
    { key: 'state', label: s.track.state, children: <Tag color={p.conclusion ? 'default' : 'processing'} data-testid="xzfy-track-state">{p.stateLabel}</Tag> },
    { key: 'number', label: s.track.caseNumber, children: <span data-testid="xzfy-track-case-number">{p.caseNumber ?? s.track.pending}</span> },
    { key: 'received', label: s.track.receivedOn, children: <span data-testid="xzfy-track-received">{p.receivedOn}</span> },
    { key: 'respondent', label: s.track.respondent, children: p.respondentName },
    ...(p.procedure ? [{ key: 'procedure', label: s.track.procedure, children: p.procedure }] : []),
    ...(p.decisionDueOn ? [{ key: 'due', label: s.track.dueOn, children: <Typography.Text strong data-testid="xzfy-track-due">{p.decisionDueOn}</Typography.Text> }] : []),
    ...(p.conclusion ? [{ key: 'conclusion', label: s.track.conclusion, children: <Typography.Text strong data-testid="xzfy-track-conclusion">{p.conclusion}</Typography.Text> }] : []),
    ...(p.concludedOn ? [{ key: 'concluded', label: s.track.concludedOn, children: p.concludedOn }] : []),
  ];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small" data-testid="xzfy-track-summary">
        {p.suspended && (
          <Alert type="warning" showIcon title={<span data-testid="xzfy-track-suspended">{s.track.suspended}</span>} description={s.track.suspendedNote} style={{ marginBottom: 12 }} />
        )}
        <Descriptions column={1} size="small" items={items} />
        {p.decisionDocumentId && (
          <Link to={`/xzfy/decisions/${p.decisionDocumentId}`} data-testid="xzfy-track-decision">
            <Button type="primary" block style={{ marginTop: 12 }}>
              {s.track.decision}
            </Button>
          </Link>
        )}
      </Card>
      <Card size="small" title={s.track.steps}>
        <Steps
          orientation="vertical"
          size="small"
          current={p.steps.length - 1}
          data-testid="xzfy-track-steps"
          items={p.steps.map((step, i) => ({ key: `${i}`, title: <span data-testid="xzfy-track-step">{step.label}</span>, description: step.on }))}
        />
      </Card>
    </Space>
  );
}
