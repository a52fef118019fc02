import { useState } from 'react';
import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { isApiError } from '../../../api/client';
import { applyFieldErrors } from '../../../api/form-errors';
import { changePassword } from '../api';
import { brokenRules, PASSWORD_RULES, ruleText, type PasswordRule } from '../password-policy';
import { signInRefusal } from '../sign-in-errors';
import { staffStrings as s } from '../strings';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

interface ChangePasswordFormProps {
  username: string;
  /** A one-time password is being replaced: there is no way back but signing out. */
  forced: boolean;
  onDone: () => void;
  onCancel?: () => void;
}

/** Current password, the new one twice, and the policy ticking off as the person types. */
export function ChangePasswordForm({ username, forced, onDone, onCancel }: ChangePasswordFormProps) {
  const [form] = Form.useForm<PasswordValues>();
  const typed = Form.useWatch('newPassword', form) ?? '';
  const [serverBroken, setServerBroken] = useState<PasswordRule | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const broken = typed ? brokenRules(typed, username) : [];

  const onFinish = async (values: PasswordValues) => {
    setSubmitting(true);
    setError(null);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      onDone();
    } catch (err) {
      if (isApiError(err, 'PASSWORD_TOO_WEAK')) {
        const problem = (err.details as { problem?: PasswordRule } | undefined)?.problem;
        setServerBroken(problem && PASSWORD_RULES.includes(problem) ? problem : null);
      }
      // A wrong current password counts as a failed sign-in: waits and locks apply here too.
      if (!applyFieldErrors(form, err)) setError(signInRefusal(err).title);
      setSubmitting(false);
    }
  };

  return (
    <>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="password-error" />}
      <div style={{ background: '#f6f8fb', borderRadius: 4, padding: '8px 12px', marginBottom: 16 }} data-testid="password-rules">
        <Typography.Text strong>{s.password.policyTitle}</Typography.Text>
        <ul style={{ listStyle: 'none', padding: 0, margin: '4px 0 0' }}>
          {PASSWORD_RULES.map((rule) => {
            const state = broken.includes(rule) || serverBroken === rule ? 'broken' : typed ? 'ok' : 'unknown';
            return (
              <li key={rule} data-testid={`password-rule-${rule}`} data-state={state} style={{ display: 'flex', alignItems: 'baseline', gap: 8 }}>
                {state === 'ok' ? (
                  <CheckCircleFilled style={{ color: '#2e8b57' }} />
                ) : state === 'broken' ? (
                  <CloseCircleFilled style={{ color: '#c8102e' }} />
                ) : (
                  <MinusCircleOutlined style={{ color: '#8c8c8c' }} />
                )}
                <span>{ruleText(rule)}</span>
              </li>
            );
          })}
        </ul>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {s.password.otherSessions}
        </Typography.Text>
      </div>
      <Form<PasswordValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onValuesChange={(changed: Partial<PasswordValues>) => 'newPassword' in changed && setServerBroken(null)}
        requiredMark={false}
        data-testid="password-form"
      >
        {/* The account's name lets password managers file the new password under it. */}
        <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
        <Form.Item
          name="currentPassword"
          label={s.password.current}
          extra={forced ? s.password.currentForcedHint : undefined}
          rules={[{ required: true, message: s.password.currentRequired }]}
        >
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={s.password.newPassword}
          dependencies={['currentPassword']}
          rules={[
            { required: true, message: s.password.newRequired },
            ({ getFieldValue }) => ({
              validator: async (_, value?: string) => {
                if (!value) return;
                const [first] = brokenRules(value, username);
                if (first) throw new Error(s.password.tooWeak(ruleText(first)));
                if (value === getFieldValue('currentPassword')) throw new Error(s.password.unchanged);
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={s.password.confirm}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: s.password.confirmRequired },
            ({ getFieldValue }) => ({
              validator: async (_, value?: string) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error(s.password.mismatch);
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
        {onCancel ? (
          <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
            <Button onClick={onCancel} disabled={submitting} data-testid="password-cancel">
              {s.password.cancel}
            </Button>
            <Button type="primary" htmlType="submit" loading={submitting} data-testid="password-submit">
              {s.password.submit}
            </Button>
          </Space>
        ) : (
          <Button type="primary" htmlType="submit" loading={submitting} block data-testid="password-submit">
            {s.password.submit}
          </Button>
        )}
      </Form>
    </>
  );
}
