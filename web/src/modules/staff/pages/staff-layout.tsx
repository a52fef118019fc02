import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Result } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { ApiError, errorMessage, setUnauthorizedHandler } from '../../../api/client';
import { resetUnits } from '../../../api/units';
import { PageLoading } from '../../../ui/page-loading';
import { StaffShell } from '../../../ui/staff-shell';
import { fetchMe, logout, type StaffUser } from '../api';
import { RECORDING_ROLES, STATS_ROLES, StaffSessionContext, type StaffSession } from '../auth-context';
import { staffStrings as s } from '../strings';

function selectedMenuKey(pathname: string, search: string): string {
  if (pathname.startsWith('/staff/metrics')) return '/staff/metrics';
  if (pathname.startsWith('/staff/dashboard')) return '/staff/dashboard';
  if (pathname.startsWith('/staff/hotspots')) return '/staff/hotspots';
  if (pathname.startsWith('/staff/requests/new')) return '/staff/requests/new';
  return new URLSearchParams(search).get('view') === 'all' ? '/staff?view=all' : '/staff';
}

/** Guards every staff page: loads the session, or sends the person to the login page. */
export function StaffLayout() {
  const navigate = useNavigate();
  const location = useLocation();
  const [user, setUser] = useState<StaffUser | null>(null);
  const [error, setError] = useState<string | null>(null);
  const here = useRef(location);
  here.current = location;

  useEffect(() => {
    const toLogin = () =>
      navigate('/staff/login', { replace: true, state: { from: here.current.pathname + here.current.search } });
    setUnauthorizedHandler(toLogin);
    fetchMe().then(setUser, (err: unknown) => {
      if (err instanceof ApiError && err.status === 401) toLogin();
      else setError(errorMessage(err));
    });
    return () => setUnauthorizedHandler(null);
  }, [navigate]);

  const session = useMemo<StaffSession | null>(
    () =>
      user && {
        user,
        logout: async () => {
          await logout().catch(() => undefined);
          resetUnits();
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

  const menuItems = [
    { key: '/staff', label: s.menu.todo },
    { key: '/staff?view=all', label: s.menu.all },
    ...(RECORDING_ROLES.has(session.user.role) ? [{ key: '/staff/requests/new', label: s.menu.newRequest }] : []),
    ...(STATS_ROLES.has(session.user.role) ? [{ key: '/staff/dashboard', label: s.menu.dashboard }] : []),
    { key: '/staff/hotspots', label: s.menu.hotspots },
    { key: '/staff/metrics', label: s.menu.metrics },
  ];

  return (
    <StaffSessionContext.Provider value={session}>
      <StaffShell
        menuItems={menuItems}
        selectedKey={selectedMenuKey(location.pathname, location.search)}
        onNavigate={(key) => navigate(key)}
        userName={session.user.displayName}
        roleLabel={session.user.roleLabel}
        unitName={session.user.unitName}
        onLogout={() => void session.logout()}
      >
        <Outlet />
      </StaffShell>
    </StaffSessionContext.Provider>
  );
}
