/** Staff roles. Citizens have no account; the platform itself acts as `system`. */
export const STAFF_ROLES = ['operator', 'dispatcher', 'handler', 'unit_leader', 'supervisor', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export type ActorRole = StaffRole | 'citizen' | 'system';

/** Who is acting, and the part of the unit tree they may see (`scopePath` prefix). */
export type Actor =
  | { role: StaffRole; userId: number; unitId: number; scopeUnitId: number; scopePath: string; displayName: string }
  | { role: 'citizen' }
  | { role: 'system' };

export const CITIZEN: Actor = { role: 'citizen' };
export const SYSTEM: Actor = { role: 'system' };

export function isStaff(actor: Actor): actor is Extract<Actor, { userId: number }> {
  return actor.role !== 'citizen' && actor.role !== 'system';
}
