import { useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Radio, Row, Select, Skeleton, Space } from 'antd';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../../api/client';
import { applyFieldErrors } from '../../../api/form-errors';
import { useMeta } from '../../../api/meta';
import { RequestCoreFields } from '../../citizen/components/request-core-fields';
import { coreFieldAliases, toRequestBody, type RequestCoreValues } from '../../citizen/request-body';
import { recordRequest } from '../api';
import { CallerHistoryCard } from '../components/caller-history-card';
import type { KnowledgeEntry } from '../../knowledge/api';
import { KnowledgePanel } from '../../knowledge/components/knowledge-panel';
import { knowledgeStrings as ks } from '../../knowledge/strings';
import { staffStrings as s } from '../strings';

interface NewRequestValues extends RequestCoreValues {
  channel: string;
  requestType?: string;
  urgency: 'normal' | 'urgent';
}

/**
 * An operator records a phone call; the caller may stay anonymous. Beside the form the knowledge
 * base searches the caller's words as they are typed; an entry chosen there opens 直接答复 with
 * its answer once the call is recorded.
 */
export function NewRequestPage() {
  const navigate = useNavigate();
  const { meta } = useMeta();
  const [form] = Form.useForm<NewRequestValues>();
  const [submitting, setSubmitting] = useState(false);
  const [chosen, setChosen] = useState<KnowledgeEntry | null>(null);
  const content = Form.useWatch('content', form) ?? '';
  const { message } = App.useApp();
  const phone = Form.useWatch('phone', form);

  const onFinish = async (values: NewRequestValues) => {
    setSubmitting(true);
    try {
      const result = await recordRequest({
        ...toRequestBody(values),
        channel: values.channel,
        urgency: values.urgency,
        ...(values.requestType ? { requestType: values.requestType } : {}),
      });
      message.success(s.newRequest.created(result.trackingCode));
      navigate(`/staff/requests/${result.caseId}`, chosen ? { state: { answerWith: chosen.entryId } } : undefined);
    } catch (err) {
      if (!applyFieldErrors(form, err, coreFieldAliases)) message.error(errorMessage(err));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={14}>
        <Card title={s.newRequest.title} size="small">
          {!meta ? (
            <Skeleton active paragraph={{ rows: 10 }} />
          ) : (
            <Form<NewRequestValues>
              form={form}
              layout="vertical"
              initialValues={{ channel: 'phone', urgency: 'normal' }}
              onFinish={onFinish}
              scrollToFirstError
              data-testid="staff-new-form"
            >
              <Row gutter={16}>
                <Col xs={24} md={8}>
                  <Form.Item name="channel" label={s.newRequest.channel} rules={[{ required: true }]}>
                    <Select options={meta.channels} data-testid="staff-new-channel" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="requestType" label={s.newRequest.requestType}>
                    <Select allowClear placeholder={s.newRequest.requestTypePlaceholder} options={meta.requestTypes} data-testid="staff-new-type" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="urgency" label={s.newRequest.urgency}>
                    <Radio.Group optionType="button" buttonStyle="solid" options={[...s.urgency]} data-testid="staff-new-urgency" />
                  </Form.Item>
                </Col>
              </Row>
              <CallerHistoryCard phone={phone} />
              <RequestCoreFields meta={meta} testIdPrefix="staff-new" allowLandline />
              {chosen && (
                <Alert
                  type="success"
                  showIcon
                  title={ks.panel.chosenHint(chosen.question)}
                  action={<Button size="small" onClick={() => setChosen(null)} data-testid="kb-chosen-clear">{ks.panel.clear}</Button>}
                  style={{ marginBottom: 12 }}
                  data-testid="kb-chosen"
                />
              )}
              <Space>
                <Button type="primary" htmlType="submit" loading={submitting} data-testid="staff-new-submit">
                  {s.newRequest.submit}
                </Button>
                <Button onClick={() => navigate('/staff')}>{s.newRequest.cancel}</Button>
              </Space>
            </Form>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <KnowledgePanel query={content} onUse={setChosen} useLabel={ks.panel.choose} chosenId={chosen?.entryId ?? null} />
      </Col>
    </Row>
  );
}
