import { useState } from 'react';
import { Alert, App, Button, Card, Form, Result, Select, Skeleton, Space } from 'antd';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../api/client';
import { applyFieldErrors } from '../../../api/form-errors';
import { useLoaded } from '../../../api/use-loaded';
import { loadOrgans, reconsiderationApi } from '../api';
import { ApplicationFields, toApplicationBody, type ApplicationValues } from '../components/application-fields';
import { FilePicker, type PickedFile } from '../components/file-picker';
import { PublicShell } from '../components/public-shell';
import { QueryCode } from '../components/query-code';
import { reconsiderationStrings as s } from '../strings';

interface OnlineValues extends ApplicationValues {
  organUnitId?: number;
  files?: PickedFile[];
}

/** 网上申请行政复议: the application on a phone, with up to three files; the query code is shown once. */
export function PublicApplyPage() {
  const organs = useLoaded(loadOrgans);
  const [form] = Form.useForm<OnlineValues>();
  const [submitting, setSubmitting] = useState(false);
  // Held in memory only: the code is shown this once and kept nowhere by the page.
  const [queryCode, setQueryCode] = useState<string | null>(null);
  const { message } = App.useApp();
  const list = organs.data ?? [];
  const chosen = Form.useWatch('organUnitId', form) ?? (list.length === 1 ? list[0]!.id : undefined);

  const submit = async (values: OnlineValues) => {
    if (chosen === undefined) return;
    setSubmitting(true);
    try {
      const files = (values.files ?? []).map(({ name, mediaType, contentBase64 }) => ({ name, mediaType, contentBase64 }));
      const result = await reconsiderationApi.apply({ ...toApplicationBody(values), organUnitId: chosen, ...(files.length ? { files } : {}) });
      form.resetFields();
      setQueryCode(result.queryCode);
      window.scrollTo({ top: 0 });
    } catch (err) {
      if (!applyFieldErrors(form, err)) void message.error({ content: <span data-testid="xzfy-apply-error">{errorMessage(err)}</span> });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <PublicShell title={s.publicApply.title} subtitle={s.publicApply.subtitle}>
      {queryCode ? (
        <Result
          status="success"
          title={s.publicApply.doneTitle}
          subTitle={s.publicApply.doneText}
          style={{ background: '#fff', borderRadius: 4, padding: '24px 16px' }}
          extra={
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <QueryCode code={queryCode} />
              <Alert type="warning" showIcon title={s.publicApply.keepTitle} description={s.publicApply.keepText} style={{ textAlign: 'left' }} data-testid="xzfy-code-hint" />
              <Link to={`/xzfy/track/${encodeURIComponent(queryCode)}`} data-testid="xzfy-track-link">
                <Button type="primary" block>
                  {s.publicApply.track}
                </Button>
              </Link>
            </Space>
          }
        />
      ) : (
        <Card title={s.publicApply.formTitle} size="small">
          {organs.error && <Alert type="error" showIcon title={s.publicApply.organsFailed} style={{ marginBottom: 12 }} />}
          {!organs.data ? (
            <Skeleton active paragraph={{ rows: 8 }} />
          ) : (
            <Form<OnlineValues> form={form} layout="vertical" initialValues={{ applicantKind: 'citizen', files: [] }} onFinish={submit} scrollToFirstError requiredMark data-testid="xzfy-public-form">
              {list.length > 1 && (
                <Form.Item name="organUnitId" label={s.fields.organ} rules={[{ required: true, message: s.rules.choose(s.fields.organ) }]}>
                  <Select options={list.map((o) => ({ value: o.id, label: o.name }))} data-testid="xzfy-organ" />
                </Form.Item>
              )}
              {list.length === 1 && (
                <Form.Item label={s.fields.organ}>
                  <span data-testid="xzfy-organ-name">{list[0]!.name}</span>
                </Form.Item>
              )}
              <ApplicationFields organ={list.find((o) => o.id === chosen)} />
              <Form.Item name="files" label={s.fields.files}>
                <FilePicker />
              </Form.Item>
              <Button type="primary" htmlType="submit" block size="large" loading={submitting} data-testid="xzfy-public-submit">
                {submitting ? s.publicApply.submitting : s.publicApply.submit}
              </Button>
            </Form>
          )}
        </Card>
      )}
    </PublicShell>
  );
}
