import { useState } from 'react';
import { Alert, App, Button, Form, Modal, Space, Typography } from 'antd';
import { errorMessage } from '../../../api/client';
import { applyFieldErrors } from '../../../api/form-errors';
import { categoryPath, type Meta } from '../../../api/meta';
import { formatDate } from '../../../ui/format';
import { performAction, type AvailableAction, type RequestDetail } from '../api';
import { staffStrings as s } from '../strings';
import { ActionFieldInput, isChoice, toActionInput, valueType } from './action-field-input';

interface ActionModalProps {
  detail: RequestDetail;
  /** The action being taken, and a counter so each opening starts from a fresh form; `preset` fills some fields (a knowledge entry's answer). */
  open: { action: AvailableAction; seq: number; preset?: Record<string, unknown> } | null;
  meta: Meta | null;
  onClose: () => void;
  onDone: () => void;
}

/** What the request already says, so classifying or dispatching starts from it. */
function initialValues(action: AvailableAction, detail: RequestDetail, meta: Meta | null): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of action.fields) {
    if (field.kind === 'requestType' && detail.request.requestType) values[field.name] = detail.request.requestType;
    if (field.kind === 'urgency') values[field.name] = detail.request.urgency;
    if (field.kind === 'category' && meta) values[field.name] = categoryPath(meta.categories, detail.request.categoryCode);
  }
  return values;
}

/** The form of one workflow action, built from the fields the server lists for it. */
export function ActionModal({ detail, open, meta, onClose, onDone }: ActionModalProps) {
  return (
    <Modal
      open={open !== null}
      title={open?.action.label}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      width={560}
      footer={null}
      data-testid="action-modal"
    >
      {open && (
        <ActionForm key={open.seq} action={open.action} preset={open.preset} detail={detail} meta={meta} onClose={onClose} onDone={onDone} />
      )}
    </Modal>
  );
}

interface ActionFormProps {
  action: AvailableAction;
  preset?: Record<string, unknown>;
  detail: RequestDetail;
  meta: Meta | null;
  onClose: () => void;
  onDone: () => void;
}

function ActionForm({ action, preset, detail, meta, onClose, onDone }: ActionFormProps) {
  const [form] = Form.useForm<Record<string, unknown>>();
  const [initial] = useState(() => ({ ...initialValues(action, detail, meta), ...preset }));
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { message, modal } = App.useApp();
  // A unit called in answers by the lead's own limit at the latest (a limit at midnight closes the day before).
  const lead = detail.dispatches.find((d) => d.role === 'lead' && d.status === 'signed');
  const lastDay = lead ? formatDate(new Date(Date.parse(lead.dueAt) - 1)) : undefined;

  const send = async (values: Record<string, unknown>) => {
    setSubmitting(true);
    setError(null);
    try {
      await performAction(detail.caseId, action.action, toActionInput(action.fields, values));
      message.success(s.action.done(action.label));
      onDone();
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(errorMessage(err));
      setSubmitting(false);
    }
  };

  // A step that cannot be taken back (merge, 裁定, 回访/结案 …) is asked once more, in the server's words.
  const submit = (values: Record<string, unknown>) => {
    if (!action.confirm) return void send(values);
    modal.confirm({
      title: s.action.confirmTitle(action.label),
      content: <span data-testid="confirm-text">{action.confirm}</span>,
      okText: action.label,
      cancelText: s.action.cancel,
      okButtonProps: { 'data-testid': 'confirm-ok' },
      cancelButtonProps: { 'data-testid': 'confirm-cancel' },
      onOk: () => send(values),
    });
  };

  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} data-testid={`action-form-${action.action}`}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="action-error" />}
      {action.fields.length === 0 && <Typography.Paragraph>{s.action.noFields}</Typography.Paragraph>}
      {action.fields.map((field) => (
        <Form.Item
          key={field.name}
          name={field.name}
          label={field.label}
          rules={
            field.required
              ? [
                  {
                    required: true,
                    type: valueType(field),
                    whitespace: field.kind === 'text' || field.kind === 'textarea',
                    message: isChoice(field) ? s.action.selectRequired(field.label) : s.action.required(field.label),
                  },
                ]
              : []
          }
        >
          <ActionFieldInput field={field} meta={meta} lastDay={lastDay} />
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
