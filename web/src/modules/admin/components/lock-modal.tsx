import { useState } from 'react';
import { Alert, App, Modal, Radio, Space, Typography } from 'antd';
import { errorMessage } from '../../../api/client';
import { formatDateTime } from '../../../ui/format';
import type { ManagedUser } from '../api';
import { lockUser } from '../settings-api';
import { settingsStrings as t } from '../settings-strings';

/** 锁定: an administrator keeps an account from signing in for a while (POST /api/admin/users/:id/lock). */
export function LockModal({ user, onClose, onLocked }: { user: ManagedUser | null; onClose: () => void; onLocked: () => void }) {
  const { message } = App.useApp();
  const [hours, setHours] = useState<number>(t.users.lockOptions[1].hours);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const until = new Date(Date.now() + hours * 3600_000);
  const name = user ? `${user.displayName}（${user.username}）` : '';
  const lock = async () => {
    if (!user) return;
    setBusy(true);
    setError(null);
    try {
      await lockUser(user.id, until.toISOString());
      void message.success(t.users.locked(name));
      onLocked();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={user !== null}
      title={t.users.lockTitle(name)}
      onCancel={onClose}
      onOk={() => void lock()}
      okText={t.users.lockOk}
      cancelText={t.common.cancel}
      okButtonProps={{ danger: true, loading: busy, 'data-testid': 'lock-ok' }}
      destroyOnHidden
      data-testid="lock-modal"
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Alert type="warning" showIcon title={t.users.lockIntro} />
        {error && <Alert type="error" showIcon title={error} />}
        <div>
          <Typography.Text strong>{t.users.lockFor}</Typography.Text>
          <div>
            <Radio.Group value={hours} onChange={(e) => setHours(e.target.value as number)} data-testid="lock-duration">
              {t.users.lockOptions.map((o) => (
                <Radio.Button key={o.hours} value={o.hours}>
                  {o.label}
                </Radio.Button>
              ))}
            </Radio.Group>
          </div>
        </div>
        <Typography.Text type="secondary" data-testid="lock-until">
          {t.users.lockUntil(formatDateTime(until))}
        </Typography.Text>
      </Space>
    </Modal>
  );
}
