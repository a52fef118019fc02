import { lazy, Suspense, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { Link, Route, Routes } from 'react-router-dom';
import { adminRoutes } from './modules/admin/routes';
import { SubmitPage } from './modules/citizen/pages/submit-page';
import { TrackPage } from './modules/citizen/pages/track-page';
import { PageLoading } from './ui/page-loading';
import { uiStrings } from './ui/strings';

// Staff and metrics pages load on demand so the citizen's phone only fetches the public form.
const LoginPage = lazy(() => import('./modules/staff/pages/login-page').then((m) => ({ default: m.LoginPage })));
const ChangePasswordPage = lazy(() =>
  import('./modules/staff/pages/change-password-page').then((m) => ({ default: m.ChangePasswordPage })),
);
const StaffLayout = lazy(() => import('./modules/staff/pages/staff-layout').then((m) => ({ default: m.StaffLayout })));
const TodoPage = lazy(() => import('./modules/staff/pages/todo-page').then((m) => ({ default: m.TodoPage })));
const NewRequestPage = lazy(() => import('./modules/staff/pages/new-request-page').then((m) => ({ default: m.NewRequestPage })));
const RequestDetailPage = lazy(() =>
  import('./modules/staff/pages/request-detail-page').then((m) => ({ default: m.RequestDetailPage })),
);
const HotspotsPage = lazy(() => import('./modules/governance/pages/hotspots-page').then((m) => ({ default: m.HotspotsPage })));
const DashboardPage = lazy(() => import('./modules/metrics/pages/dashboard-page').then((m) => ({ default: m.DashboardPage })));
const PublicStatisticsPage = lazy(() =>
  import('./modules/metrics/pages/public-statistics-page').then((m) => ({ default: m.PublicStatisticsPage })),
);
const MetricsPage = lazy(() => import('./modules/metrics/pages/metrics-page').then((m) => ({ default: m.MetricsPage })));

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageLoading />}>{children}</Suspense>;
}

function NotFound() {
  return (
    <Result
      status="404"
      title={uiStrings.notFoundTitle}
      subTitle={uiStrings.notFoundText}
      extra={
        <Link to="/">
          <Button type="primary">{uiStrings.backHome}</Button>
        </Link>
      }
    />
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<SubmitPage />} />
      <Route path="/track/:code" element={<TrackPage />} />
      <Route path="/public/statistics" element={<Lazy><PublicStatisticsPage /></Lazy>} />
      <Route path="/staff/login" element={<Lazy><LoginPage /></Lazy>} />
      <Route path="/staff/password" element={<Lazy><ChangePasswordPage /></Lazy>} />
      <Route path="/staff" element={<Lazy><StaffLayout /></Lazy>}>
        <Route index element={<Lazy><TodoPage /></Lazy>} />
        <Route path="requests/new" element={<Lazy><NewRequestPage /></Lazy>} />
        <Route path="requests/:caseId" element={<Lazy><RequestDetailPage /></Lazy>} />
        <Route path="metrics" element={<Lazy><MetricsPage /></Lazy>} />
        <Route path="dashboard" element={<Lazy><DashboardPage /></Lazy>} />
        <Route path="hotspots" element={<Lazy><HotspotsPage /></Lazy>} />
        {adminRoutes()}
      </Route>
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
