import { caseModule } from '../../platform/case-module';
import { reconsiderationStrings as s } from './strings';

/** 行政复议 (server module `xzfy`): its cases through the platform's generic pages, under /staff/xzfy. */
export const reconsiderationModule = caseModule({
  module: 'xzfy',
  label: s.label,
  caseType: 'xzfy_case',
  segment: 'xzfy',
  menu: s.menu,
  titles: s.titles,
  // ── The module's own pages go here ─────────────────────────────────────────────────────
  // A counter application form (窗口登记复议申请) adds its menu entry and route:
  //   extraMenu: (session) => [{ key: '/staff/xzfy/apply', label: s.menu.apply }],
  //   extraStaffRoutes: () => [<Route key="xzfy-apply" path="xzfy/apply" element={…} />],
  // and the public pages (online application, progress by query code, published decisions):
  //   publicRoutes: () => [<Route key="xzfy-public-apply" path="/xzfy/apply" element={…} />],
  // ────────────────────────────────────────────────────────────────────────────────────────
});
