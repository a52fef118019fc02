import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { resetUnits } from '../../../api/units';
import { fetchMe, login } from '../api';
import { SignInFrame } from '../components/sign-in-frame';
import { signInRefusal, type SignInRefusal } from '../sign-in-errors';
import { staffStrings as s } from '../strings';
import { useCountdown } from '../use-countdown';

interface LoginValues {
  username: string;
  password: string;
}

/** Why the person is here: sent back by a 401, or after signing out everywhere. */
export interface LoginState {
  from?: string;
  expired?: boolean;
  loggedOutEverywhere?: boolean;
}

export function LoginPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const [refusal, setRefusal] = useState<SignInRefusal | null>(null);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const state = (location.state as LoginState | null) ?? {};
  const from = state.from && state.from.startsWith('/staff') && !state.from.startsWith('/staff/login') ? state.from : '/staff';
  const wait = useCountdown(waitUntil);

  const onFinish = async ({ username, password }: LoginValues) => {
    setSubmitting(true);
    setRefusal(null);
    try {
      const { mustChangePassword } = await login(username.trim(), password);
      await fetchMe();
      resetUnits();
      // Until a one-time password is replaced the session can do nothing else.
      if (mustChangePassword) navigate('/staff/password', { replace: true, state: { from } });
      else navigate(from, { replace: true });
    } catch (err) {
      const r = signInRefusal(err);
      setRefusal(r);
      setWaitUntil(r.waitSeconds ? Date.now() + r.waitSeconds * 1000 : null);
    } finally {
      setSubmitting(false);
    }
  };

  const notice = state.expired ? s.login.expired : state.loggedOutEverywhere ? s.login.loggedOutEverywhere : null;

  return (
    <SignInFrame title={s.login.title} subtitle={s.login.subtitle}>
      {notice && !refusal && <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} data-testid="login-notice" />}
      {refusal && (
        <Alert
          type="error"
          showIcon
          title={refusal.title}
          description={
            refusal.detail || wait > 0 ? (
              <>
                {refusal.detail && <div data-testid="login-error-detail">{refusal.detail}</div>}
                {wait > 0 && <div data-testid="login-wait">{s.login.waitSeconds(wait)}</div>}
              </>
            ) : undefined
          }
          style={{ marginBottom: 16 }}
          data-testid="login-error"
          data-locked-until={refusal.lockedUntil}
        />
      )}
      <Form<LoginValues> layout="vertical" onFinish={onFinish} requiredMark={false} data-testid="login-form">
        <Form.Item name="username" label={s.login.username} rules={[{ required: true, whitespace: true, message: s.login.usernameRequired }]}>
          <Input autoComplete="username" autoFocus data-testid="login-username" />
        </Form.Item>
        <Form.Item name="password" label={s.login.password} rules={[{ required: true, message: s.login.passwordRequired }]}>
          <Input.Password autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting} disabled={wait > 0} data-testid="login-submit">
          {wait > 0 ? s.login.waitButton(wait) : s.login.submit}
        </Button>
      </Form>
      <div style={{ textAlign: 'center', marginTop: 16 }}>
        <Link to="/">{s.login.citizenLink}</Link>
      </div>
    </SignInFrame>
  );
}
