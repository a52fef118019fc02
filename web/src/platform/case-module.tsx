import { lazy, type ReactElement } from 'react';
import { Route } from 'react-router-dom';
import type { StaffSession } from '../modules/staff/auth-context';
import { LazyPage } from './lazy-page';
import type { CaseTypePages, MenuItems, WebModule } from './web-module';

const CaseTodoPage = lazy(() => import('./pages/case-todo-page').then((m) => ({ default: m.CaseTodoPage })));
const CaseSearchPage = lazy(() => import('./pages/case-search-page').then((m) => ({ default: m.CaseSearchPage })));
const CaseDetailPage = lazy(() => import('./pages/case-detail-page').then((m) => ({ default: m.CaseDetailPage })));
const FiguresPage = lazy(() => import('./pages/figures-page').then((m) => ({ default: m.FiguresPage })));

export interface CaseModuleOptions {
  /** The server module's name, e.g. `xzfy`. */
  module: string;
  label: string;
  caseType: string;
  /** The module's path segment under /staff, e.g. `xzfy` for `/staff/xzfy/…`. */
  segment: string;
  /** The menu's words, and the pages' titles. */
  menu: { todo: string; search: string; figures: string };
  titles: { todo: string; search: string; figures: string };
  /** A module's own pages besides the generic ones (forms, public pages): menu entries and routes. */
  extraMenu?: (session: StaffSession) => MenuItems;
  extraStaffRoutes?: () => ReactElement[];
  publicRoutes?: () => ReactElement[];
}

/** The generic paths of a case module's pages. */
export function caseModulePaths(segment: string) {
  const base = `/staff/${segment}`;
  return { base, todo: `${base}/todo`, search: `${base}/cases`, figures: `${base}/figures` };
}

/**
 * A module whose work is one case type: 待办, 案件查询 (with its detail pages) and 统计 from the
 * platform's generic pages, plus whatever pages of its own it adds.
 */
export function caseModule(options: CaseModuleOptions): WebModule {
  const { module, segment, menu: words, titles } = options;
  const paths = caseModulePaths(segment);
  const pages: CaseTypePages = { caseType: options.caseType, base: paths.base };
  const item = (key: string, label: string, id: string) => ({ key, label: <span data-testid={`menu-${module}-${id}`}>{label}</span> });
  return {
    module,
    label: options.label,
    home: paths.todo,
    caseTypes: [pages],
    menu: (session) => [
      item(paths.todo, words.todo, 'todo'),
      item(paths.search, words.search, 'search'),
      ...(options.extraMenu?.(session) ?? []),
      item(paths.figures, words.figures, 'figures'),
    ],
    selectedKey: (pathname) => {
      if (!pathname.startsWith(`${paths.base}/`)) return null;
      if (pathname.startsWith(paths.figures)) return paths.figures;
      if (pathname.startsWith(paths.todo)) return paths.todo;
      if (pathname.startsWith(paths.search)) return paths.search;
      // A page of the module's own: its menu key is its address.
      return pathname;
    },
    staffRoutes: () => [
      <Route key={`${module}-todo`} path={`${segment}/todo`} element={<LazyPage><CaseTodoPage pages={pages} title={titles.todo} /></LazyPage>} />,
      <Route key={`${module}-search`} path={`${segment}/cases`} element={<LazyPage><CaseSearchPage pages={pages} title={titles.search} /></LazyPage>} />,
      <Route key={`${module}-detail`} path={`${segment}/cases/:caseId`} element={<LazyPage><CaseDetailPage backTo={paths.todo} /></LazyPage>} />,
      <Route key={`${module}-figures`} path={`${segment}/figures`} element={<LazyPage><FiguresPage module={module} title={titles.figures} /></LazyPage>} />,
      ...(options.extraStaffRoutes?.() ?? []),
    ],
    ...(options.publicRoutes ? { publicRoutes: options.publicRoutes } : {}),
  };
}

/** The detail page of a case of any type at `/staff/cases/:caseId`, for links to types no module shows. */
export function genericCaseRoute(): ReactElement {
  return <Route key="case-detail" path="cases/:caseId" element={<LazyPage><CaseDetailPage backTo="/staff" /></LazyPage>} />;
}
