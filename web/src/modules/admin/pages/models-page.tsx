import { useCallback, useEffect, useState, type HTMLAttributes } from 'react';
import { Alert, App, Button, Card, Empty, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { KindEvaluation, ModelFigures, StoredModel } from '../../../../../contracts/routing';
import { ApiError, errorMessage, isApiError } from '../../../api/client';
import { formatDate, formatDateTime } from '../../../ui/format';
import { Forbidden } from '../components/admin-only';
import { activateCandidate, discardCandidate, readModels, restoreModels, trainCandidate, type ModelsOverview } from '../settings-api';
import { settingsStrings as t } from '../settings-strings';

const m = t.models;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

interface FigureRow {
  key: string;
  kind: string;
  figure: keyof ModelFigures;
  current: number | null;
  candidate: number;
}

function figureRows(kind: string, e: KindEvaluation): FigureRow[] {
  return (['accuracy', 'top3', 'macroF1'] as const).map((figure) => ({ key: `${kind}-${figure}`, kind, figure, current: e.current ? e.current[figure] : null, candidate: e.candidate[figure] }));
}

/** 模型训练: retrain, compare with the model in use on the same held-out requests, then switch on or restore. */
export function ModelsPage() {
  const { modal, message } = App.useApp();
  const [overview, setOverview] = useState<ModelsOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [forbidden, setForbidden] = useState<string | null>(null);
  const fail = useCallback((err: unknown) => {
    if (isApiError(err, 'FORBIDDEN') || isApiError(err, 'COUNTY_ADMIN_ONLY')) setForbidden((err as ApiError).message);
    else setError(errorMessage(err));
  }, []);
  useEffect(() => {
    const controller = new AbortController();
    readModels(controller.signal).then(setOverview, (err: unknown) => !controller.signal.aborted && fail(err));
    return () => controller.abort();
  }, [fail]);

  const run = async (name: string, work: () => Promise<ModelsOverview>, done?: string) => {
    setBusy(name);
    setError(null);
    try {
      setOverview(await work());
      if (done) void message.success(done);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(null);
    }
  };
  const train = () =>
    run('train', async () => {
      await trainCandidate();
      return readModels();
    });
  const ask = (title: string, content: string, then: () => void) =>
    modal.confirm({ title, content, okText: t.common.confirm, cancelText: t.common.cancel, okButtonProps: { 'data-testid': 'confirm-ok' }, onOk: then });

  if (forbidden) return <Forbidden message={forbidden} />;
  const models = overview?.models ?? [];
  const candidate = overview?.candidate ?? null;
  const hasPrevious = models.some((x) => x.status === 'previous');

  const modelColumns: TableColumnsType<StoredModel> = [
    { title: m.columns.kind, dataIndex: 'kind', render: (k: string) => m.kinds[k] ?? k },
    { title: m.columns.status, dataIndex: 'status', width: 80, render: (s: string) => m.statuses[s] ?? s },
    { title: m.columns.trainedAt, dataIndex: 'trainedAt', render: (at: string) => formatDateTime(at) },
    { title: m.columns.rows, dataIndex: 'rows', width: 90 },
  ];
  const figureColumns: TableColumnsType<FigureRow> = [
    { title: m.columns.kind, dataIndex: 'kind', render: (k: string, _, i) => (i % 3 === 0 ? m.kinds[k] : ''), onCell: (_, i) => ({ rowSpan: (i ?? 0) % 3 === 0 ? 3 : 0 }) },
    { title: m.columns.figure, dataIndex: 'figure', render: (f: string) => m.figures[f] },
    { title: m.columns.current, dataIndex: 'current', render: (v: number | null) => (v === null ? m.noCurrent : <span style={{ whiteSpace: 'nowrap' }}>{pct(v)}</span>) },
    { title: m.columns.candidate, dataIndex: 'candidate', render: (v: number) => <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>{pct(v)}</Typography.Text> },
    {
      title: m.columns.change,
      key: 'change',
      render: (_, r) => {
        if (r.current === null) return '—';
        const delta = (r.candidate - r.current) * 100;
        return (
          <Typography.Text type={delta > 0 ? 'success' : delta < 0 ? 'danger' : undefined} style={{ whiteSpace: 'nowrap' }}>
            {`${delta > 0 ? '+' : ''}${delta.toFixed(1)}`}
          </Typography.Text>
        );
      },
    },
  ];
  const kinds = candidate ? (['unit', 'category'] as const).filter((k) => candidate[k]) : [];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card
        size="small"
        title={m.title}
        extra={
          <Space wrap>
            {hasPrevious && (
              <Button loading={busy === 'restore'} onClick={() => ask(m.restoreTitle, m.restoreContent, () => void run('restore', restoreModels, m.restored))} data-testid="models-restore">
                {m.restore}
              </Button>
            )}
            <Button type="primary" loading={busy === 'train'} onClick={() => void train()} data-testid="models-train">
              {m.train}
            </Button>
          </Space>
        }
        data-testid="models-page"
      >
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Alert type="info" showIcon title={m.intro} description={t.common.logged} />
          {busy === 'train' && <Alert type="info" showIcon title={m.training} />}
          {error && <Alert type="error" showIcon title={error} data-testid="models-error" />}
          {models.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.empty} />
          ) : (
            <Table<StoredModel>
              rowKey="id"
              size="small"
              columns={modelColumns}
              dataSource={models}
              pagination={false}
              onRow={(r) => ({ 'data-testid': 'model-row', 'data-status': r.status, 'data-kind': r.kind }) as HTMLAttributes<HTMLElement>}
              data-testid="models-table"
            />
          )}
        </Space>
      </Card>
      {candidate && (
        <Card size="small" title={m.statuses.candidate} data-testid="candidate-card">
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            {kinds.map((kind) => (
              <Typography.Text key={kind} type="secondary" style={{ fontSize: 12 }}>
                {m.kinds[kind]}：{m.heldOut(candidate[kind]!.heldOut, formatDate(candidate.heldOutFrom), candidate.heldOutBy === 'answered_since_current')}
              </Typography.Text>
            ))}
            {kinds.some((k) => candidate[k]!.currentMayHaveSeen > 0) && (
              <Alert type="warning" showIcon title={m.mayHaveSeen(Math.max(...kinds.map((k) => candidate[k]!.currentMayHaveSeen)))} data-testid="candidate-seen-warning" />
            )}
            <Table<FigureRow>
              rowKey="key"
              size="small"
              columns={figureColumns}
              dataSource={kinds.flatMap((k) => figureRows(k, candidate[k]!))}
              pagination={false}
              bordered
              onRow={(r) => ({ 'data-testid': 'figure-row', 'data-kind': r.kind, 'data-figure': r.figure }) as HTMLAttributes<HTMLElement>}
              data-testid="candidate-figures"
            />
            <Space wrap>
              <Button type="primary" loading={busy === 'activate'} onClick={() => ask(m.activateTitle, m.activateContent, () => void run('activate', activateCandidate, m.activated))} data-testid="candidate-activate">
                {m.activate}
              </Button>
              <Button loading={busy === 'discard'} onClick={() => void run('discard', discardCandidate, m.discarded)} data-testid="candidate-discard">
                {m.discard}
              </Button>
            </Space>
          </Space>
        </Card>
      )}
    </Space>
  );
}
