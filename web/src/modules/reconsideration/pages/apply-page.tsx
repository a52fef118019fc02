import { useMemo, useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Radio, Result, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../api/client';
import { applyFieldErrors } from '../../../api/form-errors';
import { useLoaded } from '../../../api/use-loaded';
import { chinaToday } from '../../../ui/format';
import { useStaffSession } from '../../staff/auth-context';
import { loadOrgans, reconsiderationApi } from '../api';
import { ApplicationFields, toApplicationBody, type ApplicationValues } from '../components/application-fields';
import { QueryCode } from '../components/query-code';
import { handlerOrgans } from '../roles';
import { reconsiderationStrings as s } from '../strings';

interface CounterValues extends ApplicationValues {
  organUnitId?: number;
  channel: 'counter' | 'mail';
  receivedOn?: Dayjs;
}

/** 登记申请: a handler records an application received at the counter or by mail, and hands the applicant its query code. */
export function ApplyPage() {
  const session = useStaffSession();
  const held = useMemo(() => handlerOrgans(session), [session]);
  const organs = useLoaded(loadOrgans);
  const [form] = Form.useForm<CounterValues>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ caseId: string; queryCode: string } | null>(null);
  const mine = useMemo(() => (organs.data ?? []).filter((o) => held.includes(o.id)), [organs.data, held]);
  const organId = Form.useWatch('organUnitId', form) ?? (mine.length === 1 ? mine[0]!.id : undefined);
  const organ = mine.find((o) => o.id === organId);

  if (held.length === 0) return <Result status="403" title={<span data-testid="xzfy-apply-forbidden">{s.staffApply.notHandler}</span>} />;

  if (done) {
    return (
      <Card size="small">
        <Result
          status="success"
          title={s.staffApply.doneTitle}
          subTitle={<span data-testid="xzfy-apply-done-note">{s.staffApply.doneText}</span>}
          extra={
            <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 420 }}>
              <QueryCode code={done.queryCode} />
              <Space wrap style={{ justifyContent: 'center' }}>
                <Link to={`/staff/xzfy/cases/${done.caseId}`} data-testid="xzfy-apply-open">
                  <Button type="primary">{s.staffApply.open}</Button>
                </Link>
                <Button onClick={() => setDone(null)} data-testid="xzfy-apply-again">
                  {s.staffApply.again}
                </Button>
              </Space>
            </Space>
          }
        />
      </Card>
    );
  }

  const submit = async (values: CounterValues) => {
    setSubmitting(true);
    setError(null);
    try {
      const result = await reconsiderationApi.record({
        ...toApplicationBody(values),
        channel: values.channel,
        organUnitId: organId,
        receivedOn: values.receivedOn?.format('YYYY-MM-DD'),
      });
      form.resetFields();
      setDone(result);
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(errorMessage(err));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Card size="small" title={s.staffApply.title} data-testid="xzfy-apply-page">
      <Alert type="info" showIcon title={s.staffApply.note} style={{ marginBottom: 16 }} />
      {organs.error && <Alert type="error" showIcon title={s.staffApply.organsFailed} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="xzfy-apply-error" />}
      <Form<CounterValues>
        form={form}
        layout="vertical"
        style={{ maxWidth: 640 }}
        initialValues={{ applicantKind: 'citizen', channel: 'counter' }}
        onFinish={submit}
        scrollToFirstError
        data-testid="xzfy-apply-form"
      >
        {mine.length > 1 && (
          <Form.Item name="organUnitId" label={s.fields.organ} rules={[{ required: true, message: s.rules.choose(s.fields.organ) }]}>
            <Select options={mine.map((o) => ({ value: o.id, label: o.name }))} data-testid="xzfy-organ" />
          </Form.Item>
        )}
        <ApplicationFields organ={organ} />
        <Form.Item name="channel" label={s.fields.channel} rules={[{ required: true }]}>
          <Radio.Group optionType="button" data-testid="xzfy-channel">
            {(['counter', 'mail'] as const).map((c) => (
              <Radio.Button key={c} value={c}>
                <span data-testid={`xzfy-channel-${c}`}>{s.fields.channels[c]}</span>
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="receivedOn" label={s.fields.receivedOn} extra={s.fields.receivedOnHint}>
          {/* Left empty, the server's today is the day (its clock decides, XZFY_RECEIVED_IN_FUTURE); later days are out of reach. */}
          <DatePicker placeholder={s.fields.receivedOnPlaceholder} disabledDate={(d) => d.format('YYYY-MM-DD') > chinaToday()} style={{ width: 200 }} data-testid="xzfy-received-on" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="xzfy-apply-submit">
          {s.staffApply.submit}
        </Button>
      </Form>
    </Card>
  );
}
