import { caseModule } from '../../platform/case-module';
import { litigationStrings as s } from './strings';

/** 行政应诉 (server module `xzss`): its cases through the platform's generic pages, under /staff/xzss. */
export const litigationModule = caseModule({
  module: 'xzss',
  label: s.label,
  caseType: 'xzss_case',
  segment: 'xzss',
  menu: s.menu,
  titles: s.titles,
  // ── The module's own pages go here (extraMenu, extraStaffRoutes, publicRoutes; see reconsideration/module.tsx) ──
});
