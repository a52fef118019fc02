import { useCallback, useState } from 'react';
import { Alert, App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { errorMessage, isApiError } from '../../../api/client';
import { useLoaded } from '../../../api/use-loaded';
import { formatDateTime } from '../../../ui/format';
import { listOpen311Keys, revokeOpen311Key, type IssuedOpen311ApiKey, type Open311ApiKeyView } from '../api';
import { Forbidden } from '../components/admin-only';
import { IssuedKeyModal, IssueKeyModal } from '../components/open311-key-modals';
import { adminStrings } from '../strings';

const s = adminStrings.open311;

/** Open311接口: the keys of the systems that submit requests, issued once and revocable. */
export function Open311KeysPage() {
  const { modal, message } = App.useApp();
  const [tick, setTick] = useState(0);
  const [issuing, setIssuing] = useState(false);
  const [issued, setIssued] = useState<IssuedOpen311ApiKey | null>(null);
  const [forbidden, setForbidden] = useState<string | null>(null);
  const reload = () => setTick((t) => t + 1);
  const load = useCallback(
    (signal: AbortSignal) =>
      listOpen311Keys(signal).catch((err: unknown) => {
        if (isApiError(err, 'FORBIDDEN')) setForbidden(err.message);
        throw err;
      }),
    [tick],
  );
  const { data, loading, error } = useLoaded(load);

  const revoke = (key: Open311ApiKeyView) =>
    modal.confirm({
      title: s.confirmRevoke.title(key.clientName),
      content: s.confirmRevoke.content,
      okText: s.confirmRevoke.ok,
      cancelText: s.cancel,
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' },
      onOk: async () => {
        try {
          await revokeOpen311Key(key.id);
          void message.success(s.revokedDone(key.clientName));
        } catch (err) {
          void message.error(errorMessage(err));
        }
        reload();
      },
    });

  if (forbidden) return <Forbidden message={forbidden} />;
  return (
    <Card
      size="small"
      title={s.title}
      extra={
        <Space>
          <Button onClick={reload} data-testid="open311-refresh">
            {s.refresh}
          </Button>
          <Button type="primary" onClick={() => setIssuing(true)} data-testid="open311-issue">
            {s.create}
          </Button>
        </Space>
      }
      data-testid="open311-keys-page"
    >
      <Typography.Paragraph type="secondary">{s.intro}</Typography.Paragraph>
      <Typography.Paragraph copyable>{s.endpoint(window.location.origin)}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<Open311ApiKeyView>
        size="small"
        rowKey="id"
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={data ?? []}
        locale={{ emptyText: s.empty }}
        data-testid="open311-keys"
        columns={[
          { title: s.columns.id, dataIndex: 'id', width: 70 },
          { title: s.columns.client, dataIndex: 'clientName' },
          { title: s.columns.prefix, dataIndex: 'keyPrefix', render: (v: string) => <Typography.Text code>{v}…</Typography.Text> },
          { title: s.columns.createdAt, dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          { title: s.columns.lastUsedAt, dataIndex: 'lastUsedAt', render: (v: string | null) => (v ? formatDateTime(v) : s.neverUsed) },
          {
            title: s.columns.state,
            key: 'state',
            render: (_, k) => (k.revokedAt ? <Tag>{s.revoked(formatDateTime(k.revokedAt))}</Tag> : <Tag color="green">{s.active}</Tag>),
          },
          {
            title: s.columns.actions,
            key: 'actions',
            render: (_, k) =>
              k.revokedAt ? null : (
                <Button type="link" danger size="small" onClick={() => revoke(k)} data-testid={`open311-revoke-${k.id}`}>
                  {s.revoke}
                </Button>
              ),
          },
        ]}
      />
      <IssueKeyModal
        open={issuing}
        onClose={() => setIssuing(false)}
        onIssued={(key) => {
          setIssuing(false);
          setIssued(key);
          reload();
        }}
      />
      <IssuedKeyModal issued={issued} onClose={() => setIssued(null)} />
    </Card>
  );
}
