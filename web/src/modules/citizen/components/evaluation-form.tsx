import { useState } from 'react';
import { App, Button, Card, Form, Input, Radio } from 'antd';
import { errorMessage } from '../../../api/client';
import { applyFieldErrors } from '../../../api/form-errors';
import { submitEvaluation, type Satisfaction } from '../api';
import { citizenStrings as s } from '../strings';

interface EvaluationValues {
  resolved: 'yes' | 'no';
  satisfaction: Satisfaction;
  comment?: string;
}

export function EvaluationForm({ code, onDone }: { code: string; onDone: () => void }) {
  const [form] = Form.useForm<EvaluationValues>();
  const [submitting, setSubmitting] = useState(false);
  const { message } = App.useApp();

  const onFinish = async (values: EvaluationValues) => {
    setSubmitting(true);
    try {
      const comment = values.comment?.trim();
      await submitEvaluation(code, {
        resolved: values.resolved === 'yes',
        satisfaction: values.satisfaction,
        ...(comment ? { comment } : {}),
      });
      onDone();
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(errorMessage(err));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Card title={s.evaluation.title} size="small">
      <Form<EvaluationValues> form={form} layout="vertical" onFinish={onFinish} data-testid="evaluation-form">
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
