import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Result, Skeleton, Space, Table, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../../api/client';
import { formatDateTime } from '../../ui/format';
import { caseApi, type CaseAction, type CaseDetail, type CaseLink } from '../api';
import { caseDetailPath, useCasePages } from '../case-pages-context';
import { ActionModal } from '../components/action-modal';
import { CaseClocksTable } from '../components/case-clocks-table';
import { CaseStateTag } from '../components/case-clock-tag';
import { CaseFiles } from '../components/case-files';
import { CaseTimeline } from '../components/case-timeline';
import { platformStrings as s } from '../strings';

type Load = { kind: 'loading' } | { kind: 'ok'; detail: CaseDetail } | { kind: 'notFound' } | { kind: 'error'; message: string };

/** One case of any type: its columns, clocks, record, files, links, and exactly the actions the server offers. */
export function CaseDetailPage({ backTo }: { backTo: string }) {
  const { caseId = '' } = useParams();
  const navigate = useNavigate();
  const allPages = useCasePages();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [acting, setActing] = useState<{ action: CaseAction; seq: number } | null>(null);

  const reload = useCallback(() => {
    caseApi.detail(caseId).then(
      (detail) => setLoad({ kind: 'ok', detail }),
      (err: unknown) =>
        setLoad(err instanceof ApiError && (err.status === 404 || err.status === 400) ? { kind: 'notFound' } : { kind: 'error', message: errorMessage(err) }),
    );
  }, [caseId]);

  useEffect(() => {
    setLoad({ kind: 'loading' });
    reload();
  }, [reload]);

  const back = (
    <Button onClick={() => (((window.history.state as { idx?: number } | null)?.idx ?? 0) > 0 ? navigate(-1) : navigate(backTo))} data-testid="detail-back">
      {s.detail.back}
    </Button>
  );

  if (load.kind === 'loading') return <Card size="small"><Skeleton active paragraph={{ rows: 10 }} /></Card>;
  if (load.kind === 'notFound') return <Result status="404" title={<span data-testid="detail-not-found">{s.detail.notFound}</span>} extra={back} />;
  if (load.kind === 'error') return <Alert type="error" showIcon title={load.message} action={back} data-testid="detail-error" />;

  const { detail } = load;
  const c = detail.case;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="case-detail" data-case-id={c.caseId} data-state={c.state}>
      <Card
        size="small"
        title={
          <Space wrap size={8}>
            <Typography.Text strong style={{ fontSize: 16 }} data-testid="detail-title">
              {c.title ?? c.typeLabel}
            </Typography.Text>
            <CaseStateTag label={c.stateLabel} final={c.final} testId="detail-state" />
          </Space>
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
          <div data-testid="case-actions">
            <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>
              {s.detail.actions}
            </Typography.Text>
            {detail.actions.length === 0 ? (
              <Typography.Text type="secondary" data-testid="no-actions">
                {s.detail.noActions}
              </Typography.Text>
            ) : (
              <Space wrap size={8} data-testid="action-bar">
                {detail.actions.map((a, i) => (
                  <Button key={a.action} type={i === 0 ? 'primary' : 'default'} onClick={() => setActing({ action: a, seq: Date.now() })} data-testid={`action-${a.action}`}>
                    {a.label}
                  </Button>
                ))}
              </Space>
            )}
          </div>
          <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }} data-testid="case-descriptions">
            {c.columns.map((col) => (
              <Descriptions.Item key={col.key} label={col.label}>
                <span data-testid={`detail-${col.key}`}>{c.texts[col.key] ?? '—'}</span>
              </Descriptions.Item>
            ))}
            <Descriptions.Item label={s.detail.state}>{c.stateLabel}</Descriptions.Item>
            <Descriptions.Item label={s.detail.organ}>{c.organName ?? '—'}</Descriptions.Item>
            {c.ownerName && <Descriptions.Item label={s.detail.owner}>{c.ownerName}</Descriptions.Item>}
            <Descriptions.Item label={s.detail.created}>{formatDateTime(c.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={s.detail.updated}>{formatDateTime(c.updatedAt)}</Descriptions.Item>
          </Descriptions>
        </Space>
      </Card>
      <Card size="small" title={s.detail.clocks}>
        <CaseClocksTable clocks={detail.clocks} />
      </Card>
      <Card size="small" title={s.detail.files}>
        <CaseFiles caseId={c.caseId} canUpload={detail.actions.length > 0} version={c.updatedAt + detail.timeline.length} onUploaded={reload} />
      </Card>
      <Card size="small" title={s.detail.links}>
        {detail.links.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s.detail.noLinks} />
        ) : (
          <Table<CaseLink>
            rowKey={(l) => `${l.kind}-${l.otherCaseId}`}
            size="small"
            pagination={false}
            dataSource={detail.links}
            data-testid="case-links"
            columns={[
              { key: 'label', title: s.links.kind, render: (_, l) => l.label },
              { key: 'type', title: s.links.type, render: (_, l) => l.otherCaseTypeLabel },
              { key: 'state', title: s.links.state, render: (_, l) => l.otherStateLabel },
              {
                key: 'open',
                title: '',
                render: (_, l) => (
                  <Link to={caseDetailPath(allPages, l.otherCaseType, l.otherCaseId)} data-testid="case-link">
                    {s.links.open}
                  </Link>
                ),
              },
            ]}
          />
        )}
      </Card>
      <Card size="small" title={s.detail.timeline}>
        <CaseTimeline events={detail.timeline} />
      </Card>
      <ActionModal
        caseId={c.caseId}
        module={c.module}
        open={acting}
        onClose={() => setActing(null)}
        onDone={() => {
          setActing(null);
          reload();
        }}
      />
    </Space>
  );
}
