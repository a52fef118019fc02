import { lazy, Suspense, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { Link, Route, Routes } from 'react-router-dom';
import { adminRoutes } from './modules/admin/routes';
import { WEB_MODULES } from './modules';
import { genericCaseRoute } from './platform/case-module';
import { CasePagesContext } from './platform/case-pages-context';
import { StaffHome } from './platform/staff-home';
import { PageLoading } from './ui/page-loading';
import { uiStrings } from './ui/strings';

// Staff pages load on demand so the citizen's phone only fetches the public form.
const LoginPage = lazy(() => import('./modules/staff/pages/login-page').then((m) => ({ default: m.LoginPage })));
const ChangePasswordPage = lazy(() =>
  import('./modules/staff/pages/change-password-page').then((m) => ({ default: m.ChangePasswordPage })),
);
const StaffLayout = lazy(() => import('./modules/staff/pages/staff-layout').then((m) => ({ default: m.StaffLayout })));

const CASE_PAGES = WEB_MODULES.flatMap((m) => m.caseTypes ?? []);

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

/** Every page: each module's (modules/index.ts), sign-in, and the administrators'. */
export function AppRoutes() {
  return (
    <CasePagesContext.Provider value={CASE_PAGES}>
      <Routes>
        {WEB_MODULES.flatMap((m) => m.publicRoutes?.() ?? [])}
        <Route path="/staff/login" element={<Lazy><LoginPage /></Lazy>} />
        <Route path="/staff/password" element={<Lazy><ChangePasswordPage /></Lazy>} />
        <Route path="/staff" element={<Lazy><StaffLayout modules={WEB_MODULES} /></Lazy>}>
          <Route index element={<StaffHome modules={WEB_MODULES} />} />
          {WEB_MODULES.flatMap((m) => m.staffRoutes())}
          {genericCaseRoute()}
          {adminRoutes()}
        </Route>
        <Route path="*" element={<NotFound />} />
      </Routes>
    </CasePagesContext.Provider>
  );
}
