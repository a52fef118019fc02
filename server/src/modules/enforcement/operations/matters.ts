import { and, asc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../platform/actor.js';
import { lockInTransaction } from '../../../platform/db/advisory-lock.js';
import type { Database, Db } from '../../../platform/db/database.js';
import { recordSecurityEvent } from '../../../platform/security-log/security-log.js';
import { dutyItems } from '../../duties/index.js';
import { enforcementError } from '../enforcement.errors.js';
import { enforcementMatters } from '../enforcement.tables.js';
import { parseMatterRows, type MatterRecord } from '../rules/matter-rows.js';
import { ROW_PROBLEMS } from '../enforcement.strings.js';
import { allSubjects, visibleSubjects } from './register-scope.js';

type MatterRow = typeof enforcementMatters.$inferSelect;

export interface MatterFile {
  fileName: string;
  sha256: string;
  records: Array<Record<string, string>>;
}

export const matterView = (m: MatterRow, subjectName?: string) => ({
  id: m.id, code: m.code, name: m.name, kind: m.kind, field: m.field, subjectId: m.subjectId, subjectName: subjectName ?? null, basis: m.basis,
  dutyCode: m.dutyCode, firstOffenceExempt: m.firstOffenceExempt, minorExempt: m.minorExempt, exemptionItem: m.exemptionItem, discretion: m.discretion,
});

/**
 * Loads a matters file in one transaction, matched by 事项编码: new codes are added, known ones
 * replaced (a case already opened keeps the benchmark its events recorded). A file with any bad
 * row changes nothing and every problem is given with its line. Logged in the security log.
 */
export async function importMatters(database: Database, file: MatterFile, options: { actorUserId: number | null; now: Date; importer?: Actor }): Promise<{ count: number; added: number; changed: number }> {
  return database.transaction(async (tx) => {
    await lockInTransaction(tx, 'fazhi.xzzf.matters');
    // From the pages, a supervisor names only the subjects they read; the command line, any.
    const subjects = new Map((options.importer ? await visibleSubjects(tx, options.importer) : await allSubjects(tx)).map((s) => [s.name, s]));
    const duties = new Set((await tx.select({ code: dutyItems.code }).from(dutyItems).where(eq(dutyItems.list, 'power'))).map((d) => d.code));
    const { matters, problems } = parseMatterRows(file.records, { subject: (name) => subjects.get(name), dutyExists: (code) => duties.has(code) });
    if (problems.length) throw enforcementError('XZZF_MATTER_IMPORT_INVALID', { problems });
    const existing = await tx.select({ code: enforcementMatters.code, subjectId: enforcementMatters.subjectId }).from(enforcementMatters);
    const known = new Set(existing.map((m) => m.code));
    // Nor may they rewrite a matter another government's subject holds.
    const foreign = existing.filter((m) => ![...subjects.values()].some((s) => s.id === m.subjectId)).map((m) => m.code);
    const taken = matters.filter((m) => foreign.includes(m.code)).map((m) => m.code);
    if (options.importer && taken.length) throw enforcementError('XZZF_MATTER_IMPORT_INVALID', { problems: taken.map(ROW_PROBLEMS.codeHeldElsewhere) });
    for (const matter of matters) await upsertMatter(tx, matter, options.now);
    const added = matters.filter((m) => !known.has(m.code)).map((m) => m.code);
    const changed = matters.filter((m) => known.has(m.code)).map((m) => m.code);
    await recordSecurityEvent(tx, {
      kind: 'xzzf_matters_imported', at: options.now, actorUserId: options.actorUserId,
      details: { fileName: file.fileName, fileSha256: file.sha256, count: matters.length, by: options.actorUserId === null ? 'command line' : 'administrator', added: added.slice(0, 200), changed: changed.slice(0, 200) },
    });
    return { count: matters.length, added: added.length, changed: changed.length };
  });
}

async function upsertMatter(tx: Db, matter: MatterRecord, now: Date): Promise<void> {
  const { code, ...rest } = matter;
  await tx.insert(enforcementMatters).values({ code, ...rest, importedAt: now }).onConflictDoUpdate({ target: enforcementMatters.code, set: { ...rest, importedAt: now } });
}

export interface MatterQuery {
  q?: string;
  subjectId?: number;
  field?: string;
  exemptOnly?: boolean;
}

/** The matters of the subjects the person reads, by name or code, subject, field, and whether on a 不罚 list. */
export async function listMatters(tx: Db, actor: Actor, query: MatterQuery) {
  const subjects = new Map((await visibleSubjects(tx, actor)).map((s) => [s.id, s.name]));
  if (subjects.size === 0 || (query.subjectId !== undefined && !subjects.has(query.subjectId))) return [];
  const q = query.q?.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
  const conditions: Array<SQL | undefined> = [
    inArray(enforcementMatters.subjectId, query.subjectId !== undefined ? [query.subjectId] : [...subjects.keys()]),
    query.field ? eq(enforcementMatters.field, query.field) : undefined,
    q ? or(ilike(enforcementMatters.name, `%${q}%`), ilike(enforcementMatters.code, `${q}%`)) : undefined,
    query.exemptOnly ? or(eq(enforcementMatters.firstOffenceExempt, true), eq(enforcementMatters.minorExempt, true)) : undefined,
  ];
  const rows = await tx.select().from(enforcementMatters).where(and(...conditions)).orderBy(asc(enforcementMatters.code));
  return rows.map((m) => matterView(m, subjects.get(m.subjectId)));
}

/** A matter the person may read, or XZZF_MATTER_NOT_FOUND. */
export async function readMatter(tx: Db, actor: Actor, matterId: number) {
  const subjects = new Map((await visibleSubjects(tx, actor)).map((s) => [s.id, s.name]));
  const [row] = await tx.select().from(enforcementMatters).where(eq(enforcementMatters.id, matterId));
  if (!row || !subjects.has(row.subjectId)) throw enforcementError('XZZF_MATTER_NOT_FOUND');
  return matterView(row, subjects.get(row.subjectId));
}

/** A matter by id or 事项编码, for the code that opens a case under it (which checks its own scope); undefined when there is none. */
export async function findMatter(tx: Db, idOrCode: number | string) {
  const [row] = await tx.select().from(enforcementMatters).where(typeof idOrCode === 'number' ? eq(enforcementMatters.id, idOrCode) : eq(enforcementMatters.code, idOrCode));
  return row ? matterView(row) : undefined;
}
