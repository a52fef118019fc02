import { and, eq, inArray, like, or } from 'drizzle-orm';
import { isStaff, type Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { rolesIn, visibleCaseCondition, visibleScopes } from '../../cases/index.js';
import { units, type UnitRow } from '../../orgs/index.js';
import { HOTLINE_MODULE } from '../../requests/index.js';
import { KNOWLEDGE_CASE_TYPE, KNOWLEDGE_MODULE, OWNER_KINDS } from '../knowledge-names.js';

// Who sees what, in one place. An entry is a case whose organ is its owning unit: the owner's
// editors (kb.editor for it) and the publisher (kb.publisher for the county government) see it
// in every state through the platform's rule. Published entries are read more widely: whoever
// works the hotline reads those of their hotline scope, so the center (its operators,
// dispatchers, supervisors) reads every published entry of the county, and a department's
// handlers read their own department's.

/** Subtrees whose published (or expired) entries the actor reads. */
export function readScopes(actor: Actor): string[] {
  const paths = [...visibleScopes(actor, HOTLINE_MODULE), ...visibleScopes(actor, KNOWLEDGE_MODULE)];
  return [...new Set(paths)].filter((path, _, all) => !all.some((other) => other !== path && path.startsWith(other)));
}

/** Does the actor read the knowledge base at all? */
export function readsKnowledge(actor: Actor): boolean {
  return readScopes(actor).length > 0;
}

/**
 * SQL over `kb_entries e`, `cases c` and the owner `units u`: the entries the actor may read.
 * Parameters are appended to `params`.
 */
export function readableCondition(actor: Actor, params: unknown[]): string {
  const published = readScopes(actor).map((path) => {
    params.push(`${path}%`);
    return `u.path like $${params.length}`;
  });
  const wide = published.length ? `(c.state in ('published', 'expired') and (${published.join(' or ')}))` : 'false';
  return `(${wide} or ${visibleCaseCondition(KNOWLEDGE_CASE_TYPE, actor, params, 'c')})`;
}

/** Does the actor publish for this owner? The publisher holds kb.publisher for a government above it. */
export function publishesFor(actor: Actor, ownerPath: string): boolean {
  return rolesIn(actor, KNOWLEDGE_MODULE).some((r) => r.role === 'publisher' && ownerPath.startsWith(r.scopePath));
}

/** Does the actor write and maintain this owner's entries: its own editors, and the publisher above it. */
export function writesFor(actor: Actor, owner: { id: number; path: string }): boolean {
  return rolesIn(actor, KNOWLEDGE_MODULE).some((r) => r.role === 'editor' && r.unitId === owner.id) || publishesFor(actor, owner.path);
}

/** Does the actor write entries for any unit? */
export function writesAny(actor: Actor): boolean {
  return rolesIn(actor, KNOWLEDGE_MODULE).length > 0;
}

/** The units the actor may write entries for, their own editor units first. */
export async function writableUnits(tx: Db, actor: Actor): Promise<UnitRow[]> {
  if (!isStaff(actor)) return [];
  const held = rolesIn(actor, KNOWLEDGE_MODULE);
  const own = held.filter((r) => r.role === 'editor').map((r) => r.unitId);
  const scopes = held.filter((r) => r.role === 'publisher').map((r) => r.scopePath);
  if (own.length === 0 && scopes.length === 0) return [];
  const rows = await tx.select().from(units).where(
    and(inArray(units.kind, [...OWNER_KINDS]), or(...(own.length ? [inArray(units.id, own)] : []), ...scopes.map((p) => like(units.path, `${p}%`)))),
  ).orderBy(units.id);
  return rows.sort((a, b) => Number(!own.includes(a.id)) - Number(!own.includes(b.id)) || a.id - b.id);
}

/** The government the owner belongs to (itself, if it is one): its publisher's to-do carries the entry's review. */
export async function governmentOf(tx: Db, owner: { path: string }): Promise<number | null> {
  const ids = owner.path.split('/').filter(Boolean).map(Number);
  const rows = await tx.select({ id: units.id, path: units.path }).from(units).where(and(inArray(units.id, ids), eq(units.kind, 'government')));
  return rows.sort((a, b) => b.path.length - a.path.length)[0]?.id ?? null;
}
