import { useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, errorMessage } from '../../../api/client';
import { applyFieldErrors } from '../../../api/form-errors';
import type { SubjectView } from '../api';
import { enforcementStrings as strings } from '../strings';

const s = strings.newOfficer;

interface Values {
  subjectId: number;
  name: string;
  number: string;
  issuer: string;
  fields: string[];
  validFrom: Dayjs;
  validTo: Dayjs;
}

/** 登记执法人员 with their certificate, for a subject the person keeps; the server checks the fields against the subject's. */
export function NewOfficerModal({ open, subjects, field, onClose, onCreated }: { open: boolean; subjects: SubjectView[]; field: (key: string) => string; onClose: () => void; onCreated: () => void }) {
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const subjectId = Form.useWatch('subjectId', form);
  const subject = subjects.find((x) => x.id === subjectId);
  const submit = async (v: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      await api.post('/api/xzzf/officers', {
        subjectId: v.subjectId, name: v.name.trim(),
        certificate: { number: v.number.trim(), issuer: v.issuer.trim(), fields: v.fields, validFrom: v.validFrom.format('YYYY-MM-DD'), validTo: v.validTo.format('YYYY-MM-DD') },
      });
      form.resetFields();
      onCreated();
    } catch (err) {
      if (!applyFieldErrors(form, err, { 'certificate.number': 'number', 'certificate.fields': 'fields', 'certificate.validTo': 'validTo' })) setError(errorMessage(err));
    } finally {
      setSubmitting(false);
    }
  };
  const required = (label: string) => [{ required: true, message: s.required(label) }];
  const text = (name: 'name' | 'number' | 'issuer', label: string, max: number) => (
    <Form.Item name={name} label={label} rules={[{ required: true, whitespace: true, message: s.required(label) }, { max }]}>
      <Input maxLength={max} data-testid={`xzzf-new-officer-${name}`} />
    </Form.Item>
  );
  return (
    <Modal open={open} title={s.title} okText={s.submit} onOk={() => form.submit()} confirmLoading={submitting} onCancel={onClose} destroyOnHidden okButtonProps={{ 'data-testid': 'xzzf-new-officer-submit' }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ issuer: s.issuerDefault, subjectId: subjects.length === 1 ? subjects[0]!.id : undefined }}>
        <Form.Item name="subjectId" label={s.subject} rules={required(s.subject)}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={subjects.map((x) => ({ value: x.id, label: x.name }))} onChange={() => form.setFieldValue('fields', [])} data-testid="xzzf-new-officer-subject" />
        </Form.Item>
        {text('name', s.name, 50)}
        {text('number', s.number, 50)}
        {text('issuer', s.issuer, 100)}
        <Form.Item name="fields" label={s.fields} rules={required(s.fields)}>
          <Select mode="multiple" options={(subject?.fields ?? []).map((f) => ({ value: f, label: field(f) }))} data-testid="xzzf-new-officer-fields" />
        </Form.Item>
        <Form.Item name="validFrom" label={s.validFrom} rules={required(s.validFrom)}>
          <DatePicker style={{ width: 200 }} data-testid="xzzf-new-officer-validFrom" />
        </Form.Item>
        <Form.Item name="validTo" label={s.validTo} rules={required(s.validTo)}>
          <DatePicker style={{ width: 200 }} data-testid="xzzf-new-officer-validTo" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
