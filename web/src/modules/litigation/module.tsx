import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { caseModule } from '../../platform/case-module';
import { LazyPage } from '../../platform/lazy-page';
import { LITIGATION_MODULE, recordsLawsuits } from './roles';
import { litigationStrings as s } from './strings';

const NewLawsuitPage = lazy(() => import('./pages/new-lawsuit-page').then((m) => ({ default: m.NewLawsuitPage })));

/** 行政应诉 (server module `xzss`): its cases through the platform's generic pages, under /staff/xzss. */
export const litigationModule = caseModule({
  module: LITIGATION_MODULE,
  label: s.label,
  caseType: 'xzss_case',
  segment: 'xzss',
  menu: s.menu,
  titles: s.titles,
  // 登记应诉案件 for the defendant's handler or the government's coordinator, as the server allows.
  extraMenu: (session) => (recordsLawsuits(session) ? [{ key: '/staff/xzss/new', label: <span data-testid="menu-xzss-new">{s.menu.newLawsuit}</span> }] : []),
  extraStaffRoutes: () => [<Route key="xzss-new" path="xzss/new" element={<LazyPage><NewLawsuitPage /></LazyPage>} />],
});
