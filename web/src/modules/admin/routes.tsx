import { lazy, Suspense } from 'react';
import type { MenuProps } from 'antd';
import { Route } from 'react-router-dom';
import { PageLoading } from '../../ui/page-loading';
import { AdminOnly } from './components/admin-only';
import { isAdmin } from './roles';
import { settingsStrings as t } from './settings-strings';
import { adminStrings as s } from './strings';

const UsersPage = lazy(() => import('./pages/users-page').then((m) => ({ default: m.UsersPage })));
const SecurityLogPage = lazy(() => import('./pages/security-log-page').then((m) => ({ default: m.SecurityLogPage })));
const UnitsPage = lazy(() => import('./pages/units-page').then((m) => ({ default: m.UnitsPage })));
const CategoriesPage = lazy(() => import('./pages/categories-page').then((m) => ({ default: m.CategoriesPage })));
const AutoDispatchPage = lazy(() => import('./pages/auto-dispatch-page').then((m) => ({ default: m.AutoDispatchPage })));
const DutyImportPage = lazy(() => import('./pages/duty-import-page').then((m) => ({ default: m.DutyImportPage })));
const SmsPage = lazy(() => import('./pages/sms-page').then((m) => ({ default: m.SmsPage })));
const ModelsPage = lazy(() => import('./pages/models-page').then((m) => ({ default: m.ModelsPage })));
const Open311KeysPage = lazy(() => import('./pages/open311-keys-page').then((m) => ({ default: m.Open311KeysPage })));

export const ADMIN_PATHS = {
  users: '/staff/admin/users',
  units: '/staff/admin/units',
  categories: '/staff/admin/categories',
  autoDispatch: '/staff/admin/auto-dispatch',
  duties: '/staff/admin/duties',
  sms: '/staff/admin/sms',
  models: '/staff/admin/models',
  open311: '/staff/admin/open311',
  securityLog: '/staff/admin/security-log',
} as const;

/** The module's pages under /staff; call inside the staff layout's <Route> (React Router wants <Route>s, not components). */
export function adminRoutes() {
  const page = (element: React.ReactNode) => (
    <Suspense fallback={<PageLoading />}>
      <AdminOnly>{element}</AdminOnly>
    </Suspense>
  );
  return [
    <Route key="admin-users" path="admin/users" element={page(<UsersPage />)} />,
    <Route key="admin-units" path="admin/units" element={page(<UnitsPage />)} />,
    <Route key="admin-categories" path="admin/categories" element={page(<CategoriesPage />)} />,
    <Route key="admin-auto-dispatch" path="admin/auto-dispatch" element={page(<AutoDispatchPage />)} />,
    <Route key="admin-duties" path="admin/duties" element={page(<DutyImportPage />)} />,
    <Route key="admin-sms" path="admin/sms" element={page(<SmsPage />)} />,
    <Route key="admin-models" path="admin/models" element={page(<ModelsPage />)} />,
    <Route key="admin-security-log" path="admin/security-log" element={page(<SecurityLogPage />)} />,
    <Route key="admin-open311" path="admin/open311" element={page(<Open311KeysPage />)} />,
  ];
}

const entry = (path: string, label: string, testId: string) => ({ key: path, label: <span data-testid={`menu-admin-${testId}`}>{label}</span> });

/**
 * 系统管理 in the staff menu, for administrators only. The county-wide settings show to
 * administrators of the whole tree; the server refuses them to anyone else as well.
 */
export function adminMenuItems(user: { role: string; wholeTree?: boolean }): NonNullable<MenuProps['items']> {
  if (!isAdmin(user.role)) return [];
  const county = user.wholeTree
    ? [
        entry(ADMIN_PATHS.categories, t.menu.categories, 'categories'),
        entry(ADMIN_PATHS.autoDispatch, t.menu.autoDispatch, 'auto-dispatch'),
        entry(ADMIN_PATHS.duties, t.menu.duties, 'duties'),
        entry(ADMIN_PATHS.sms, t.menu.sms, 'sms'),
        entry(ADMIN_PATHS.models, t.menu.models, 'models'),
        entry(ADMIN_PATHS.open311, s.menu.open311, 'open311'),
      ]
    : [];
  return [
    {
      type: 'group',
      key: 'admin',
      label: s.menu.group,
      children: [
        entry(ADMIN_PATHS.users, s.menu.users, 'users'),
        entry(ADMIN_PATHS.units, t.menu.units, 'units'),
        ...county,
        entry(ADMIN_PATHS.securityLog, s.menu.securityLog, 'security-log'),
      ],
    },
  ];
}

/** The menu key of an admin page, or null elsewhere. */
export function adminSelectedKey(pathname: string): string | null {
  return Object.values(ADMIN_PATHS).find((path) => pathname.startsWith(path)) ?? null;
}
