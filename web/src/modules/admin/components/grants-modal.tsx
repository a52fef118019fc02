import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Empty, Modal, Select, Space, Spin } from 'antd';
import { errorMessage } from '../../../api/client';
import { useLoaded } from '../../../api/use-loaded';
import type { ManagedUser } from '../api';
import { listGrants, listModuleRoles, setGrants } from '../settings-api';
import { settingsStrings as t } from '../settings-strings';
import { UnitTreeField } from './unit-tree-field';

interface Row {
  key: number;
  role?: string;
  unitId?: number;
}

let nextKey = 1;

/** 模块角色: the roles of each module an account holds, each for a unit (PUT /api/admin/users/:id/grants). */
export function GrantsModal({ user, onClose }: { user: ManagedUser | null; onClose: () => void }) {
  return (
    <Modal open={user !== null} title={user ? t.users.grantsTitle(user.displayName) : ''} onCancel={onClose} footer={null} destroyOnHidden mask={{ closable: false }} width={640} data-testid="grants-modal">
      {user && <GrantsForm user={user} onClose={onClose} />}
    </Modal>
  );
}

function GrantsForm({ user, onClose }: { user: ManagedUser; onClose: () => void }) {
  const { message } = App.useApp();
  const roles = useLoaded(useCallback((signal: AbortSignal) => listModuleRoles(signal), []));
  const held = useLoaded(useCallback((signal: AbortSignal) => listGrants(user.id, signal), [user.id]));
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (held.data && rows === null) setRows(held.data.map((g) => ({ key: nextKey++, ...g })));
  }, [held.data, rows]);

  const options = useMemo(
    () => (roles.data?.modules ?? []).map((m) => ({ label: m.label, title: m.label, options: m.roles.map((r) => ({ value: r.role, label: `${r.label}（${r.unitKinds.map((k) => k.label).join('、')}）` })) })),
    [roles.data],
  );
  const kindsOf = useMemo(() => new Map((roles.data?.modules ?? []).flatMap((m) => m.roles.map((r) => [r.role, r.unitKinds.map((k) => k.kind)] as const))), [roles.data]);
  const update = (key: number, change: Partial<Row>) => setRows((list) => (list ?? []).map((r) => (r.key === key ? { ...r, ...change } : r)));

  const save = async () => {
    const complete = (rows ?? []).filter((r): r is Required<Row> => r.role !== undefined && r.unitId !== undefined);
    setSaving(true);
    setError(null);
    try {
      await setGrants(user.id, complete.map(({ role, unitId }) => ({ role, unitId })));
      void message.success(t.users.grantsSaved(user.displayName));
      onClose();
    } catch (err) {
      setError(errorMessage(err));
      setSaving(false);
    }
  };

  if (roles.error || held.error) return <Alert type="error" showIcon title={roles.error ?? held.error} />;
  if (!rows || !roles.data) return <Spin />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t.users.grantsIntro} />
      {error && <Alert type="error" showIcon title={error} data-testid="grants-error" />}
      {rows.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.users.grantsEmpty} />}
      {rows.map((row) => (
        <div key={row.key} style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }} data-testid="grant-row">
          <Select
            value={row.role}
            onChange={(role: string) => update(row.key, { role })}
            options={options}
            placeholder={t.users.grantRole}
            style={{ flex: '1 1 220px', minWidth: 0 }}
            data-testid="grant-role"
          />
          <div style={{ flex: '1 1 200px', minWidth: 0 }}>
            <UnitTreeField
              value={row.unitId}
              onChange={(unitId) => update(row.key, { unitId })}
              placeholder={t.users.grantUnit}
              testId="grant-unit"
              selectable={row.role ? (u) => (kindsOf.get(row.role!) ?? []).length === 0 || kindsOf.get(row.role!)!.includes(u.kind) : undefined}
            />
          </div>
          <Button type="link" danger onClick={() => setRows((list) => (list ?? []).filter((r) => r.key !== row.key))} data-testid="grant-remove">
            {t.users.grantRemove}
          </Button>
        </div>
      ))}
      <Button onClick={() => setRows((list) => [...(list ?? []), { key: nextKey++ }])} data-testid="grant-add">
        {t.users.grantAdd}
      </Button>
      <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
        <Button onClick={onClose} disabled={saving}>
          {t.common.cancel}
        </Button>
        <Button type="primary" loading={saving} onClick={() => void save()} data-testid="grants-save">
          {t.common.save}
        </Button>
      </div>
    </Space>
  );
}
