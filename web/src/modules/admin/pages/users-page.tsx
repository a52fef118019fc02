import { useCallback, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Input, Select, Space } from 'antd';
import { errorMessage, isApiError } from '../../../api/client';
import { useLoaded } from '../../../api/use-loaded';
import { resetUnits } from '../../../api/units';
import { useStaffSession } from '../../staff/auth-context';
import { listUsers, resetPassword, setDisabled, unlockUser, type ManagedUser, type OneTimePassword } from '../api';
import { Forbidden } from '../components/admin-only';
import { ClientLocksCard } from '../components/client-locks-card';
import { GrantsModal } from '../components/grants-modal';
import { LockModal } from '../components/lock-modal';
import { OneTimePasswordModal } from '../components/one-time-password-modal';
import { UserFormModal, type UserFormMode } from '../components/user-form-modal';
import { statusesOf, USER_STATUSES, type UserStatus } from '../components/user-status';
import { UsersTable, type UserAction } from '../components/users-table';
import { adminStrings as s } from '../strings';

function matches(user: ManagedUser, text: string, status: UserStatus | undefined): boolean {
  if (status && !statusesOf(user).includes(status)) return false;
  if (!text) return true;
  const t = text.toLowerCase();
  return [user.username, user.displayName, user.unitName, user.roleLabel].some((v) => v.toLowerCase().includes(t));
}

/** 用户管理: the accounts of the administrator's scope, and what may be done to each. */
export function UsersPage() {
  const { user: self } = useStaffSession();
  const { modal, message } = App.useApp();
  const [tick, setTick] = useState(0);
  const [text, setText] = useState('');
  const [status, setStatus] = useState<UserStatus | undefined>();
  const [form, setForm] = useState<UserFormMode | null>(null);
  const [oneTime, setOneTime] = useState<(OneTimePassword & { kind: 'created' | 'reset' }) | null>(null);
  const [forbidden, setForbidden] = useState<string | null>(null);
  const [granting, setGranting] = useState<ManagedUser | null>(null);
  const [locking, setLocking] = useState<ManagedUser | null>(null);
  const reload = () => setTick((t) => t + 1);

  const load = useCallback(
    (signal: AbortSignal) =>
      listUsers(signal).catch((err: unknown) => {
        if (isApiError(err, 'FORBIDDEN')) setForbidden(err.message);
        throw err;
      }),
    // A new tick (刷新, or after a change) asks again.
    [tick],
  );
  const { data: users, loading, error } = useLoaded(load);
  const shown = useMemo(() => (users ?? []).filter((u) => matches(u, text.trim(), status)), [users, text, status]);

  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      void message.success(done);
    } catch (err) {
      if (isApiError(err, 'FORBIDDEN')) setForbidden(err.message);
      else void message.error(errorMessage(err));
    }
    reload();
  };

  const onAction = (action: UserAction, user: ManagedUser) => {
    const name = `${user.displayName}（${user.username}）`;
    if (action === 'edit') setForm({ kind: 'edit', user });
    else if (action === 'grants') setGranting(user);
    else if (action === 'lock') setLocking(user);
    else if (action === 'unlock') void run(() => unlockUser(user.id), s.users.unlocked(name));
    else if (action === 'reset') {
      modal.confirm({
        title: s.users.confirmReset.title(name),
        content: s.users.confirmReset.content,
        okText: s.users.confirmReset.ok,
        cancelText: s.users.cancel,
        okButtonProps: { danger: true, 'data-testid': 'confirm-ok' },
        onOk: async () => {
          try {
            const result = await resetPassword(user.id);
            setOneTime({ ...result, kind: 'reset' });
          } catch (err) {
            void message.error(errorMessage(err));
          }
          reload();
        },
      });
    } else {
      const disable = action === 'disable';
      const texts = disable ? s.users.confirmDisable : s.users.confirmEnable;
      modal.confirm({
        title: texts.title(name),
        content: texts.content,
        okText: texts.ok,
        cancelText: s.users.cancel,
        okButtonProps: { danger: disable, 'data-testid': 'confirm-ok' },
        onOk: () => run(() => setDisabled(user.id, disable), disable ? s.users.disabled(name) : s.users.enabled(name)),
      });
    }
  };

  if (forbidden) return <Forbidden message={forbidden} />;

  return (
    <Card
      size="small"
      title={s.users.title}
      extra={
        <Space>
          <Button onClick={reload} data-testid="users-refresh">
            {s.users.refresh}
          </Button>
          <Button type="primary" onClick={() => setForm({ kind: 'create' })} data-testid="user-create">
            {s.users.create}
          </Button>
        </Space>
      }
      data-testid="users-page"
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={s.users.searchPlaceholder}
            value={text}
            onChange={(e) => setText(e.target.value)}
            style={{ width: 240, maxWidth: '100%' }}
            data-testid="users-search"
          />
          <Select<UserStatus>
            allowClear
            placeholder={s.users.statusAll}
            value={status}
            onChange={setStatus}
            options={USER_STATUSES.map((value) => ({ value, label: s.users.status[value] }))}
            style={{ width: 150 }}
            data-testid="users-status-filter"
          />
        </Space>
        {error && <Alert type="error" showIcon title={error} data-testid="users-error" />}
        <UsersTable users={shown} loading={loading} selfId={self.id} onAction={onAction} />
        <ClientLocksCard tick={tick} />
      </Space>
      <UserFormModal
        mode={form}
        selfId={self.id}
        onClose={() => setForm(null)}
        onCreated={(created) => {
          setForm(null);
          // Show the new account at once, wherever it falls in the list.
          setText(created.username);
          setStatus(undefined);
          setOneTime({ ...created, kind: 'created' });
          reload();
        }}
        onSaved={() => {
          setForm(null);
          // A unit's name or a new account may change what the tree shows next time.
          resetUnits();
          reload();
        }}
      />
      <OneTimePasswordModal shown={oneTime} onClose={() => setOneTime(null)} />
      <GrantsModal user={granting} onClose={() => setGranting(null)} />
      <LockModal
        user={locking}
        onClose={() => setLocking(null)}
        onLocked={() => {
          setLocking(null);
          reload();
        }}
      />
    </Card>
  );
}
