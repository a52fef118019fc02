import { lazy, Suspense } from 'react';
import type { MenuProps } from 'antd';
import { Route } from 'react-router-dom';
import { PageLoading } from '../../ui/page-loading';
import { AdminOnly } from './components/admin-only';
import { isAdmin } from './roles';
import { adminStrings as s } from './strings';

const UsersPage = lazy(() => import('./pages/users-page').then((m) => ({ default: m.UsersPage })));
const SecurityLogPage = lazy(() => import('./pages/security-log-page').then((m) => ({ default: m.SecurityLogPage })));
const Open311KeysPage = lazy(() => import('./pages/open311-keys-page').then((m) => ({ default: m.Open311KeysPage })));

export const ADMIN_PATHS = { users: '/staff/admin/users', securityLog: '/staff/admin/security-log', open311: '/staff/admin/open311' } as const;

/** The module's pages under /staff; call inside the staff layout's <Route> (React Router wants <Route>s, not components). */
export function adminRoutes() {
  const page = (element: React.ReactNode) => (
    <Suspense fallback={<PageLoading />}>
      <AdminOnly>{element}</AdminOnly>
    </Suspense>
  );
  return [
    <Route key="admin-users" path="admin/users" element={page(<UsersPage />)} />,
    <Route key="admin-security-log" path="admin/security-log" element={page(<SecurityLogPage />)} />,
    <Route key="admin-open311" path="admin/open311" element={page(<Open311KeysPage />)} />,
  ];
}

/** 系统管理 in the staff menu, for administrators only. */
export function adminMenuItems(role: string): NonNullable<MenuProps['items']> {
  if (!isAdmin(role)) return [];
  return [
    {
      type: 'group',
      key: 'admin',
      label: s.menu.group,
      children: [
        { key: ADMIN_PATHS.users, label: <span data-testid="menu-admin-users">{s.menu.users}</span> },
        { key: ADMIN_PATHS.securityLog, label: <span data-testid="menu-admin-security-log">{s.menu.securityLog}</span> },
        { key: ADMIN_PATHS.open311, label: <span data-testid="menu-admin-open311">{s.menu.open311}</span> },
      ],
    },
  ];
}

/** The menu key of an admin page, or null elsewhere. */
export function adminSelectedKey(pathname: string): string | null {
  return Object.values(ADMIN_PATHS).find((path) => pathname.startsWith(path)) ?? null;
}
