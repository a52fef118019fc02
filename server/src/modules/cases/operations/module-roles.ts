import { isStaff, type Actor } from '../../../platform/actor.js';
import { homeRoleModule } from '../case-registry.js';

/** A role the actor holds in a module: the unit they act for in it and the subtree they see. */
export interface HeldRole {
  role: string;
  unitId: number;
  scopePath: string;
}

/**
 * The roles a staff member holds in a module: their account's own role when the module
 * declares it as a home role (held at their unit, over their scope), and every grant of one
 * of the module's roles (held for the granted unit and its subtree).
 */
export function rolesIn(actor: Actor, module: string): HeldRole[] {
  if (!isStaff(actor)) return [];
  const held: HeldRole[] = [];
  if (homeRoleModule(actor.role)?.module.name === module) held.push({ role: actor.role, unitId: actor.unitId, scopePath: actor.scopePath });
  const prefix = `${module}.`;
  for (const grant of actor.grants ?? []) {
    if (grant.role.startsWith(prefix)) held.push({ role: grant.role.slice(prefix.length), unitId: grant.unitId, scopePath: grant.unitPath });
  }
  return held;
}

/** Does the actor hold one of these roles in the module (for any unit)? `system` and `citizen` are roles of their own. */
export function holdsRole(actor: Actor, module: string, roles: readonly string[]): boolean {
  if (!isStaff(actor)) return roles.includes(actor.role);
  return rolesIn(actor, module).some((held) => roles.includes(held.role));
}

/**
 * Does the actor act for this unit in one of these roles? Seeing a case is not acting for
 * it: a township's respondent answers for the township, the 司法局 officer for the county
 * government that decides.
 */
export function actsAs(actor: Actor, module: string, roles: readonly string[], unitId: number | null | undefined): boolean {
  if (unitId === null || unitId === undefined) return false;
  return rolesIn(actor, module).some((held) => held.unitId === unitId && roles.includes(held.role));
}

/**
 * The subtrees in which the actor sees a module's cases: those of the roles they hold in it;
 * an administrator sees every module's cases within their scope (to erase personal data on
 * request, to answer for the record).
 */
export function visibleScopes(actor: Actor, module: string): string[] {
  if (!isStaff(actor)) return [];
  const paths = rolesIn(actor, module).map((held) => held.scopePath);
  if (actor.role === 'admin') paths.push(actor.scopePath);
  // A path inside another adds nothing.
  return [...new Set(paths)].filter((path, _, all) => !all.some((other) => other !== path && path.startsWith(other)));
}
