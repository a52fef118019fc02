import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { canonicalJson } from '../../../platform/canonical-json.js';
import { lockInTransaction } from '../../../platform/db/advisory-lock.js';
import type { Database, Db } from '../../../platform/db/database.js';
import { recordSecurityEvent } from '../../../platform/security-log/security-log.js';
import { hotlineCategories } from '../../requests/index.js';
import { units } from '../../orgs/index.js';
import { dutyError } from '../duties.errors.js';
import { dutyItems } from '../duties.tables.js';
import { diffDutyLists, type DutyDiff } from '../rules/duty-diff.js';
import { parseDutyRows, type DutyItem, type DutyList } from '../rules/duty-rows.js';

export async function loadDutyItems(tx: Db, list?: DutyList): Promise<DutyItem[]> {
  const query = tx.select().from(dutyItems);
  const rows = await (list ? query.where(eq(dutyItems.list, list)) : query).orderBy(dutyItems.code);
  return rows.map((r) => ({ ...r, townshipRole: r.townshipRole ?? null }));
}

/** A file's rows as items, checked against the county's units and categories; any bad row refuses the whole file. */
async function parseFile(tx: Db, list: DutyList, records: Array<Record<string, string>>): Promise<DutyItem[]> {
  const unitRows = await tx.select({ id: units.id, name: units.name, shortName: units.shortName, key: units.key, mergedIntoId: units.mergedIntoId }).from(units);
  const byName = new Map<string, number>();
  // A merged unit's name still resolves, to the unit that carries on its duties.
  for (const u of unitRows.filter((u) => u.mergedIntoId !== null)) for (const n of [u.name, u.shortName, u.key]) if (n) byName.set(n, u.mergedIntoId!);
  for (const u of unitRows.filter((u) => u.mergedIntoId === null)) for (const n of [u.name, u.shortName, u.key]) if (n) byName.set(n, u.id);
  const categoryCodes = new Set((await tx.select({ code: hotlineCategories.code }).from(hotlineCategories)).map((c) => c.code));
  const { items, problems } = parseDutyRows(list, records, {
    unitId: (name) => byName.get(name),
    categoryExists: (code) => categoryCodes.has(code),
  });
  if (problems.length) throw dutyError('DUTY_IMPORT_INVALID', { problems: problems.slice(0, 50), total: problems.length });
  return items;
}

/**
 * The token of a preview: the file's bytes and the list in force when it was previewed. Only
 * that file, onto that list, is applied on confirmation; anything else must be previewed again.
 */
function previewToken(list: DutyList, fileSha256: string, current: readonly DutyItem[]): string {
  return createHash('sha256').update(`${list}\n${fileSha256}\n`).update(canonicalJson(current)).digest('hex');
}

export interface DutyFile {
  fileName: string;
  /** SHA-256 of the file as uploaded. */
  sha256: string;
  records: Array<Record<string, string>>;
}

/** What importing the file would change, without changing anything. */
export async function previewDutyList(database: Database, list: DutyList, file: DutyFile): Promise<DutyDiff & { token: string; count: number }> {
  const current = await loadDutyItems(database.db, list);
  const items = await parseFile(database.db, list, file.records);
  return { ...diffDutyLists(current, items), token: previewToken(list, file.sha256, current), count: items.length };
}

export interface DutyImport {
  /** Who imports: an administrator, or null for the command line. */
  actorUserId: number | null;
  now: Date;
  /** The preview's token: the import goes ahead only if the file and the list in force are still those previewed. */
  expectedToken?: string;
}

/** Replaces one whole list in one transaction; a file with any bad row changes nothing. Logged with what it changed. */
export async function replaceDutyList(database: Database, list: DutyList, file: DutyFile, options: DutyImport): Promise<{ count: number; added: number; removed: number; changed: number }> {
  return database.transaction(async (tx) => {
    // Two imports of one list take turns, so a preview's token is checked against what is really in force.
    await lockInTransaction(tx, 'fazhi.duties.import');
    const current = await loadDutyItems(tx, list);
    if (options.expectedToken !== undefined && options.expectedToken !== previewToken(list, file.sha256, current)) throw dutyError('DUTY_PREVIEW_STALE');
    const items = await parseFile(tx, list, file.records);
    const diff = diffDutyLists(current, items);
    await tx.delete(dutyItems).where(eq(dutyItems.list, list));
    await insertDutyItems(tx, items);
    const codes = (rows: Array<{ code: string }>) => rows.map((r) => r.code).slice(0, 200);
    await recordSecurityEvent(tx, {
      kind: 'duty_list_imported', at: options.now, actorUserId: options.actorUserId,
      details: {
        list, fileName: file.fileName, fileSha256: file.sha256, count: items.length, by: options.actorUserId === null ? 'command line' : 'administrator',
        added: codes(diff.added), removed: codes(diff.removed), changed: codes(diff.changed),
      },
    });
    return { count: items.length, added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length };
  });
}

export async function insertDutyItems(tx: Db, items: DutyItem[]): Promise<void> {
  for (let i = 0; i < items.length; i += 200) await tx.insert(dutyItems).values(items.slice(i, i + 200));
}

/** The duty items a merged unit held now name the unit it was merged into. */
export async function moveDutiesOfMergedUnit(tx: Db, fromUnitId: number, intoUnitId: number): Promise<{ dutyItemsMoved: number }> {
  const moved = await tx.update(dutyItems).set({ unitId: intoUnitId }).where(eq(dutyItems.unitId, fromUnitId)).returning({ code: dutyItems.code });
  return { dutyItemsMoved: moved.length };
}

/** The categories of every duty item that lists this word among its keywords (路灯 → 基础设施 …). */
export async function categoriesForKeyword(tx: Db, keyword: string): Promise<string[]> {
  const rows = await tx
    .select({ codes: dutyItems.categoryCodes })
    .from(dutyItems)
    .where(sql`${dutyItems.keywords} @> ${JSON.stringify([keyword])}::jsonb`);
  return [...new Set(rows.flatMap((r) => r.codes))];
}

/**
 * Who the lists name for a category: the departments of its power items and of its township
 * items (the department a township works with), and whether a township item covers it.
 */
export async function unitsNamedForCategory(tx: Db, categoryCode: string): Promise<{ unitIds: number[]; township: boolean }> {
  const rows = await tx
    .select({ list: dutyItems.list, unitId: dutyItems.unitId })
    .from(dutyItems)
    .where(sql`${dutyItems.categoryCodes} @> ${JSON.stringify([categoryCode])}::jsonb`);
  return {
    unitIds: [...new Set(rows.map((r) => r.unitId).filter((id): id is number => id !== null))],
    township: rows.some((r) => r.list === 'township'),
  };
}
