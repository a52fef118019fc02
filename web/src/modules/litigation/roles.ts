import type { StaffSession } from '../staff/auth-context';

export const LITIGATION_MODULE = 'xzss';

/** Does the person record lawsuits? The server lets a defendant's `xzss.handler` or a government's `xzss.coordinator` do it. */
export function recordsLawsuits(session: StaffSession): boolean {
  return (session.user.modules.find((m) => m.name === LITIGATION_MODULE)?.roles ?? []).some((r) => r.role === 'handler' || r.role === 'coordinator');
}

/** A lawsuit may name the reconsideration it follows only for someone who can see 行政复议's cases. */
export function seesReconsideration(session: StaffSession): boolean {
  return session.user.modules.some((m) => m.name === 'xzfy');
}
