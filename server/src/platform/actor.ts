/**
 * An account's own role: one of the 12345 roles, the administrator, or `staff` (工作人员), who
 * holds only the roles granted per module and unit. Citizens have no account; the platform
 * itself acts as `system`.
 */
export const STAFF_ROLES = ['operator', 'dispatcher', 'handler', 'unit_leader', 'supervisor', 'admin', 'staff'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export type ActorRole = StaffRole | 'citizen' | 'system';

/**
 * Who is acting. Staff act for one unit (`unitId`) and may see a part of the unit tree
 * (`scopePath` prefix). A citizen is anonymous, or the proven requester of one case
 * (`caseId`, proved by the secret they alone received); only the latter acts on a case.
 */
export type Actor =
  | StaffActor
  | { role: 'citizen'; caseId?: string }
  | { role: 'system' };

export type StaffActor = {
  role: StaffRole;
  userId: number;
  unitId: number;
  scopeUnitId: number;
  scopePath: string;
  displayName: string;
  /** Roles of modules granted for a unit (`xzfy.handler` for the county government). */
  grants?: readonly RoleGrant[];
};

/** A module role held for one unit: the person acts for that unit and sees the cases of its subtree. */
export interface RoleGrant {
  /** `module.role`, e.g. `xzfy.respondent`. */
  role: string;
  unitId: number;
  unitPath: string;
}

export const CITIZEN: Actor = { role: 'citizen' };
export const SYSTEM: Actor = { role: 'system' };

/** The requester of one case, once they proved it with their secret. */
export function requesterOf(caseId: string): Actor {
  return { role: 'citizen', caseId };
}

export function isStaff(actor: Actor): actor is StaffActor {
  return actor.role !== 'citizen' && actor.role !== 'system';
}
