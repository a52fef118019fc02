import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Form, Input, Radio } from 'antd';
import { errorMessage, isApiError } from '../../../api/client';
import { applyFieldErrors } from '../../../api/form-errors';
import { submitEvaluation, type Satisfaction } from '../api';
import { normaliseRequesterKey } from '../requester-key';
import { citizenStrings as s } from '../strings';

interface EvaluationValues {
  key: string;
  resolved: 'yes' | 'no';
  satisfaction: Satisfaction;
  comment?: string;
}

// The case takes no key at all: only the follow-up call can record the rating.
const NO_ONLINE_RATING = new Set(['REQUESTER_KEY_LOCKED', 'REQUESTER_KEY_MISSING']);

/** The requester's rating, proved by the 评价码; the key lives in this form only, never stored. */
export function EvaluationForm({ code, onDone }: { code: string; onDone: () => void }) {
  const [form] = Form.useForm<EvaluationValues>();
  const [submitting, setSubmitting] = useState(false);
  const [keyError, setKeyError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [closed, setClosed] = useState<string | null>(null);
  const { message } = App.useApp();

  const onFinish = async (values: EvaluationValues) => {
    setSubmitting(true);
    setRefusal(null);
    try {
      const comment = values.comment?.trim();
      await submitEvaluation(code, {
        key: normaliseRequesterKey(values.key) ?? values.key,
        resolved: values.resolved === 'yes',
        satisfaction: values.satisfaction,
        ...(comment ? { comment } : {}),
      });
      onDone();
    } catch (err) {
      if (isApiError(err, 'REQUESTER_KEY_INVALID')) setKeyError(err.message);
      else if (isApiError(err) && NO_ONLINE_RATING.has(err.code)) setClosed(err.message);
      else if (isApiError(err, 'STAFF_NOT_CITIZEN')) setRefusal(err.message);
      else if (!applyFieldErrors(form, err)) message.error(errorMessage(err));
    } finally {
      setSubmitting(false);
    }
  };

  if (closed) {
    return (
      <Card title={s.evaluation.title} size="small">
        <Alert type="info" showIcon title={s.evaluation.followUpTitle} description={<FollowUp reason={closed} />} data-testid="evaluation-closed" />
      </Card>
    );
  }

  return (
    <Card title={s.evaluation.title} size="small">
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} data-testid="evaluation-error" />}
      <Form<EvaluationValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onValuesChange={(changed: Partial<EvaluationValues>) => 'key' in changed && setKeyError(null)}
        data-testid="evaluation-form"
      >
        <Form.Item
          name="key"
          label={s.evaluation.key}
          extra={s.evaluation.keyHint}
          validateStatus={keyError ? 'error' : undefined}
          help={keyError ? <span data-testid="evaluation-key-error">{keyError}</span> : undefined}
          rules={[
            { required: true, whitespace: true, message: s.evaluation.keyRequired },
            { validator: async (_, v?: string) => (!v?.trim() || normaliseRequesterKey(v) ? undefined : Promise.reject(new Error(s.evaluation.keyMalformed))) },
          ]}
        >
          <Input
            maxLength={20}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            placeholder={s.evaluation.keyPlaceholder}
            style={{ fontFamily: 'Menlo, Consolas, monospace', letterSpacing: 1 }}
            data-testid="evaluation-key"
          />
        </Form.Item>
        <Form.Item name="resolved" label={s.evaluation.resolved} rules={[{ required: true, message: s.evaluation.resolvedRequired }]}>
          <Radio.Group
            data-testid="evaluation-resolved"
            options={[
              { value: 'yes', label: <span data-testid="evaluation-resolved-yes">{s.evaluation.yes}</span> },
              { value: 'no', label: <span data-testid="evaluation-resolved-no">{s.evaluation.no}</span> },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="satisfaction"
          label={s.evaluation.satisfaction}
          rules={[{ required: true, message: s.evaluation.satisfactionRequired }]}
        >
          <Radio.Group
            data-testid="evaluation-satisfaction"
            options={[
              { value: 'satisfied', label: <span data-testid="evaluation-satisfied">{s.evaluation.satisfied}</span> },
              {
                value: 'basically_satisfied',
                label: <span data-testid="evaluation-basically-satisfied">{s.evaluation.basicallySatisfied}</span>,
              },
              { value: 'dissatisfied', label: <span data-testid="evaluation-dissatisfied">{s.evaluation.dissatisfied}</span> },
            ]}
          />
        </Form.Item>
        <Form.Item name="comment" label={s.evaluation.comment}>
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder={s.evaluation.commentPlaceholder} data-testid="evaluation-comment" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting} data-testid="evaluation-submit">
          {s.evaluation.submit}
        </Button>
      </Form>
    </Card>
  );
}

function FollowUp({ reason }: { reason: string }): ReactNode {
  return (
    <>
      <div data-testid="evaluation-closed-reason">{reason}</div>
      <div style={{ marginTop: 4 }}>{s.evaluation.followUpText}</div>
    </>
  );
}
