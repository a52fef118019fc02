import { useEffect, useMemo, useRef, useState } from 'react';
import { App, Button, Modal, Result } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { ApiError, errorMessage, setPasswordChangeHandler, setUnauthorizedHandler } from '../../../api/client';
import { resetUnits } from '../../../api/units';
import { PageLoading } from '../../../ui/page-loading';
import { StaffShell } from '../../../ui/staff-shell';
import { resetCaseTypes } from '../../../platform/api';
import { opensWebModule, type MenuItems, type WebModule } from '../../../platform/web-module';
import { adminMenuItems, adminSelectedKey } from '../../admin/routes';
import { fetchMe, logout, logoutAll, type StaffUser } from '../api';
import { StaffSessionContext, type StaffSession } from '../auth-context';
import { ChangePasswordForm } from '../components/change-password-form';
import { staffStrings as s } from '../strings';
import type { LoginState } from './login-page';

function selectedMenuKey(modules: readonly WebModule[], pathname: string, search: string): string {
  const admin = adminSelectedKey(pathname);
  if (admin) return admin;
  for (const m of modules) {
    const key = m.selectedKey(pathname, search);
    if (key) return key;
  }
  return pathname;
}

/**
 * The modules' menus the person's roles open: one module's entries as they are, several each
 * under its name; then 系统管理 for administrators.
 */
function menuFor(modules: readonly WebModule[], session: StaffSession): MenuItems {
  const shown = modules.map((m) => ({ m, items: opensWebModule(session, m) ? m.menu(session) : [] })).filter((x) => x.items.length > 0);
  const items: MenuItems =
    shown.length === 1
      ? shown[0]!.items
      : shown.map(({ m, items: children }) => ({ type: 'group' as const, key: `module-${m.module}`, label: <span data-testid={`menu-group-${m.module}`}>{m.label}</span>, children }));
  return [...items, ...adminMenuItems(session.user)];
}

/** Guards every staff page: loads the session, or sends the person to the login page. */
export function StaffLayout({ modules }: { modules: readonly WebModule[] }) {
  const navigate = useNavigate();
  const location = useLocation();
  const { modal, message } = App.useApp();
  const [user, setUser] = useState<StaffUser | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [changingPassword, setChangingPassword] = useState(false);
  const here = useRef(location);
  here.current = location;

  useEffect(() => {
    const from = () => here.current.pathname + here.current.search;
    const toLogin = (state: LoginState) => {
      resetUnits();
      resetCaseTypes();
      navigate('/staff/login', { replace: true, state: { from: from(), ...state } satisfies LoginState });
    };
    const toPassword = () => navigate('/staff/password', { replace: true, state: { from: from() } satisfies LoginState });
    // A 401 from any call: the session timed out or was ended elsewhere.
    setUnauthorizedHandler(() => toLogin({ expired: true }));
    setPasswordChangeHandler(toPassword);
    fetchMe().then(
      (me) => (me.mustChangePassword ? toPassword() : setUser(me)),
      (err: unknown) => {
        if (err instanceof ApiError && err.status === 401) toLogin({});
        else setError(errorMessage(err));
      },
    );
    return () => {
      setUnauthorizedHandler(null);
      setPasswordChangeHandler(null);
    };
  }, [navigate]);

  const session = useMemo<StaffSession | null>(
    () =>
      user && {
        user,
        logout: async () => {
          await logout().catch(() => undefined);
          resetUnits();
          resetCaseTypes();
          navigate('/staff/login', { replace: true });
        },
      },
    [user, navigate],
  );

  if (error) {
    return (
      <Result
        status="error"
        title={<span data-testid="staff-load-error">{error}</span>}
        extra={<Button onClick={() => window.location.reload()}>{s.detail.reload}</Button>}
      />
    );
  }
  if (!session) return <PageLoading />;

  const menuItems = menuFor(modules, session);

  const userMenuItems = [
    { key: 'password', label: <span data-testid="staff-menu-password">{s.userMenu.password}</span> },
    { key: 'logout-all', label: <span data-testid="staff-menu-logout-all">{s.userMenu.logoutAll}</span> },
    { type: 'divider' as const },
    { key: 'logout', label: <span data-testid="staff-logout">{s.userMenu.logout}</span> },
  ];

  const onUserMenu = (key: string) => {
    if (key === 'password') setChangingPassword(true);
    else if (key === 'logout') void session.logout();
    else if (key === 'logout-all') {
      modal.confirm({
        title: s.userMenu.logoutAllTitle,
        content: s.userMenu.logoutAllText,
        okText: s.userMenu.logoutAllOk,
        cancelText: s.userMenu.cancel,
        okButtonProps: { danger: true, 'data-testid': 'confirm-ok' },
        onOk: async () => {
          await logoutAll().catch(() => undefined);
          resetUnits();
          resetCaseTypes();
          navigate('/staff/login', { replace: true, state: { loggedOutEverywhere: true } satisfies LoginState });
        },
      });
    }
  };

  return (
    <StaffSessionContext.Provider value={session}>
      <StaffShell
        menuItems={menuItems}
        selectedKey={selectedMenuKey(modules, location.pathname, location.search)}
        onNavigate={(key) => navigate(key)}
        userName={session.user.displayName}
        roleLabel={session.user.roleLabel}
        unitName={session.user.unitName}
        userMenuItems={userMenuItems}
        onUserMenu={onUserMenu}
      >
        <Outlet />
      </StaffShell>
      <Modal
        open={changingPassword}
        title={s.password.title}
        onCancel={() => setChangingPassword(false)}
        footer={null}
        destroyOnHidden
        mask={{ closable: false }}
        width={460}
        data-testid="password-modal"
      >
        <ChangePasswordForm
          username={session.user.username}
          forced={false}
          onCancel={() => setChangingPassword(false)}
          onDone={() => {
            setChangingPassword(false);
            void message.success(s.password.done);
          }}
        />
      </Modal>
    </StaffSessionContext.Provider>
  );
}
