import { useState } from 'react';
import { Alert, App, Button, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { errorMessage } from '../../../api/client';
import { CopyButton } from '../../../ui/copy-button';
import { createOpen311Key, type IssuedOpen311ApiKey } from '../api';
import { adminStrings } from '../strings';

const s = adminStrings.open311;

/** 签发密钥: the client system's name; the key comes back once. */
export function IssueKeyModal({ open, onClose, onIssued }: { open: boolean; onClose: () => void; onIssued: (key: IssuedOpen311ApiKey) => void }) {
  const [form] = Form.useForm<{ clientName: string }>();
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const submit = async ({ clientName }: { clientName: string }) => {
    setBusy(true);
    try {
      onIssued(await createOpen311Key(clientName.trim()));
      form.resetFields();
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={s.form.title}
      okText={s.form.ok}
      cancelText={s.cancel}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'open311-issue-ok' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="clientName" label={s.form.clientName} rules={[{ required: true, whitespace: true, message: s.form.required }, { max: 50 }]}>
          <Input placeholder={s.form.clientNamePlaceholder} maxLength={50} data-testid="open311-client-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The key the server returned this once; only the explicit button closes it. */
export function IssuedKeyModal({ issued, onClose }: { issued: IssuedOpen311ApiKey | null; onClose: () => void }) {
  return (
    <Modal
      open={issued !== null}
      title={s.shown.title}
      closable={false}
      keyboard={false}
      mask={{ closable: false }}
      destroyOnHidden
      width={520}
      footer={
        <Button type="primary" onClick={onClose} data-testid="open311-key-close">
          {s.shown.close}
        </Button>
      }
      data-testid="open311-key-modal"
    >
      {issued && (
        <>
          <Alert type="warning" showIcon title={s.shown.warning} description={s.shown.instruction} style={{ marginBottom: 12 }} />
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'client', label: s.shown.client, children: issued.clientName },
              {
                key: 'key',
                label: s.shown.key,
                children: (
                  <Typography.Text strong style={{ fontFamily: 'Menlo, Consolas, monospace', fontSize: 16, wordBreak: 'break-all' }} data-testid="open311-key">
                    {issued.key}
                  </Typography.Text>
                ),
              },
            ]}
          />
          <CopyButton text={issued.key} label={s.shown.copy} block style={{ marginTop: 12 }} data-testid="open311-key-copy" />
        </>
      )}
    </Modal>
  );
}
