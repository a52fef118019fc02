import { useState } from 'react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { api, errorMessage } from '../../../api/client';
import { applyFieldErrors } from '../../../api/form-errors';
import type { OfficerView, SubjectView } from '../api';
import { enforcementStrings as strings } from '../strings';
import { CERTIFICATE_DEFAULTS, CERTIFICATE_FIELD_ALIASES, CertificateFields, certificateBody, type CertificateValues } from './certificate-fields';

const s = strings.newOfficer;

type Values = CertificateValues & { subjectId: number; name: string };

/**
 * 登记执法人员 with their certificate, for a subject the person keeps; or, given `officer`, a new
 * certificate for them (a renewal, another field). The server checks the fields against the subject's.
 */
export function NewOfficerModal({ open, subjects, officer, field, onClose, onCreated }: {
  open: boolean; subjects: SubjectView[]; officer?: OfficerView | null; field: (key: string) => string; onClose: () => void; onCreated: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chosen = Form.useWatch('subjectId', form);
  const subject = subjects.find((x) => x.id === (officer?.subjectId ?? chosen));
  const submit = async (v: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      if (officer) await api.post(`/api/xzzf/officers/${officer.id}/certificates`, certificateBody(v));
      else await api.post('/api/xzzf/officers', { subjectId: v.subjectId, name: v.name.trim(), certificate: certificateBody(v) });
      form.resetFields();
      onCreated();
    } catch (err) {
      if (!applyFieldErrors(form, err, CERTIFICATE_FIELD_ALIASES)) setError(errorMessage(err));
    } finally {
      setSubmitting(false);
    }
  };
  return (
    <Modal open={open} title={officer ? s.renewTitle(officer.name) : s.title} okText={s.submit} onOk={() => form.submit()} confirmLoading={submitting} onCancel={onClose} destroyOnHidden okButtonProps={{ 'data-testid': 'xzzf-new-officer-submit' }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ ...CERTIFICATE_DEFAULTS, subjectId: subjects.length === 1 ? subjects[0]!.id : undefined }}>
        {!officer && (
          <>
            <Form.Item name="subjectId" label={s.subject} rules={[{ required: true, message: s.required(s.subject) }]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={subjects.map((x) => ({ value: x.id, label: x.name }))} onChange={() => form.setFieldValue('fields', [])} data-testid="xzzf-new-officer-subject" />
            </Form.Item>
            <Form.Item name="name" label={s.name} rules={[{ required: true, whitespace: true, message: s.required(s.name) }, { max: 50 }]}>
              <Input maxLength={50} data-testid="xzzf-new-officer-name" />
            </Form.Item>
          </>
        )}
        <CertificateFields fields={subject?.fields ?? []} field={field} testId="xzzf-new-officer" />
      </Form>
    </Modal>
  );
}
