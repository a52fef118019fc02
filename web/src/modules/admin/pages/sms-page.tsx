import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input, Space, Switch, Typography } from 'antd';
import { ApiError, errorMessage, isApiError } from '../../../api/client';
import { applyFieldErrors } from '../../../api/form-errors';
import { useLoaded } from '../../../api/use-loaded';
import { formatDateTime } from '../../../ui/format';
import { Forbidden } from '../components/admin-only';
import { readSms, saveSms, testSms, type SmsSettings } from '../settings-api';
import { settingsStrings as t } from '../settings-strings';

interface SmsValues {
  enabled: boolean;
  endpoint?: string;
  signName?: string;
  templates: Record<string, string | undefined>;
  token?: string;
  clearToken?: boolean;
}

/** 短信网关: where messages to citizens go; the token is written here and never shown again. */
export function SmsPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<SmsValues>();
  const [forbidden, setForbidden] = useState<string | null>(null);
  const loaded = useLoaded(
    useCallback(
      (signal: AbortSignal) =>
        readSms(signal).catch((err: unknown) => {
          if (isApiError(err, 'FORBIDDEN') || isApiError(err, 'COUNTY_ADMIN_ONLY')) setForbidden((err as ApiError).message);
          throw err;
        }),
      [],
    ),
  );
  const [settings, setSettings] = useState<SmsSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [phone, setPhone] = useState('');
  const [testing, setTesting] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    if (loaded.data) setSettings(loaded.data.settings);
  }, [loaded.data]);
  useEffect(() => {
    if (!settings) return;
    form.setFieldsValue({ enabled: settings.enabled, endpoint: settings.endpoint ?? undefined, signName: settings.signName ?? undefined, templates: settings.templates, token: undefined, clearToken: false });
  }, [form, settings]);

  if (forbidden) return <Forbidden message={forbidden} />;
  const messages = loaded.data?.messages ?? {};

  const save = async (v: SmsValues) => {
    setSaving(true);
    setError(null);
    try {
      const templates = Object.fromEntries(Object.entries(v.templates ?? {}).filter((e): e is [string, string] => !!e[1]?.trim()).map(([k, id]) => [k, id.trim()]));
      const saved = await saveSms({
        enabled: v.enabled,
        endpoint: v.endpoint?.trim() || null,
        signName: v.signName?.trim() || null,
        templates,
        ...(v.clearToken ? { token: null } : v.token ? { token: v.token } : {}),
      });
      setSettings(saved.settings);
      void message.success(t.sms.saved);
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };
  const sendTest = async () => {
    setTesting(true);
    setResult(null);
    try {
      const outcome = await testSms(phone);
      setResult(outcome.delivered ? { ok: true, text: t.sms.delivered(outcome.gatewayStatus) } : { ok: false, text: t.sms.failed(outcome.problem ?? '') });
    } catch (err) {
      setResult({ ok: false, text: errorMessage(err) });
    } finally {
      setTesting(false);
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small" title={t.sms.title} data-testid="sms-page">
        <Alert type="info" showIcon title={t.sms.intro} description={t.common.logged} style={{ marginBottom: 12 }} />
        {settings && !settings.saved && <Alert type="warning" showIcon title={loaded.data?.environmentGateway ? t.sms.environment : t.sms.noGateway} style={{ marginBottom: 12 }} data-testid="sms-not-saved" />}
        {loaded.error && <Alert type="error" showIcon title={loaded.error} style={{ marginBottom: 12 }} />}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="sms-error" />}
        <Form<SmsValues> form={form} layout="vertical" initialValues={{ enabled: false, templates: {} }} onFinish={(v) => void save(v)} style={{ maxWidth: 560 }} data-testid="sms-form">
          <Form.Item name="enabled" label={t.sms.enabled} valuePropName="checked">
            <Switch data-testid="sms-enabled" />
          </Form.Item>
          <Form.Item name="endpoint" label={t.sms.endpoint} extra={t.sms.endpointHint} rules={[{ pattern: /^https?:\/\/\S+$/, message: t.sms.endpointInvalid }]}>
            <Input maxLength={500} autoComplete="off" placeholder="https://" data-testid="sms-endpoint" />
          </Form.Item>
          <Form.Item name="signName" label={t.sms.signName} extra={t.sms.signNameHint}>
            <Input maxLength={20} autoComplete="off" data-testid="sms-sign" />
          </Form.Item>
          <Typography.Text strong>{t.sms.templates}</Typography.Text>
          {Object.entries(messages).map(([name, label]) => (
            <Form.Item key={name} name={['templates', name]} label={label} style={{ marginTop: 8 }}>
              <Input maxLength={64} autoComplete="off" data-testid={`sms-template-${name}`} />
            </Form.Item>
          ))}
          <Form.Item name="token" label={t.sms.token} extra={settings?.hasToken ? t.sms.tokenKept : t.sms.tokenNone}>
            <Input.Password maxLength={500} autoComplete="new-password" data-testid="sms-token" />
          </Form.Item>
          {settings?.hasToken && (
            <Form.Item name="clearToken" valuePropName="checked">
              <Checkbox data-testid="sms-clear-token">{t.sms.clearToken}</Checkbox>
            </Form.Item>
          )}
          {settings?.updatedAt && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t.sms.lastSaved(formatDateTime(settings.updatedAt))}
            </Typography.Paragraph>
          )}
          <Button type="primary" htmlType="submit" loading={saving} data-testid="sms-save">
            {t.common.save}
          </Button>
        </Form>
      </Card>
      <Card size="small" title={t.sms.test}>
        <Space wrap>
          <Input value={phone} onChange={(e) => setPhone(e.target.value)} placeholder={t.sms.testPhone} inputMode="tel" maxLength={20} style={{ width: 200 }} data-testid="sms-test-phone" />
          <Button loading={testing} disabled={!phone.trim()} onClick={() => void sendTest()} data-testid="sms-test-send">
            {t.sms.testSend}
          </Button>
        </Space>
        {result && <Alert type={result.ok ? 'success' : 'error'} showIcon title={result.text} style={{ marginTop: 12 }} data-testid="sms-test-result" />}
      </Card>
    </Space>
  );
}
