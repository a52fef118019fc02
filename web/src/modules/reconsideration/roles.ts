import type { StaffSession } from '../staff/auth-context';

/** The units (reconsideration organs) for which the person holds this 行政复议 role. */
export function unitsWithRole(session: StaffSession, role: string): number[] {
  return (session.user.modules.find((m) => m.name === 'xzfy')?.roles ?? []).filter((r) => r.role === role).map((r) => r.unitId);
}

/** The organs the person records applications for: the server lets only `xzfy.handler` do it. */
export const handlerOrgans = (session: StaffSession): number[] => unitsWithRole(session, 'handler');
