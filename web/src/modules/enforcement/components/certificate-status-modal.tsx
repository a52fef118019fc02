import { useState } from 'react';
import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { CERTIFICATE_STATUS_LABELS, type CertificateStatusName, type CertificateView } from '../../../../../contracts/enforcement';
import { api, errorMessage } from '../../../api/client';
import { enforcementStrings as strings } from '../strings';

const s = strings.certificate;

/** 暂扣, 恢复, 吊销 or 注销 a certificate, with the reason the security log keeps. */
export function CertificateStatusModal({ certificate, onClose, onChanged }: { certificate: CertificateView | null; onClose: () => void; onChanged: () => void }) {
  const [form] = Form.useForm<{ status: CertificateStatusName; reason: string }>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: { status: CertificateStatusName; reason: string }) => {
    setSubmitting(true);
    setError(null);
    try {
      await api.post(`/api/xzzf/certificates/${certificate!.id}/status`, { status: v.status, reason: v.reason.trim() });
      form.resetFields();
      onChanged();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSubmitting(false);
    }
  };
  const choices = (Object.keys(CERTIFICATE_STATUS_LABELS) as CertificateStatusName[]).filter((k) => k !== certificate?.status);
  return (
    <Modal open={certificate !== null} title={certificate ? s.title(certificate.number) : ''} okText={s.submit} onOk={() => form.submit()} confirmLoading={submitting} onCancel={onClose} destroyOnHidden okButtonProps={{ 'data-testid': 'xzzf-status-submit' }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="status" label={s.status} rules={[{ required: true, message: s.required }]} extra={<Typography.Text type="secondary">{s.final}</Typography.Text>}>
          <Select options={choices.map((k) => ({ value: k, label: CERTIFICATE_STATUS_LABELS[k] }))} data-testid="xzzf-status-choice" />
        </Form.Item>
        <Form.Item name="reason" label={s.reason} rules={[{ required: true, whitespace: true, message: s.required }, { max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} placeholder={s.reasonPlaceholder} data-testid="xzzf-status-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
