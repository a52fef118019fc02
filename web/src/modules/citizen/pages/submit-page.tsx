import { useState } from 'react';
import { BarChartOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Skeleton, Space } from 'antd';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../api/client';
import { applyFieldErrors } from '../../../api/form-errors';
import { useMeta } from '../../../api/meta';
import { CitizenShell } from '../../../ui/citizen-shell';
import { submitPublicRequest, type SubmitResult as Submitted } from '../api';
import { coreFieldAliases, RequestCoreFields, type RequestCoreValues } from '../components/request-core-fields';
import { SubmitResult } from '../components/submit-result';
import { TrackBox } from '../components/track-box';
import { toRequestBody } from '../request-body';
import { citizenStrings as s } from '../strings';

export function SubmitPage() {
  const { meta, error: metaError } = useMeta();
  const [form] = Form.useForm<RequestCoreValues>();
  const [submitting, setSubmitting] = useState(false);
  // Held in memory only: the key must not outlive this page (no storage, no address).
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  const { message } = App.useApp();

  const onFinish = async (values: RequestCoreValues) => {
    setSubmitting(true);
    try {
      const result = await submitPublicRequest(toRequestBody(values));
      setSubmitted({ trackingCode: result.trackingCode, requesterKey: result.requesterKey });
      form.resetFields();
      window.scrollTo({ top: 0 });
    } catch (err) {
      if (!applyFieldErrors(form, err, coreFieldAliases)) message.error(errorMessage(err));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <CitizenShell title={s.submitTitle} subtitle={s.submitSubtitle}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {submitted ? (
          <SubmitResult trackingCode={submitted.trackingCode} requesterKey={submitted.requesterKey} onAgain={() => setSubmitted(null)} />
        ) : (
          <Card title={s.formCardTitle} size="small">
            {metaError ? <Alert type="error" showIcon title={s.metaLoadFailed} style={{ marginBottom: 12 }} /> : null}
            {!meta ? (
              <Skeleton active paragraph={{ rows: 8 }} />
            ) : (
              <Form<RequestCoreValues>
                form={form}
                layout="vertical"
                onFinish={onFinish}
                scrollToFirstError
                requiredMark
                data-testid="citizen-form"
              >
                <RequestCoreFields meta={meta} testIdPrefix="citizen" />
                <Button type="primary" htmlType="submit" block size="large" loading={submitting} data-testid="citizen-submit">
                  {submitting ? s.submitting : s.submit}
                </Button>
              </Form>
            )}
          </Card>
        )}
        <TrackBox />
        <Link to="/public/statistics" data-testid="statistics-link" style={{ display: 'block', textAlign: 'center', fontSize: 13 }}>
          <BarChartOutlined style={{ marginInlineEnd: 6 }} />
          {s.statisticsLink}
        </Link>
        <nav style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'center', gap: '4px 12px', fontSize: 13, color: '#8c8c8c' }} data-testid="xzfy-links">
          <span>{s.reconsideration.title}：</span>
          <Link to="/xzfy/apply" data-testid="xzfy-link-apply">{s.reconsideration.apply}</Link>
          <Link to="/xzfy/track" data-testid="xzfy-link-track">{s.reconsideration.track}</Link>
          <Link to="/xzfy/decisions" data-testid="xzfy-link-decisions">{s.reconsideration.decisions}</Link>
        </nav>
      </Space>
    </CitizenShell>
  );
}
