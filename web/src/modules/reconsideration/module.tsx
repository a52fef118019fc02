import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { caseModule } from '../../platform/case-module';
import { LazyPage } from '../../platform/lazy-page';
import { handlerOrgans } from './roles';
import { reconsiderationStrings as s } from './strings';

// Every page loads on demand: the public ones must not pull the staff bundle onto a phone, nor the staff form the public ones.
const ApplyPage = lazy(() => import('./pages/apply-page').then((m) => ({ default: m.ApplyPage })));
const PublicApplyPage = lazy(() => import('./pages/public-apply-page').then((m) => ({ default: m.PublicApplyPage })));
const TrackPage = lazy(() => import('./pages/track-page').then((m) => ({ default: m.TrackPage })));
const DecisionsPage = lazy(() => import('./pages/decisions-page').then((m) => ({ default: m.DecisionsPage })));
const DecisionPage = lazy(() => import('./pages/decision-page').then((m) => ({ default: m.DecisionPage })));

/** 行政复议 (server module `xzfy`): its cases through the platform's generic pages, under /staff/xzfy. */
export const reconsiderationModule = caseModule({
  module: 'xzfy',
  label: s.label,
  caseType: 'xzfy_case',
  segment: 'xzfy',
  menu: s.menu,
  titles: s.titles,
  // 登记申请 only for those the server lets record one (xzfy.handler).
  extraMenu: (session) =>
    handlerOrgans(session).length > 0 ? [{ key: '/staff/xzfy/apply', label: <span data-testid="menu-xzfy-apply">{s.menu.apply}</span> }] : [],
  extraStaffRoutes: () => [<Route key="xzfy-apply" path="xzfy/apply" element={<LazyPage><ApplyPage /></LazyPage>} />],
  publicRoutes: () => [
    <Route key="xzfy-public-apply" path="/xzfy/apply" element={<LazyPage><PublicApplyPage /></LazyPage>} />,
    <Route key="xzfy-track" path="/xzfy/track" element={<LazyPage><TrackPage /></LazyPage>} />,
    <Route key="xzfy-track-code" path="/xzfy/track/:code" element={<LazyPage><TrackPage /></LazyPage>} />,
    <Route key="xzfy-decisions" path="/xzfy/decisions" element={<LazyPage><DecisionsPage /></LazyPage>} />,
    <Route key="xzfy-decision" path="/xzfy/decisions/:id" element={<LazyPage><DecisionPage /></LazyPage>} />,
  ],
});
