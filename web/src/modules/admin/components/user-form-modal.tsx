import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Select } from 'antd';
import { errorMessage } from '../../../api/client';
import { applyFieldErrors } from '../../../api/form-errors';
import { createUser, updateUser, type ManagedUser, type OneTimePassword, type UserChanges } from '../api';
import { adminStrings as s } from '../strings';
import { UnitTreeField } from './unit-tree-field';

/** As the server's schema (users.plugin.ts). */
const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/;

interface UserValues {
  username: string;
  displayName: string;
  role: string;
  unitId: number;
  /** Empty: the person's own unit. */
  scopeUnitId?: number;
}

export type UserFormMode = { kind: 'create' } | { kind: 'edit'; user: ManagedUser };

interface UserFormModalProps {
  mode: UserFormMode | null;
  selfId: number;
  onClose: () => void;
  onCreated: (created: OneTimePassword) => void;
  onSaved: () => void;
}

export function UserFormModal({ mode, selfId, onClose, onCreated, onSaved }: UserFormModalProps) {
  return (
    <Modal
      open={mode !== null}
      title={mode?.kind === 'edit' ? s.form.editTitle(mode.user.displayName) : s.form.createTitle}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      mask={{ closable: false }}
      width={520}
      data-testid="user-form-modal"
    >
      {mode && <UserForm mode={mode} selfId={selfId} onClose={onClose} onCreated={onCreated} onSaved={onSaved} />}
    </Modal>
  );
}

function initialValues(mode: UserFormMode): Partial<UserValues> {
  if (mode.kind === 'create') return {};
  const { user } = mode;
  return {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unitId: user.unitId,
    ...(user.scopeUnitId !== user.unitId ? { scopeUnitId: user.scopeUnitId } : {}),
  };
}

/** Only what changed; a scope left empty follows the unit, so moving a person moves what they see. */
function changesOf(user: ManagedUser, values: UserValues): UserChanges {
  const scope = values.scopeUnitId ?? values.unitId;
  return {
    ...(values.displayName.trim() !== user.displayName ? { displayName: values.displayName.trim() } : {}),
    ...(values.role !== user.role ? { role: values.role } : {}),
    ...(values.unitId !== user.unitId ? { unitId: values.unitId } : {}),
    ...(scope !== user.scopeUnitId ? { scopeUnitId: scope } : {}),
  };
}

function UserForm({ mode, selfId, onClose, onCreated, onSaved }: Omit<UserFormModalProps, 'mode'> & { mode: UserFormMode }) {
  const [form] = Form.useForm<UserValues>();
  const [initial] = useState(() => initialValues(mode));
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const editing = mode.kind === 'edit' ? mode.user : null;

  const onFinish = async (values: UserValues) => {
    setSubmitting(true);
    setError(null);
    try {
      if (!editing) {
        const created = await createUser({
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          role: values.role,
          unitId: values.unitId,
          ...(values.scopeUnitId ? { scopeUnitId: values.scopeUnitId } : {}),
        });
        onCreated(created);
        return;
      }
      const changes = changesOf(editing, values);
      if (Object.keys(changes).length === 0) {
        void message.info(s.form.unchanged);
        onClose();
        return;
      }
      await updateUser(editing.id, changes);
      void message.success(s.form.saved(values.displayName.trim()));
      onSaved();
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(errorMessage(err));
      setSubmitting(false);
    }
  };

  return (
    <Form<UserValues> form={form} layout="vertical" initialValues={initial} onFinish={onFinish} data-testid="user-form">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="user-form-error" />}
      {editing && (
        <Alert
          type={editing.id === selfId ? 'warning' : 'info'}
          showIcon
          title={editing.id === selfId ? s.form.editSelfNotice : s.form.editNotice}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form.Item
        name="username"
        label={s.form.username}
        extra={editing ? undefined : s.form.usernameHint}
        rules={
          editing
            ? []
            : [
                { required: true, whitespace: true, message: s.form.usernameRequired },
                { pattern: USERNAME, message: s.form.usernameInvalid },
              ]
        }
      >
        <Input maxLength={64} disabled={!!editing} autoComplete="off" data-testid="user-form-username" />
      </Form.Item>
      <Form.Item name="displayName" label={s.form.displayName} rules={[{ required: true, whitespace: true, message: s.form.displayNameRequired }]}>
        <Input maxLength={50} autoComplete="off" data-testid="user-form-display-name" />
      </Form.Item>
      <Form.Item name="role" label={s.form.role} rules={[{ required: true, message: s.form.roleRequired }]}>
        <Select options={[...s.roles]} placeholder={s.form.rolePlaceholder} data-testid="user-form-role" />
      </Form.Item>
      <Form.Item name="unitId" label={s.form.unit} rules={[{ required: true, message: s.form.unitRequired }]}>
        <UnitTreeField placeholder={s.form.unitPlaceholder} testId="user-form-unit" />
      </Form.Item>
      <Form.Item name="scopeUnitId" label={s.form.scope} extra={s.form.scopeHint}>
        <UnitTreeField placeholder={s.form.scopePlaceholder} allowClear testId="user-form-scope" />
      </Form.Item>
      <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8 }}>
        <Button onClick={onClose} disabled={submitting} data-testid="user-form-cancel">
          {s.form.cancel}
        </Button>
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="user-form-submit">
          {editing ? s.form.save : s.form.create}
        </Button>
      </div>
    </Form>
  );
}
