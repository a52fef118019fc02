import { and, eq, sql } from 'drizzle-orm';
import { lockInTransaction } from '../../../platform/db/advisory-lock.js';
import type { Database, Db } from '../../../platform/db/database.js';
import { recordSecurityEvent } from '../../../platform/security-log/security-log.js';
import { orgsError } from '../orgs.errors.js';
import { regions, units } from '../orgs.tables.js';
import type { UnitRow } from '../orgs.repository.js';
import { childPath } from '../rules/scope.js';
import { mayPlaceUnder, unitKinds } from '../rules/unit-kinds.js';
import { regionCodeProblem } from '../rules/unit-paths.js';
import { unitInScope, type UnitManager } from './unit-scope.js';

export interface NewUnit {
  parentId: number;
  name: string;
  kind: string;
  shortName?: string | null;
  /** A township's or community's region code (GB/T 2260, 统计用区划代码), if it has one. */
  regionCode?: string | null;
}

export async function assertNameFree(tx: Db, parentId: number, name: string, exceptId?: number): Promise<void> {
  const same = await tx.select({ id: units.id }).from(units)
    .where(and(eq(units.parentId, parentId), eq(units.name, name), sql`${units.mergedIntoId} is null`));
  if (same.some((u) => u.id !== exceptId)) throw orgsError('UNIT_NAME_TAKEN', { field: 'name' });
}

/**
 * A region code for a new or renamed place: it must lie under the parent's region, and no other
 * unit may hold it. A code the divisions do not list yet becomes a region (a new 社区), named
 * as the unit, so intake can offer it.
 */
export async function claimRegion(tx: Db, kind: string, code: string | null, parent: UnitRow, name: string, exceptUnitId?: number): Promise<string | null> {
  if (regionCodeProblem(kind, code, parent.regionCode)) throw orgsError('UNIT_REGION_INVALID', { field: 'regionCode' });
  if (code === null) return null;
  const holders = await tx.select({ id: units.id }).from(units).where(eq(units.regionCode, code));
  if (holders.some((u) => u.id !== exceptUnitId)) throw orgsError('UNIT_REGION_TAKEN', { field: 'regionCode' });
  const [region] = await tx.select().from(regions).where(eq(regions.code, code));
  if (!region) await tx.insert(regions).values({ code, name, level: kind === 'township' ? 'township' : 'village', parentCode: parent.regionCode });
  return code;
}

/** Adds a unit (a new 社区 under its township, a department's office …) within the administrator's subtree. */
export async function addUnit(database: Database, manager: UnitManager, input: NewUnit, now: Date): Promise<UnitRow> {
  return database.transaction(async (tx) => {
    const kind = unitKinds().find((k) => k.kind === input.kind);
    if (!kind?.addable) throw orgsError('UNIT_KIND_NOT_ADDABLE', { field: 'kind' });
    const parent = await unitInScope(tx, manager, input.parentId, { field: 'parentId' });
    if (!mayPlaceUnder(input.kind, parent.kind)) throw orgsError('UNIT_PARENT_KIND', { field: 'parentId' });
    // Changes to the tree take turns: ids are numbered in order, and a subtree is not moved twice at once.
    await lockInTransaction(tx, 'fazhi.orgs.unit-tree');
    await assertNameFree(tx, parent.id, input.name);
    const regionCode = await claimRegion(tx, input.kind, input.regionCode ?? null, parent, input.name);
    const [{ next } = { next: 1 }] = await tx.select({ next: sql<number>`coalesce(max(${units.id}), 0) + 1` }).from(units);
    const id = Number(next);
    const [created] = await tx.insert(units).values({
      id, parentId: parent.id, path: childPath(parent.path, id), name: input.name, shortName: input.shortName ?? null, kind: input.kind,
      key: input.kind === 'township' && regionCode ? `township:${regionCode}` : null, regionCode,
    }).returning();
    await recordSecurityEvent(tx, {
      kind: 'unit_created', at: now, actorUserId: manager.userId,
      details: { unitId: id, unitPath: created!.path, after: { name: input.name, kind: input.kind, parentId: parent.id, shortName: input.shortName ?? null, regionCode } },
    });
    return created!;
  });
}
