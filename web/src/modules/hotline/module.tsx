import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { LazyPage } from '../../platform/lazy-page';
import type { WebModule } from '../../platform/web-module';
import { RECORDING_ROLES, STATS_ROLES } from '../staff/auth-context';
import { staffStrings as s } from '../staff/strings';

// 接诉即办's pages live in their own folders: the workbench (staff/), figures and the dashboard
// (metrics/), 主动治理 (governance/) and the citizen's form and tracking page (citizen/, mounted with
// the entry by light-routes.tsx). Staff and metrics pages load on demand.
const TodoPage = lazy(() => import('../staff/pages/todo-page').then((m) => ({ default: m.TodoPage })));
const NewRequestPage = lazy(() => import('../staff/pages/new-request-page').then((m) => ({ default: m.NewRequestPage })));
const RequestDetailPage = lazy(() => import('../staff/pages/request-detail-page').then((m) => ({ default: m.RequestDetailPage })));
const HotspotsPage = lazy(() => import('../governance/pages/hotspots-page').then((m) => ({ default: m.HotspotsPage })));
const DashboardPage = lazy(() => import('../metrics/pages/dashboard-page').then((m) => ({ default: m.DashboardPage })));
const MetricsPage = lazy(() => import('../metrics/pages/metrics-page').then((m) => ({ default: m.MetricsPage })));
const PublicStatisticsPage = lazy(() => import('../metrics/pages/public-statistics-page').then((m) => ({ default: m.PublicStatisticsPage })));

const OWN_PREFIXES = ['/staff/metrics', '/staff/dashboard', '/staff/hotspots', '/staff/requests/new'];

/** 12345 接诉即办 (server module `hotline`). */
export const hotlineModule: WebModule = {
  module: 'hotline',
  label: '接诉即办',
  home: () => (
    <LazyPage>
      <TodoPage />
    </LazyPage>
  ),
  menu: (session) => [
    { key: '/staff', label: s.menu.todo },
    { key: '/staff?view=all', label: s.menu.all },
    ...(RECORDING_ROLES.has(session.user.role) ? [{ key: '/staff/requests/new', label: s.menu.newRequest }] : []),
    ...(STATS_ROLES.has(session.user.role) ? [{ key: '/staff/dashboard', label: s.menu.dashboard }] : []),
    { key: '/staff/hotspots', label: s.menu.hotspots },
    { key: '/staff/metrics', label: s.menu.metrics },
  ],
  selectedKey: (pathname, search) => {
    const own = OWN_PREFIXES.find((prefix) => pathname.startsWith(prefix));
    if (own) return own;
    if (pathname === '/staff' || pathname === '/staff/' || pathname.startsWith('/staff/requests/')) {
      return new URLSearchParams(search).get('view') === 'all' ? '/staff?view=all' : '/staff';
    }
    return null;
  },
  staffRoutes: () => [
    <Route key="hotline-new" path="requests/new" element={<LazyPage><NewRequestPage /></LazyPage>} />,
    <Route key="hotline-detail" path="requests/:caseId" element={<LazyPage><RequestDetailPage /></LazyPage>} />,
    <Route key="hotline-metrics" path="metrics" element={<LazyPage><MetricsPage /></LazyPage>} />,
    <Route key="hotline-dashboard" path="dashboard" element={<LazyPage><DashboardPage /></LazyPage>} />,
    <Route key="hotline-hotspots" path="hotspots" element={<LazyPage><HotspotsPage /></LazyPage>} />,
  ],
  publicRoutes: () => [
    <Route key="hotline-statistics" path="/public/statistics" element={<LazyPage><PublicStatisticsPage /></LazyPage>} />,
  ],
};
