import { and, eq, sql, type SQL } from 'drizzle-orm';
import { isStaff, type Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { getCaseType } from '../case-registry.js';
import { cases } from '../cases.tables.js';
import { visibleScopes } from './module-roles.js';

// Default deny, in one place for every case type: staff see a case of a module when its organ
// or a unit holding a stake in it lies within the subtree of a role they hold in that module
// (see visibleScopes); the system sees every case; a citizen sees only the case they proved
// to be theirs. Lists, searches, exports and counts use the same condition as single reads, so
// a row can never be listed that could not be opened.

/** The visibility condition as raw SQL over `<alias>` (a cases row), parameters appended to `params`. */
export function visibleCaseCondition(caseType: string, actor: Actor, params: unknown[], alias = 'c'): string {
  if (actor.role === 'system') return 'true';
  if (!isStaff(actor)) {
    if (!actor.caseId) return 'false';
    params.push(actor.caseId);
    return `${alias}.id = $${params.length}::uuid`;
  }
  const type = getCaseType(caseType);
  const scopes = visibleScopes(actor, type.module);
  if (scopes.length === 0) return 'false';
  const conditions = scopes.map((path) => {
    params.push(`${path}%`);
    const scope = `$${params.length}`;
    return `(${alias}.organ_unit_id in (select id from units where path like ${scope})
    or exists (select 1 from (${type.stakeholders}) s join units su on su.id = s.unit_id
                where s.case_id = ${alias}.id and su.path like ${scope}))`;
  });
  return conditions.length === 1 ? conditions[0]! : `(${conditions.join(' or ')})`;
}

/** The same condition for the query builder, over the `cases` table. */
export function visibleCaseSql(caseType: string, actor: Actor): SQL {
  if (actor.role === 'system') return sql`true`;
  if (!isStaff(actor)) return actor.caseId ? eq(cases.id, actor.caseId) : sql`false`;
  const type = getCaseType(caseType);
  const scopes = visibleScopes(actor, type.module);
  if (scopes.length === 0) return sql`false`;
  const conditions = scopes.map((path) => {
    const scope = `${path}%`;
    return sql`(${cases.organUnitId} in (select id from units where path like ${scope})
    or exists (select 1 from (${sql.raw(type.stakeholders)}) s join units su on su.id = s.unit_id
                where s.case_id = ${cases.id} and su.path like ${scope}))`;
  });
  return conditions.length === 1 ? conditions[0]! : sql`(${sql.join(conditions, sql` or `)})`;
}

/** May this actor see this case at all? Unknown cases and cases out of scope look the same. */
export async function canSeeCase(tx: Db, caseId: string, actor: Actor, caseType?: string): Promise<boolean> {
  const [row] = await tx.select({ caseType: cases.caseType }).from(cases).where(eq(cases.id, caseId));
  if (!row || (caseType && row.caseType !== caseType)) return false;
  const [visible] = await tx.select({ id: cases.id }).from(cases).where(and(eq(cases.id, caseId), visibleCaseSql(row.caseType, actor)));
  return visible !== undefined;
}

/** Staff act for their own unit only: seeing a unit's cases is not acting for it (home roles; see actsAs for granted ones). */
export function actsForUnit(actor: Actor, unitId: number | null | undefined): boolean {
  return isStaff(actor) && unitId !== null && unitId !== undefined && actor.unitId === unitId;
}
