import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Result, Row, Select, Skeleton, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../../api/client';
import { applyFieldErrors } from '../../../api/form-errors';
import { categoryPath, useMeta } from '../../../api/meta';
import { useLoaded } from '../../../api/use-loaded';
import { chinaToday } from '../../../ui/format';
import { CategoryCascader } from '../../citizen/components/category-cascader';
import { lastCode } from '../../citizen/request-body';
import { useStaffSession } from '../../staff/auth-context';
import { knowledgeApi, type GrownDraft } from '../api';
import { maintainsKnowledge } from '../roles';
import { knowledgeStrings as strings } from '../strings';

const s = strings.form;

interface EntryValues {
  ownerUnitId: number;
  question: string;
  answer: string;
  legalBasis: string;
  keywords?: string;
  category?: string[];
  validFrom: Dayjs;
  validUntil?: Dayjs | null;
  reviewOn: Dayjs;
}

/**
 * 新建知识库条目, by hand or grown from an answered request (`?fromRequest=<caseId>`): saved as
 * a draft of its owner, which the detail page then submits for the center to publish.
 */
export function EntryFormPage() {
  const session = useStaffSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const fromRequest = params.get('fromRequest');
  const { meta } = useMeta();
  const [form] = Form.useForm<EntryValues>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const owners = useLoaded(useCallback((signal: AbortSignal) => knowledgeApi.owners(signal), []));
  const grown = useLoaded(useCallback((signal: AbortSignal) => (fromRequest ? knowledgeApi.fromRequest(fromRequest, signal) : Promise.resolve(null as GrownDraft | null)), [fromRequest]));

  useEffect(() => {
    const first = owners.data?.units[0];
    if (first && form.getFieldValue('ownerUnitId') === undefined) form.setFieldValue('ownerUnitId', first.id);
  }, [owners.data, form]);
  useEffect(() => {
    const draft = grown.data;
    if (!draft || !meta) return;
    form.setFieldsValue({ question: draft.question, answer: draft.answer, ownerUnitId: draft.ownerUnitId, category: categoryPath(meta.categories, draft.categoryCode) });
  }, [grown.data, meta, form]);

  if (!maintainsKnowledge(session)) return <Result status="403" title={<span data-testid="kb-form-forbidden">{s.forbidden}</span>} />;
  if (owners.loading || grown.loading || !meta) return <Card size="small"><Skeleton active paragraph={{ rows: 8 }} /></Card>;
  if (grown.error) return <Alert type="error" showIcon title={grown.error} data-testid="kb-form-source-error" />;

  const submit = async (v: EntryValues) => {
    setSubmitting(true);
    setError(null);
    try {
      const { entryId } = await knowledgeApi.create({
        ownerUnitId: v.ownerUnitId,
        question: v.question.trim(),
        answer: v.answer.trim(),
        legalBasis: v.legalBasis.trim(),
        ...(v.keywords?.trim() ? { keywords: v.keywords.trim() } : {}),
        ...(lastCode(v.category) ? { categoryCode: lastCode(v.category) } : {}),
        validFrom: v.validFrom.format('YYYY-MM-DD'),
        ...(v.validUntil ? { validUntil: v.validUntil.format('YYYY-MM-DD') } : {}),
        reviewOn: v.reviewOn.format('YYYY-MM-DD'),
        ...(grown.data ? { sourceCaseId: grown.data.sourceCaseId } : {}),
      });
      void message.success(s.saved);
      navigate(`/staff/kb/cases/${entryId}`);
    } catch (err) {
      if (!applyFieldErrors(form, err, { categoryCode: 'category' })) setError(errorMessage(err));
      setSubmitting(false);
    }
  };

  const required = (label: string, choose = false) => [{ required: true, whitespace: !choose, message: choose ? s.choose(label) : s.required(label) }];
  const today = dayjs(chinaToday());
  return (
    <Card size="small" title={grown.data ? s.fromRequestTitle(grown.data.sourceTrackingCode) : s.createTitle} style={{ maxWidth: 960 }} data-testid="kb-form-page">
      {grown.data && <Alert type="info" showIcon title={s.fromRequestNote} style={{ marginBottom: 12 }} data-testid="kb-form-from-request" />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="kb-form-error" />}
      <Form<EntryValues>
        form={form}
        layout="vertical"
        initialValues={{ validFrom: today, reviewOn: today.add(1, 'year') }}
        onFinish={submit}
        scrollToFirstError
        data-testid="kb-form"
      >
        <Form.Item name="ownerUnitId" label={s.owner} rules={[{ required: true, type: 'number', message: s.choose(s.owner) }]}>
          <Select options={(owners.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))} showSearch={{ optionFilterProp: 'label' }} data-testid="kb-form-owner" />
        </Form.Item>
        <Form.Item name="question" label={s.question} rules={required(s.question)}>
          <Input maxLength={500} placeholder={s.questionPlaceholder} data-testid="kb-form-question" />
        </Form.Item>
        <Form.Item name="answer" label={s.answer} rules={required(s.answer)}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} maxLength={5000} showCount placeholder={s.answerPlaceholder} data-testid="kb-form-answer" />
        </Form.Item>
        <Form.Item name="legalBasis" label={s.legalBasis} rules={required(s.legalBasis)}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} placeholder={s.legalBasisPlaceholder} data-testid="kb-form-legal-basis" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="keywords" label={s.keywords}>
              <Input maxLength={200} placeholder={s.keywordsPlaceholder} data-testid="kb-form-keywords" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="category" label={s.category}>
              <CategoryCascader categories={meta.categories} testId="kb-form-category" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="validFrom" label={s.validFrom} rules={[{ required: true, type: 'object', message: s.choose(s.validFrom) }]}>
              <DatePicker style={{ width: '100%' }} data-testid="kb-form-valid-from" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="validUntil" label={s.validUntil} extra={s.validUntilHint}>
              <DatePicker style={{ width: '100%' }} data-testid="kb-form-valid-until" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="reviewOn" label={s.reviewOn} extra={s.reviewOnHint} rules={[{ required: true, type: 'object', message: s.choose(s.reviewOn) }]}>
              <DatePicker style={{ width: '100%' }} data-testid="kb-form-review-on" />
            </Form.Item>
          </Col>
        </Row>
        <Space>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="kb-form-submit">{s.submit}</Button>
          <Button onClick={() => navigate(-1)}>{s.cancel}</Button>
        </Space>
      </Form>
    </Card>
  );
}
