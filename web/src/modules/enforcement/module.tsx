import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { LazyPage } from '../../platform/lazy-page';
import type { WebModule } from '../../platform/web-module';
import { enforcementStrings as s } from './strings';

const SubjectsPage = lazy(() => import('./pages/subjects-page').then((m) => ({ default: m.SubjectsPage })));
const OfficersPage = lazy(() => import('./pages/officers-page').then((m) => ({ default: m.OfficersPage })));
const ObjectsPage = lazy(() => import('./pages/objects-page').then((m) => ({ default: m.ObjectsPage })));
const ObjectPage = lazy(() => import('./pages/object-page').then((m) => ({ default: m.ObjectPage })));
const MattersPage = lazy(() => import('./pages/matters-page').then((m) => ({ default: m.MattersPage })));

const BASE = '/staff/xzzf';
const ENTRIES = [
  ['subjects', s.menu.subjects],
  ['officers', s.menu.officers],
  ['objects', s.menu.objects],
  ['matters', s.menu.matters],
] as const;

/** 行政执法 (server module `xzzf`): its registers, read by every holder of one of its roles within their subtrees. */
export const enforcementModule: WebModule = {
  module: 'xzzf',
  label: s.label,
  home: `${BASE}/officers`,
  menu: () => ENTRIES.map(([key, label]) => ({ key: `${BASE}/${key}`, label: <span data-testid={`menu-xzzf-${key}`}>{label}</span> })),
  selectedKey: (pathname) => ENTRIES.map(([key]) => `${BASE}/${key}`).find((key) => pathname === key || pathname.startsWith(`${key}/`)) ?? null,
  staffRoutes: () => [
    <Route key="xzzf-subjects" path="xzzf/subjects" element={<LazyPage><SubjectsPage /></LazyPage>} />,
    <Route key="xzzf-officers" path="xzzf/officers" element={<LazyPage><OfficersPage /></LazyPage>} />,
    <Route key="xzzf-objects" path="xzzf/objects" element={<LazyPage><ObjectsPage /></LazyPage>} />,
    <Route key="xzzf-object" path="xzzf/objects/:objectId" element={<LazyPage><ObjectPage /></LazyPage>} />,
    <Route key="xzzf-matters" path="xzzf/matters" element={<LazyPage><MattersPage /></LazyPage>} />,
  ],
};
