import { useCallback, useState } from 'react';
import { App, Button, Card, Table, Typography } from 'antd';
import { errorMessage, isApiError } from '../../../api/client';
import { useLoaded } from '../../../api/use-loaded';
import { formatDateTime } from '../../../ui/format';
import { listClientLocks, unlockClient, type ClientLock } from '../api';
import { adminStrings as s } from '../strings';

/**
 * Addresses kept from signing in, for administrators of the whole tree (the server refuses the
 * others, and then this card shows nothing). Only shown while some address is locked.
 */
export function ClientLocksCard({ tick }: { tick: number }) {
  const { message } = App.useApp();
  const [own, setOwn] = useState(0);
  const load = useCallback(
    (signal: AbortSignal) => listClientLocks(signal).catch((err: unknown) => (isApiError(err, 'FORBIDDEN') ? [] : Promise.reject(err))),
    [tick, own],
  );
  const { data } = useLoaded(load);
  if (!data?.length) return null;
  const unlock = async (lock: ClientLock) => {
    try {
      await unlockClient(lock.address);
      void message.success(s.clientLocks.unlocked(lock.address));
    } catch (err) {
      void message.error(errorMessage(err));
    }
    setOwn((n) => n + 1);
  };
  return (
    <Card size="small" title={s.clientLocks.title} data-testid="client-locks">
      <Typography.Paragraph type="secondary">{s.clientLocks.hint}</Typography.Paragraph>
      <Table<ClientLock>
        size="small"
        rowKey="address"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={data}
        columns={[
          { title: s.clientLocks.address, dataIndex: 'address' },
          { title: s.clientLocks.failures, dataIndex: 'failures', width: 90 },
          { title: s.clientLocks.until, dataIndex: 'lockedUntil', render: (v: string) => formatDateTime(v) },
          {
            key: 'unlock',
            width: 70,
            render: (_, lock) => (
              <Button type="link" size="small" onClick={() => void unlock(lock)} data-testid="client-unlock">
                {s.clientLocks.unlock}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
