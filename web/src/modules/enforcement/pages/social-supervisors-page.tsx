import { useCallback, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { SUPERVISOR_STATUS_LABELS } from '../../../../../contracts/social-supervisors';
import { errorMessage } from '../../../api/client';
import { applyFieldErrors } from '../../../api/form-errors';
import { useLoaded } from '../../../api/use-loaded';
import { supervisorApi, type SupervisorAppointed, type SupervisorView } from '../social-supervisors-api';
import { supervisorStrings as strings } from '../social-supervisors-strings';

const s = strings.office;

interface AppointValues { name: string; phone: string; workUnit: string; termFrom: Dayjs; termTo: Dayjs }

/** 聘任: the person and the term; the card code and the one-time secret come back to be handed over. */
function AppointModal({ open, onClose, onAppointed }: { open: boolean; onClose: () => void; onAppointed: (card: SupervisorAppointed & { name: string }) => void }) {
  const [form] = Form.useForm<AppointValues>();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: AppointValues) => {
    setSending(true);
    setError(null);
    try {
      const card = await supervisorApi.appoint({
        name: v.name.trim(), phone: v.phone.trim(), workUnit: v.workUnit.trim(), termFrom: v.termFrom.format('YYYY-MM-DD'), termTo: v.termTo.format('YYYY-MM-DD'),
      });
      onAppointed({ ...card, name: v.name.trim() });
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(errorMessage(err));
    } finally {
      setSending(false);
    }
  };
  const f = s.fields;
  return (
    <Modal open={open} title={s.appoint} onCancel={onClose} onOk={() => form.submit()} okText={s.submit} confirmLoading={sending} destroyOnHidden
      okButtonProps={{ 'data-testid': 'xzzf-supervisor-appoint-submit' } as never}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<AppointValues> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="name" label={f.name} rules={[{ required: true, whitespace: true, message: s.required(f.name) }]}><Input maxLength={50} data-testid="xzzf-supervisor-name" /></Form.Item>
        <Form.Item name="phone" label={f.phone} rules={[{ required: true, pattern: /^[0-9+\- ]{7,20}$/, message: s.required(f.phone) }]}><Input maxLength={20} data-testid="xzzf-supervisor-phone" /></Form.Item>
        <Form.Item name="workUnit" label={f.workUnit} rules={[{ required: true, whitespace: true, message: s.required(f.workUnit) }]}><Input maxLength={100} data-testid="xzzf-supervisor-work-unit" /></Form.Item>
        <Space wrap size={16}>
          <Form.Item name="termFrom" label={f.termFrom} rules={[{ required: true, message: s.required(f.termFrom) }]}><DatePicker data-testid="xzzf-supervisor-term-from" /></Form.Item>
          <Form.Item name="termTo" label={f.termTo} rules={[{ required: true, message: s.required(f.termTo) }]}><DatePicker data-testid="xzzf-supervisor-term-to" /></Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

/** The card as handed over: the code anyone may check, and the secret shown this once. */
function CardModal({ card, onClose }: { card: (SupervisorAppointed & { name: string }) | null; onClose: () => void }) {
  return (
    <Modal open={card !== null} title={s.cardTitle} onCancel={onClose} footer={[
      <Button key="print" onClick={() => window.print()}>{s.print}</Button>,
      <Button key="done" type="primary" onClick={onClose} data-testid="xzzf-supervisor-card-done">{s.done}</Button>,
    ]}>
      <Alert type="warning" showIcon title={s.cardHint} style={{ marginBottom: 12 }} />
      {card && (
        <Descriptions column={1} bordered size="small" data-testid="xzzf-supervisor-card">
          <Descriptions.Item label={s.fields.name}>{card.name}</Descriptions.Item>
          <Descriptions.Item label={s.code}><Typography.Text copyable code data-testid="xzzf-supervisor-card-code">{card.code}</Typography.Text></Descriptions.Item>
          <Descriptions.Item label={s.secret}><Typography.Text copyable code data-testid="xzzf-supervisor-card-secret">{card.secret}</Typography.Text></Descriptions.Item>
        </Descriptions>
      )}
    </Modal>
  );
}

function statusTag(row: SupervisorView) {
  if (row.status === 'dismissed') return <Tag color="red">{SUPERVISOR_STATUS_LABELS.dismissed}</Tag>;
  return row.inForce ? <Tag color="green">{s.inForce}</Tag> : <Tag>{s.lapsed}</Tag>;
}

/** The 司法局's register of 社会监督员: appoint, see each card and its observations, dismiss. */
export function SocialSupervisorsPage() {
  const { message, modal } = App.useApp();
  const [version, setVersion] = useState(0);
  const load = useCallback((signal: AbortSignal) => supervisorApi.list(signal), [version]); // eslint-disable-line react-hooks/exhaustive-deps
  const list = useLoaded(load);
  const [appointing, setAppointing] = useState(false);
  const [card, setCard] = useState<(SupervisorAppointed & { name: string }) | null>(null);
  const reload = () => setVersion((v) => v + 1);

  const dismiss = (row: SupervisorView) => {
    let reason = '';
    modal.confirm({
      title: s.dismissTitle(row.name),
      content: (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <span>{s.dismissHint}</span>
          <Input.TextArea rows={3} maxLength={1000} placeholder={s.reason} onChange={(e) => { reason = e.target.value; }} data-testid="xzzf-supervisor-dismiss-reason" />
        </Space>
      ),
      okText: s.dismiss,
      okButtonProps: { danger: true, 'data-testid': 'xzzf-supervisor-dismiss-ok' } as never,
      onOk: async () => {
        if (!reason.trim()) {
          void message.error(s.required(s.reason));
          throw new Error('reason');
        }
        try {
          await supervisorApi.dismiss(row.id, reason.trim());
          void message.success(s.dismissed);
          reload();
        } catch (err) {
          void message.error(errorMessage(err));
          throw err;
        }
      },
    });
  };

  const c = s.columns;
  return (
    <Card title={s.title} extra={(
      <Space>
        <Link to="/staff/xzzf/observations/todo">{s.observations}</Link>
        <Button type="primary" onClick={() => setAppointing(true)} data-testid="xzzf-supervisor-appoint">{s.appoint}</Button>
      </Space>
    )}>
      <Typography.Paragraph type="secondary">{s.intro}</Typography.Paragraph>
      {list.error && <Alert type="error" showIcon title={list.error} />}
      <Table<SupervisorView> rowKey="id" size="small" loading={list.loading} dataSource={list.data?.items ?? []} locale={{ emptyText: s.empty }} scroll={{ x: true }}
        data-testid="xzzf-supervisors"
        columns={[
          { title: c.name, dataIndex: 'name' },
          { title: c.phone, dataIndex: 'phone' },
          { title: c.workUnit, dataIndex: 'workUnit' },
          { title: c.term, render: (_, r) => s.term(r.termFrom, r.termTo) },
          { title: c.code, dataIndex: 'code', render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
          { title: c.status, render: (_, r) => statusTag(r) },
          { title: c.observations, dataIndex: 'observations' },
          { title: c.actions, render: (_, r) => r.status === 'active' && <Button size="small" danger onClick={() => dismiss(r)} data-testid={`xzzf-supervisor-dismiss-${r.id}`}>{s.dismiss}</Button> },
        ]} />
      <AppointModal open={appointing} onClose={() => setAppointing(false)} onAppointed={(appointed) => { setAppointing(false); setCard(appointed); reload(); }} />
      <CardModal card={card} onClose={() => setCard(null)} />
    </Card>
  );
}
