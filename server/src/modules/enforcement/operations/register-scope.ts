// Whom the registers show to whom: a subject (and its officers, certificates and matters) to
// the holders of a 行政执法 role whose subtree holds the subject's unit; the objects of a
// county's register to everyone holding a role under that county's government.
import { eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { rolesIn, visibleScopes } from '../../cases/index.js';
import { units } from '../../orgs/index.js';
import { enforcementSubjects } from '../enforcement.tables.js';

export const ENFORCEMENT_MODULE = 'xzzf';

export type SubjectRow = typeof enforcementSubjects.$inferSelect;
export type ScopedSubject = SubjectRow & { unitPath: string; unitName: string };

export const withinScopes = (path: string, scopes: readonly string[]): boolean => scopes.some((scope) => path.startsWith(scope));

/** Every subject with its unit's path and name (a county has tens of them). */
export async function allSubjects(tx: Db): Promise<ScopedSubject[]> {
  const rows = await tx
    .select({ subject: enforcementSubjects, unitPath: units.path, unitName: units.name })
    .from(enforcementSubjects)
    .innerJoin(units, eq(units.id, enforcementSubjects.unitId))
    .orderBy(units.path, enforcementSubjects.id);
  return rows.map((r) => ({ ...r.subject, unitPath: r.unitPath, unitName: r.unitName }));
}

/** The subjects this person may read. */
export async function visibleSubjects(tx: Db, actor: Actor): Promise<ScopedSubject[]> {
  const scopes = visibleScopes(actor, ENFORCEMENT_MODULE);
  if (scopes.length === 0) return [];
  return (await allSubjects(tx)).filter((s) => withinScopes(s.unitPath, scopes));
}

/** One subject this person may read, or undefined (which callers answer as "not found"). */
export async function visibleSubject(tx: Db, actor: Actor, subjectId: number): Promise<ScopedSubject | undefined> {
  return (await visibleSubjects(tx, actor)).find((s) => s.id === subjectId);
}

/** Does the person act as 执法监督 over this unit (a supervisor's grant for a government above it)? */
export function supervises(actor: Actor, unitPath: string): boolean {
  return rolesIn(actor, ENFORCEMENT_MODULE).some((r) => r.role === 'supervisor' && unitPath.startsWith(r.scopePath));
}

/** May the person keep this subject's officers and certificates: its own administrator, or a supervisor over it. */
export function keepsSubject(actor: Actor, subject: ScopedSubject): boolean {
  return supervises(actor, subject.unitPath) || rolesIn(actor, ENFORCEMENT_MODULE).some((r) => r.role === 'subject_admin' && r.unitId === subject.unitId);
}

type GovernmentRow = { id: number; path: string };

async function governments(tx: Db): Promise<GovernmentRow[]> {
  return tx.select({ id: units.id, path: units.path }).from(units).where(eq(units.kind, 'government'));
}

/** The government whose register a unit at this path uses: the deepest one above it (or itself). */
export function nearestGovernment<T extends GovernmentRow>(all: readonly T[], path: string): T | undefined {
  return all.filter((g) => path.startsWith(g.path)).sort((a, b) => b.path.length - a.path.length)[0];
}

/**
 * The governments whose object registers the person reads: the one each of their roles sits
 * under, and every one inside the subtree of a role (a city's supervisor reads its counties').
 */
export async function visibleRegisters(tx: Db, actor: Actor): Promise<number[]> {
  const scopes = visibleScopes(actor, ENFORCEMENT_MODULE);
  if (scopes.length === 0) return [];
  const all = await governments(tx);
  const ids = new Set<number>();
  for (const scope of scopes) {
    const nearest = nearestGovernment(all, scope);
    if (nearest) ids.add(nearest.id);
    for (const g of all) if (g.path.startsWith(scope)) ids.add(g.id);
  }
  return [...ids];
}

/** The register a person writes objects into: the government above their first 行政执法 role (an administrator's scope). */
export async function homeRegister(tx: Db, actor: Actor): Promise<number | undefined> {
  const [scope] = visibleScopes(actor, ENFORCEMENT_MODULE);
  return scope === undefined ? undefined : nearestGovernment(await governments(tx), scope)?.id;
}
