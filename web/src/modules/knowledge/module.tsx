import { lazy } from 'react';
import { Route } from 'react-router-dom';
import { LazyPage } from '../../platform/lazy-page';
import type { CaseTypePages, WebModule } from '../../platform/web-module';
import { maintainsKnowledge, readsKnowledge } from './roles';
import { knowledgeStrings as s } from './strings';

const KnowledgeSearchPage = lazy(() => import('./pages/knowledge-search-page').then((m) => ({ default: m.KnowledgeSearchPage })));
const EntryPage = lazy(() => import('./pages/entry-page').then((m) => ({ default: m.EntryPage })));
const EntryFormPage = lazy(() => import('./pages/entry-form-page').then((m) => ({ default: m.EntryFormPage })));
const CaseTodoPage = lazy(() => import('../../platform/pages/case-todo-page').then((m) => ({ default: m.CaseTodoPage })));
const CaseSearchPage = lazy(() => import('../../platform/pages/case-search-page').then((m) => ({ default: m.CaseSearchPage })));
const CaseDetailPage = lazy(() => import('../../platform/pages/case-detail-page').then((m) => ({ default: m.CaseDetailPage })));

const BASE = '/staff/kb';
const pages: CaseTypePages = { caseType: 'kb_entry', base: BASE };
const item = (key: string, label: string, id: string) => ({ key, label: <span data-testid={`menu-kb-${id}`}>{label}</span> });

/**
 * 知识库 (server module `kb`). Everyone who works the hotline searches it; the units' editors and
 * the center's publisher also keep it, through the platform's generic to-do, list and detail
 * pages (the entry's workflow, clocks and record) and a form of its own for a new entry.
 */
export const knowledgeModule: WebModule = {
  module: 'kb',
  label: s.label,
  home: BASE,
  caseTypes: [pages],
  opens: readsKnowledge,
  menu: (session) => [
    item(BASE, s.menu.search, 'search'),
    ...(maintainsKnowledge(session)
      ? [item(`${BASE}/todo`, s.menu.todo, 'todo'), item(`${BASE}/cases`, s.menu.manage, 'manage'), item(`${BASE}/new`, s.menu.create, 'new')]
      : []),
  ],
  selectedKey: (pathname) => {
    if (pathname !== BASE && !pathname.startsWith(`${BASE}/`)) return null;
    for (const key of [`${BASE}/todo`, `${BASE}/cases`, `${BASE}/new`]) if (pathname.startsWith(key)) return key;
    return BASE;
  },
  staffRoutes: () => [
    <Route key="kb-search" path="kb" element={<LazyPage><KnowledgeSearchPage /></LazyPage>} />,
    <Route key="kb-entry" path="kb/entries/:entryId" element={<LazyPage><EntryPage /></LazyPage>} />,
    <Route key="kb-new" path="kb/new" element={<LazyPage><EntryFormPage /></LazyPage>} />,
    <Route key="kb-todo" path="kb/todo" element={<LazyPage><CaseTodoPage pages={pages} title={s.titles.todo} /></LazyPage>} />,
    <Route key="kb-cases" path="kb/cases" element={<LazyPage><CaseSearchPage pages={pages} title={s.titles.manage} /></LazyPage>} />,
    <Route key="kb-detail" path="kb/cases/:caseId" element={<LazyPage><CaseDetailPage backTo={`${BASE}/todo`} /></LazyPage>} />,
  ],
};
