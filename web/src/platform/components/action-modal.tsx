import { useState } from 'react';
import { Alert, App, Button, Form, Modal, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { errorMessage } from '../../api/client';
import { applyFieldErrors } from '../../api/form-errors';
import { caseApi, fileUpload, type CaseAction, type SchemaProperty } from '../api';
import { platformStrings as s } from '../strings';
import { fieldRules, SchemaFieldInput, typeOf, widgetOf } from './schema-field';

interface ActionModalProps {
  caseId: string;
  /** The case's module: its unit fields offer the units the module's roles open. */
  module: string;
  /** The action being taken, and a counter so each opening starts from a fresh form. */
  open: { action: CaseAction; seq: number } | null;
  onClose: () => void;
  onDone: () => void;
}

/** A field's starting value as the form holds it: a day as a dayjs, a yes-or-no choice as its text. */
function initialValue(p: SchemaProperty): unknown {
  const widget = widgetOf(p);
  if (widget === 'date' && typeof p.default === 'string') return dayjs(p.default);
  if (widget === 'choice' && typeOf(p) === 'boolean') return String(p.default);
  return p.default;
}

/** The form of one action, drawn from its input schema. */
export function ActionModal({ caseId, module, open, onClose, onDone }: ActionModalProps) {
  return (
    <Modal open={open !== null} title={open?.action.label} onCancel={onClose} destroyOnHidden mask={{ closable: false }} width={560} footer={null} data-testid="action-modal">
      {open && <ActionForm key={open.seq} caseId={caseId} module={module} action={open.action} onClose={onClose} onDone={onDone} />}
    </Modal>
  );
}

interface ActionFormProps {
  caseId: string;
  module: string;
  action: CaseAction;
  onClose: () => void;
  onDone: () => void;
}

function ActionForm({ caseId, module, action, onClose, onDone }: ActionFormProps) {
  const [form] = Form.useForm<Record<string, unknown>>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const properties = Object.entries(action.input.properties ?? {});
  const required = new Set(action.input.required ?? []);
  const labelOf = (name: string) => action.input.properties?.[name]?.title ?? name;
  const initial = Object.fromEntries([
    ...properties.filter(([name, p]) => widgetOf(p) === 'boolean' && required.has(name)).map(([name]) => [name, false] as const),
    ...properties.filter(([, p]) => p.default !== undefined && p.default !== null).map(([name, p]) => [name, initialValue(p)] as const),
  ]);

  // Dates go as YYYY-MM-DD, files are uploaded to the case first and sent as their attachment ids, empty fields are left out.
  const toInput = async (values: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const input: Record<string, unknown> = {};
    for (const [name, property] of properties) {
      const value = values[name];
      if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) continue;
      const widget = widgetOf(property);
      if (widget === 'date') input[name] = (value as Dayjs).format('YYYY-MM-DD');
      else if (widget === 'file') input[name] = (await caseApi.upload(caseId, await fileUpload(value as File))).attachmentId;
      else if (typeOf(property) === 'boolean' && typeof value === 'string') input[name] = value === 'true';
      else if (typeof value === 'string') input[name] = value.trim();
      else input[name] = value;
    }
    return input;
  };

  const submit = async (values: Record<string, unknown>) => {
    setSubmitting(true);
    setError(null);
    try {
      await caseApi.act(caseId, action.action, await toInput(values));
      void message.success(s.action.done(action.label));
      onDone();
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(errorMessage(err));
      setSubmitting(false);
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} data-testid={`action-form-${action.action}`}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="action-error" />}
      {properties.length === 0 && <Typography.Paragraph>{s.action.noFields}</Typography.Paragraph>}
      {properties.map(([name, property]) => (
        <Form.Item
          key={name}
          name={name}
          label={labelOf(name)}
          rules={fieldRules(property, labelOf(name), required.has(name))}
        >
          <SchemaFieldInput name={name} property={property} testId={`action-field-${name}`} module={module} />
        </Form.Item>
      ))}
      <div style={{ textAlign: 'right', marginTop: 8 }}>
        <Space>
          <Button onClick={onClose} disabled={submitting} data-testid="action-modal-cancel">
            {s.action.cancel}
          </Button>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="action-modal-submit">
            {s.action.submit}
          </Button>
        </Space>
      </div>
    </Form>
  );
}
