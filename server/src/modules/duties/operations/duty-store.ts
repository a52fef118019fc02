import { eq, sql } from 'drizzle-orm';
import type { Database, Db } from '../../../platform/db/database.js';
import { units } from '../../orgs/index.js';
import { hotlineCategories } from '../../requests/index.js';
import { dutyError } from '../duties.errors.js';
import { dutyItems } from '../duties.tables.js';
import { parseDutyRows, type DutyItem, type DutyList } from '../rules/duty-rows.js';

export async function loadDutyItems(tx: Db, list?: DutyList): Promise<DutyItem[]> {
  const query = tx.select().from(dutyItems);
  const rows = await (list ? query.where(eq(dutyItems.list, list)) : query).orderBy(dutyItems.code);
  return rows.map((r) => ({ ...r, townshipRole: r.townshipRole ?? null }));
}

/** Replaces one whole list in one transaction; a file with any bad row changes nothing. */
export async function replaceDutyList(
  database: Database,
  list: DutyList,
  records: Array<Record<string, string>>,
): Promise<{ count: number }> {
  return database.transaction(async (tx) => {
    const unitRows = await tx.select({ id: units.id, name: units.name, shortName: units.shortName, key: units.key }).from(units);
    const byName = new Map<string, number>();
    for (const u of unitRows) for (const n of [u.name, u.shortName, u.key]) if (n) byName.set(n, u.id);
    const categoryCodes = new Set((await tx.select({ code: hotlineCategories.code }).from(hotlineCategories)).map((c) => c.code));
    const { items, problems } = parseDutyRows(list, records, {
      unitId: (name) => byName.get(name),
      categoryExists: (code) => categoryCodes.has(code),
    });
    if (problems.length) throw dutyError('DUTY_IMPORT_INVALID', { problems: problems.slice(0, 50), total: problems.length });
    await tx.delete(dutyItems).where(eq(dutyItems.list, list));
    await insertDutyItems(tx, items);
    return { count: items.length };
  });
}

export async function insertDutyItems(tx: Db, items: DutyItem[]): Promise<void> {
  for (let i = 0; i < items.length; i += 200) await tx.insert(dutyItems).values(items.slice(i, i + 200));
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
