import { useEffect, useState } from 'react';
import { Alert, App, Button, Result, Typography } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { ApiError, errorMessage, setUnauthorizedHandler } from '../../../api/client';
import { resetUnits } from '../../../api/units';
import { PageLoading } from '../../../ui/page-loading';
import { fetchMe, logout, type StaffUser } from '../api';
import { ChangePasswordForm } from '../components/change-password-form';
import { SignInFrame } from '../components/sign-in-frame';
import { staffStrings as s } from '../strings';
import type { LoginState } from './login-page';

/**
 * Where a one-time (or reset, or weak) password must be replaced. Outside the workbench on
 * purpose: no menu leads away, and the workbench sends such a session back here.
 */
export function ChangePasswordPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  const [user, setUser] = useState<StaffUser | null>(null);
  const [error, setError] = useState<string | null>(null);
  const from = (location.state as LoginState | null)?.from ?? '/staff';

  useEffect(() => {
    const toLogin = (expired: boolean) => navigate('/staff/login', { replace: true, state: { expired } satisfies LoginState });
    setUnauthorizedHandler(() => toLogin(true));
    fetchMe().then(
      (me) => (me.mustChangePassword ? setUser(me) : navigate(from, { replace: true })),
      (err: unknown) => (err instanceof ApiError && err.status === 401 ? toLogin(false) : setError(errorMessage(err))),
    );
    return () => setUnauthorizedHandler(null);
  }, [navigate, from]);

  const signOut = async () => {
    await logout().catch(() => undefined);
    resetUnits();
    navigate('/staff/login', { replace: true });
  };

  if (error) return <Result status="error" title={<span data-testid="staff-load-error">{error}</span>} />;
  if (!user) return <PageLoading />;

  return (
    <SignInFrame title={s.password.forcedTitle} width={440}>
      <Alert type="warning" showIcon title={s.password.forcedText} style={{ marginBottom: 12 }} data-testid="password-forced" />
      <Typography.Paragraph style={{ marginBottom: 12 }}>
        <span data-testid="password-user">
          {user.displayName}（{user.username}）
        </span>
      </Typography.Paragraph>
      <ChangePasswordForm
        username={user.username}
        forced
        onDone={() => {
          void message.success(s.password.done);
          navigate(from.startsWith('/staff') && from !== '/staff/password' ? from : '/staff', { replace: true });
        }}
      />
      <div style={{ textAlign: 'center', marginTop: 12 }}>
        <Button type="link" onClick={() => void signOut()} data-testid="password-logout">
          {s.password.logout}
        </Button>
      </div>
    </SignInFrame>
  );
}
