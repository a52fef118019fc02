import { useState } from 'react';
import { Alert, Form, Input, Modal, Segmented } from 'antd';
import { OBJECT_KIND_LABELS } from '../../../../../contracts/enforcement';
import { api, errorMessage, isApiError } from '../../../api/client';
import { applyFieldErrors } from '../../../api/form-errors';
import { enforcementStrings as strings } from '../strings';

const s = strings.objects;
type Kind = keyof typeof OBJECT_KIND_LABELS;

interface Values {
  name: string;
  creditCode?: string;
  legalRepresentative?: string;
  idNumber?: string;
  address?: string;
}

/** 登记执法对象: an enterprise by its credit code or a person by their ID number; the server checks both. */
export function RegisterObjectModal({ open, onClose, onRegistered }: { open: boolean; onClose: () => void; onRegistered: (id: number, existed: boolean) => void }) {
  const [kind, setKind] = useState<Kind>('enterprise');
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: Values) => {
    setSubmitting(true);
    setError(null);
    const common = { name: v.name.trim(), ...(v.address?.trim() ? { address: v.address.trim() } : {}) };
    const body = kind === 'enterprise'
      ? { kind, ...common, creditCode: v.creditCode!.trim(), ...(v.legalRepresentative?.trim() ? { legalRepresentative: v.legalRepresentative.trim() } : {}) }
      : { kind, ...common, idNumber: v.idNumber!.trim() };
    try {
      const { id } = await api.post<{ id: number }>('/api/xzzf/objects', body);
      form.resetFields();
      onRegistered(id, false);
    } catch (err) {
      if (isApiError(err, 'XZZF_OBJECT_EXISTS')) onRegistered((err.details as { objectId: number }).objectId, true);
      else if (!applyFieldErrors(form, err)) setError(errorMessage(err));
    } finally {
      setSubmitting(false);
    }
  };
  const text = (name: keyof Values, label: string, max: number, required: boolean, extra?: string) => (
    <Form.Item name={name} label={label} extra={extra} rules={required ? [{ required: true, whitespace: true, message: s.required(label) }, { max }] : [{ max }]}>
      <Input maxLength={max} data-testid={`xzzf-register-${name}`} />
    </Form.Item>
  );
  return (
    <Modal open={open} title={s.registerTitle} okText={s.submit} onOk={() => form.submit()} confirmLoading={submitting} onCancel={onClose} destroyOnHidden okButtonProps={{ 'data-testid': 'xzzf-register-submit' }}>
      <Segmented value={kind} onChange={(v) => setKind(v as Kind)} options={(['enterprise', 'individual'] as const).map((k) => ({ value: k, label: OBJECT_KIND_LABELS[k] }))} style={{ marginBottom: 12 }} data-testid="xzzf-register-kind" />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="xzzf-register-form">
        {text('name', s.name, kind === 'enterprise' ? 200 : 50, true)}
        {kind === 'enterprise' ? text('creditCode', s.creditCode, 20, true) : text('idNumber', s.idNumber, 20, true, s.idNumberHint)}
        {kind === 'enterprise' && text('legalRepresentative', s.legalRepresentative, 50, false)}
        {text('address', s.address, 200, false)}
      </Form>
    </Modal>
  );
}
