import { and, eq, sql } from 'drizzle-orm';
import type { StaffActor } from '../../../platform/actor.js';
import type { Database, Db } from '../../../platform/db/database.js';
import { recordSecurityEvent } from '../../../platform/security-log/security-log.js';
import { listRules } from '../../clock/index.js';
import { findUnit, units } from '../../orgs/index.js';
import { requestError } from '../requests.errors.js';
import { clockRuleLabel } from '../requests.strings.js';
import { hotlineCategories } from '../requests.tables.js';

type CategoryRow = typeof hotlineCategories.$inferSelect;

/** The clock rules a category may take: the 12345 rules of the clock catalogue. */
export function hotlineClockRules() {
  return listRules()
    .filter((r) => r.id.startsWith('rx12345.'))
    .map((r) => ({ id: r.id, label: clockRuleLabel(r), notes: r.notes }));
}

/** Every category with its owner and clock rule, as the category page shows them. */
export async function listCategoriesForAdmin(tx: Db) {
  const rows = await tx
    .select({ category: hotlineCategories, unitName: units.name })
    .from(hotlineCategories)
    .leftJoin(units, eq(units.id, hotlineCategories.defaultUnitId))
    .orderBy(hotlineCategories.code);
  return {
    categories: rows.map(({ category, unitName }) => ({ ...category, defaultUnitName: unitName })),
    clockRules: hotlineClockRules(),
  };
}

async function assertOwner(tx: Db, unitId: number | null | undefined): Promise<void> {
  if (unitId === null || unitId === undefined) return;
  const unit = await findUnit(tx, unitId);
  if (!unit || unit.kind !== 'department' || unit.mergedIntoId !== null) throw requestError('CATEGORY_OWNER_INVALID', { field: 'defaultUnitId' });
}

function assertClockRule(rule: string | null | undefined): void {
  if (rule === null || rule === undefined) return;
  if (!hotlineClockRules().some((r) => r.id === rule)) throw requestError('CLOCK_RULE_INVALID', { field: 'clockRule' });
}

async function assertNameFree(tx: Db, parentCode: string | null, name: string, exceptCode?: string): Promise<void> {
  const same = await tx.select({ code: hotlineCategories.code }).from(hotlineCategories)
    .where(and(parentCode === null ? sql`${hotlineCategories.parentCode} is null` : eq(hotlineCategories.parentCode, parentCode), eq(hotlineCategories.name, name)));
  if (same.some((c) => c.code !== exceptCode)) throw requestError('CATEGORY_NAME_TAKEN', { field: 'name' });
}

export interface CategoryChanges {
  name?: string;
  /** The department that usually owns it; null: the township of the place (属地). */
  defaultUnitId?: number | null;
  /** One of the 12345 clock rules; null: the general rule. */
  clockRule?: string | null;
}

const fields = ['name', 'defaultUnitId', 'clockRule'] as const;

/**
 * Renames a category or sets who owns it and its clock. Requests keep their category's code, so
 * a new name shows on old requests too; the owner and the clock apply to what is dispatched from
 * now on (a clock running keeps its limit).
 */
export async function updateCategory(database: Database, actor: StaffActor, code: string, changes: CategoryChanges, now: Date): Promise<CategoryRow> {
  return database.transaction(async (tx) => {
    const [category] = await tx.select().from(hotlineCategories).where(eq(hotlineCategories.code, code)).for('update');
    if (!category) throw requestError('CATEGORY_UNKNOWN', { field: 'code' });
    const after = Object.fromEntries(fields.filter((f) => changes[f] !== undefined && changes[f] !== category[f]).map((f) => [f, changes[f]])) as CategoryChanges;
    if (Object.keys(after).length === 0) throw requestError('CATEGORY_UNCHANGED');
    if (after.name !== undefined) await assertNameFree(tx, category.parentCode, after.name, code);
    await assertOwner(tx, after.defaultUnitId);
    assertClockRule(after.clockRule);
    const [updated] = await tx.update(hotlineCategories).set(after).where(eq(hotlineCategories.code, code)).returning();
    const before = Object.fromEntries(Object.keys(after).map((f) => [f, category[f as (typeof fields)[number]]]));
    await recordSecurityEvent(tx, { kind: 'category_updated', at: now, actorUserId: actor.userId, details: { code, name: category.name, before, after } });
    return updated!;
  });
}

export interface NewCategory {
  parentCode: string;
  name: string;
  defaultUnitId?: number | null;
  clockRule?: string | null;
}

/** Adds a category under a level-1 or level-2 one, numbered after its siblings (parent code + two digits). */
export async function createCategory(database: Database, actor: StaffActor, input: NewCategory, now: Date): Promise<CategoryRow> {
  return database.transaction(async (tx) => {
    const [parent] = await tx.select().from(hotlineCategories).where(eq(hotlineCategories.code, input.parentCode)).for('update');
    if (!parent || parent.level > 2) throw requestError('CATEGORY_PARENT_INVALID', { field: 'parentCode' });
    await assertNameFree(tx, parent.code, input.name);
    await assertOwner(tx, input.defaultUnitId);
    assertClockRule(input.clockRule);
    const siblings = new Set((await tx.select({ code: hotlineCategories.code }).from(hotlineCategories).where(eq(hotlineCategories.parentCode, parent.code))).map((c) => c.code));
    const free = Array.from({ length: 99 }, (_, i) => `${parent.code}${String(i + 1).padStart(2, '0')}`).filter((c) => !siblings.has(c));
    // After the highest sibling, so a code once used is not handed out again.
    const highest = [...siblings].sort().at(-1);
    const code = free.find((c) => !highest || c > highest);
    if (!code) throw requestError('CATEGORY_FULL', { field: 'parentCode' });
    const [created] = await tx.insert(hotlineCategories).values({
      code, name: input.name, level: parent.level + 1, parentCode: parent.code, defaultUnitId: input.defaultUnitId ?? null, clockRule: input.clockRule ?? null,
    }).returning();
    await recordSecurityEvent(tx, {
      kind: 'category_created', at: now, actorUserId: actor.userId,
      details: { code, after: { name: input.name, parentCode: parent.code, defaultUnitId: input.defaultUnitId ?? null, clockRule: input.clockRule ?? null } },
    });
    return created!;
  });
}
