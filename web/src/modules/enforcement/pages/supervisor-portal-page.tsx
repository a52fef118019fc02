import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { errorMessage } from '../../../api/client';
import { applyFieldErrors } from '../../../api/form-errors';
import { fileUpload } from '../../../platform/api';
import { PublicEnforcementShell } from '../components/public-shell';
import { supervisorApi, type CardProof, type MyObservations } from '../social-supervisors-api';
import { supervisorStrings as strings } from '../social-supervisors-strings';

const s = strings.portal;
const MAX_BYTES = 5 * 1024 * 1024;
const ACCEPTED = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'];

interface Picked { name: string; mediaType: string; contentBase64: string }
interface FileValues { concerning: string; subjectId?: number; observedOn: string; place: string; content: string }

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * The 社会监督员's own page, at phone size: the card code and secret (kept in this page only,
 * never stored), the filing form, and the observations filed with the office's answers.
 */
export function SupervisorPortalPage() {
  const { message, modal } = App.useApp();
  const [proof, setProof] = useState<CardProof | null>(null);
  const [mine, setMine] = useState<MyObservations | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<Picked | null>(null);
  const [loginForm] = Form.useForm<CardProof>();
  const [fileForm] = Form.useForm<FileValues>();

  const enter = async (values: CardProof) => {
    setBusy(true);
    setError(null);
    try {
      const given = { code: values.code.trim(), secret: values.secret.trim() };
      setMine(await supervisorApi.mine(given));
      setProof(given);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const pick = async (list: FileList | null) => {
    const chosen = list?.[0];
    if (!chosen) return;
    if (!ACCEPTED.includes(chosen.type)) return void message.error(s.fileType);
    if (chosen.size > MAX_BYTES) return void message.error(s.fileTooLarge);
    setFile(await fileUpload(chosen));
  };

  const submit = async (v: FileValues) => {
    if (!proof) return;
    setBusy(true);
    setError(null);
    try {
      const filed = await supervisorApi.file({
        ...proof, concerning: v.concerning.trim(), observedOn: v.observedOn, place: v.place.trim(), content: v.content.trim(),
        ...(v.subjectId ? { subjectId: v.subjectId } : {}), ...(file ? { files: [file] } : {}),
      });
      void message.success(s.filed(filed.dueOn));
      fileForm.resetFields();
      setFile(null);
      setMine(await supervisorApi.mine(proof));
    } catch (err) {
      if (!applyFieldErrors(fileForm, err)) setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const withdraw = (caseId: string) => {
    if (!proof) return;
    let reason = '';
    modal.confirm({
      title: s.withdrawTitle,
      content: <Input.TextArea rows={3} maxLength={1000} placeholder={s.withdrawReason} onChange={(e) => { reason = e.target.value; }} data-testid="xzzf-portal-withdraw-reason" />,
      okText: s.withdraw,
      onOk: async () => {
        if (!reason.trim()) {
          void message.error(s.required(s.withdrawReason));
          throw new Error('reason');
        }
        try {
          await supervisorApi.withdraw(proof, caseId, reason.trim());
          void message.success(s.withdrawn);
          setMine(await supervisorApi.mine(proof));
        } catch (err) {
          void message.error(errorMessage(err));
          throw err;
        }
      },
    });
  };

  if (!proof || !mine) {
    return (
      <PublicEnforcementShell title={s.title} subtitle={s.subtitle}>
        <Card size="small">
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="xzzf-portal-error" />}
          <Form<CardProof> form={loginForm} layout="vertical" onFinish={enter}>
            <Form.Item name="code" label={s.code} rules={[{ required: true, message: s.required(s.code) }]}><Input maxLength={20} autoComplete="off" data-testid="xzzf-portal-code" /></Form.Item>
            <Form.Item name="secret" label={s.secret} rules={[{ required: true, message: s.required(s.secret) }]}><Input.Password maxLength={20} autoComplete="off" data-testid="xzzf-portal-secret" /></Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="xzzf-portal-enter">{s.enter}</Button>
          </Form>
        </Card>
      </PublicEnforcementShell>
    );
  }

  return (
    <PublicEnforcementShell title={s.title} subtitle={s.hello(mine.name)}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {error && <Alert type="error" showIcon title={error} data-testid="xzzf-portal-error" />}
        {mine.inForce ? (
          <Card size="small" title={s.fileTitle}>
            <Form<FileValues> form={fileForm} layout="vertical" onFinish={submit} initialValues={{ observedOn: today() }}>
              <Form.Item name="concerning" label={s.concerning} rules={[{ required: true, whitespace: true, message: s.required(s.concerning) }]}><Input maxLength={200} data-testid="xzzf-portal-concerning" /></Form.Item>
              <Form.Item name="subjectId" label={s.subject}>
                <Select allowClear options={mine.subjects.map((x) => ({ value: x.id, label: x.name }))} data-testid="xzzf-portal-subject" />
              </Form.Item>
              <Form.Item name="observedOn" label={s.observedOn} rules={[{ required: true, message: s.required(s.observedOn) }]}><Input type="date" max={today()} data-testid="xzzf-portal-observed-on" /></Form.Item>
              <Form.Item name="place" label={s.place} rules={[{ required: true, whitespace: true, message: s.required(s.place) }]}><Input maxLength={200} data-testid="xzzf-portal-place" /></Form.Item>
              <Form.Item name="content" label={s.content} rules={[{ required: true, whitespace: true, message: s.required(s.content) }]}><Input.TextArea rows={5} maxLength={5000} showCount data-testid="xzzf-portal-content" /></Form.Item>
              <Form.Item label={s.file}>
                {file ? (
                  <Space><Typography.Text>{file.name}</Typography.Text><Button size="small" onClick={() => setFile(null)}>{s.removeFile}</Button></Space>
                ) : (
                  <input type="file" accept={ACCEPTED.join(',')} onChange={(e) => void pick(e.target.files)} data-testid="xzzf-portal-file" />
                )}
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={busy} data-testid="xzzf-portal-submit">{s.submit}</Button>
            </Form>
          </Card>
        ) : (
          <Alert type="warning" showIcon title={s.notInForce} />
        )}
        <Card size="small" title={s.mineTitle} extra={<Button size="small" onClick={() => { setProof(null); setMine(null); loginForm.resetFields(); }}>{s.leave}</Button>}>
          {mine.items.length === 0 ? <Empty description={s.empty} /> : (
            <List data-testid="xzzf-portal-mine" dataSource={mine.items} renderItem={(o) => (
              <List.Item key={o.caseId} data-testid="xzzf-portal-observation" style={{ flexDirection: 'column', alignItems: 'flex-start', gap: 8 }}>
                <Descriptions column={1} size="small" title={<Space wrap>{o.concerning}<Tag color={o.state === 'answered' ? 'green' : o.state === 'withdrawn' ? 'default' : 'blue'}>{o.stateLabel}</Tag></Space>}>
                  <Descriptions.Item label={s.receivedOn}>{o.receivedOn}</Descriptions.Item>
                  <Descriptions.Item label={s.dueOn}>{o.dueOn}</Descriptions.Item>
                  <Descriptions.Item label={s.content}>{o.content}</Descriptions.Item>
                  <Descriptions.Item label={s.answer}>
                    {o.answer ? <span data-testid="xzzf-portal-answer">{s.answerText(o.answer, o.answeredOn ?? '')}</span> : <Typography.Text type="secondary">{o.state === 'withdrawn' ? s.withdrawn : s.waiting}</Typography.Text>}
                  </Descriptions.Item>
                </Descriptions>
                {o.state !== 'answered' && o.state !== 'withdrawn' && <Button size="small" onClick={() => withdraw(o.caseId)} data-testid="xzzf-portal-withdraw">{s.withdraw}</Button>}
              </List.Item>
            )} />
          )}
        </Card>
      </Space>
    </PublicEnforcementShell>
  );
}
