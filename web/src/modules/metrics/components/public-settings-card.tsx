import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Skeleton, Space, Switch, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { FIGURE_KEYS } from '../../../../../contracts/metrics';
import type { PublicStatisticsSettings } from '../../../../../contracts/statistics';
import { errorMessage } from '../../../api/client';
import { fetchPublicSettings, savePublicSettings } from '../api';
import { metricsStrings as s } from '../strings';

const t = s.publicSettings;
const SWITCHES = ['published', 'showVolume', 'showCategories', 'showTrend'] as const;

/** What the county publishes on the public statistics page (admin only). */
export function PublicSettingsCard() {
  const { message } = App.useApp();
  const [form] = Form.useForm<PublicStatisticsSettings>();
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    fetchPublicSettings().then(
      (settings) => {
        form.setFieldsValue(settings);
        setLoaded(true);
      },
      (err: unknown) => setError(errorMessage(err)),
    );
  }, [form]);

  const save = async (values: PublicStatisticsSettings) => {
    setSaving(true);
    try {
      await savePublicSettings({ ...values, figures: FIGURE_KEYS.filter((key) => (values.figures ?? []).includes(key)) });
      void message.success(t.saved);
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" title={t.title} extra={<Link to="/public/statistics" target="_blank">{t.open}</Link>} data-testid="public-settings">
      {error && <Alert type="error" showIcon title={error} />}
      {!error && !loaded && <Skeleton active paragraph={{ rows: 3 }} />}
      <Form<PublicStatisticsSettings> form={form} layout="vertical" onFinish={save} hidden={!loaded} data-testid="public-settings-form">
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t.hint}
        </Typography.Paragraph>
        <Space wrap size={[24, 0]}>
          {SWITCHES.map((key) => (
            <Form.Item key={key} name={key} label={t[key]} valuePropName="checked">
              <Switch data-testid={`public-settings-${key}`} />
            </Form.Item>
          ))}
        </Space>
        <Form.Item name="figures" label={t.figures}>
          <Checkbox.Group options={FIGURE_KEYS.map((key) => ({ value: key, label: s.figures[key] }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="public-settings-save">
          {t.save}
        </Button>
      </Form>
    </Card>
  );
}
