import { and, eq, inArray, isNotNull, isNull, like } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { roleGrants, units, users } from './orgs.tables.js';
import type { RoleGrant } from '../../platform/actor.js';

export type UnitRow = typeof units.$inferSelect;
export type UserRow = typeof users.$inferSelect;

export async function findUnit(tx: Db, id: number): Promise<UnitRow | undefined> {
  const [row] = await tx.select().from(units).where(eq(units.id, id));
  return row;
}

export async function findUnits(tx: Db, ids: number[]): Promise<Map<number, UnitRow>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.select().from(units).where(inArray(units.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function findUnitByKey(tx: Db, key: string): Promise<UnitRow | undefined> {
  const [row] = await tx.select().from(units).where(eq(units.key, key));
  return row;
}

export async function findUnitByRegion(tx: Db, regionCode: string): Promise<UnitRow | undefined> {
  const [row] = await tx.select().from(units).where(eq(units.regionCode, regionCode));
  return row;
}

/** Every unit whose path starts with the given scope path (the unit and its subtree). */
export async function listUnitsInScope(tx: Db, scopePath: string): Promise<UnitRow[]> {
  return tx.select().from(units).where(like(units.path, `${scopePath}%`)).orderBy(units.id);
}

/**
 * The standing units of these kinds within a subtree, in id order (the departments and townships a
 * center dispatches to). A unit merged into another is history and receives no work.
 */
export async function listUnitsOfKinds(tx: Db, scopePath: string, kinds: readonly string[]): Promise<UnitRow[]> {
  if (kinds.length === 0) return [];
  return tx.select().from(units)
    .where(and(like(units.path, `${scopePath}%`), inArray(units.kind, [...kinds]), isNull(units.mergedIntoId)))
    .orderBy(units.id);
}

export async function findUserByUsername(tx: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await tx.select().from(users).where(eq(users.username, username));
  return row;
}

export async function findUser(tx: Db, id: number): Promise<UserRow | undefined> {
  const [row] = await tx.select().from(users).where(eq(users.id, id));
  return row;
}

export async function findUsers(tx: Db, ids: number[]): Promise<Map<number, UserRow>> {
  const wanted = [...new Set(ids.filter((id) => id > 0))];
  if (wanted.length === 0) return new Map();
  const rows = await tx.select().from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The module roles granted to an account, each with the path of the unit it is held for. */
export async function grantsOf(tx: Db, userId: number): Promise<RoleGrant[]> {
  return tx
    .select({ role: roleGrants.role, unitId: roleGrants.unitId, unitPath: units.path })
    .from(roleGrants)
    .innerJoin(units, eq(units.id, roleGrants.unitId))
    .where(eq(roleGrants.userId, userId))
    .orderBy(roleGrants.role, roleGrants.unitId);
}

/**
 * Each merged unit with the unit that carries on its work now (following merges of merges), so
 * what still names it (a trained model's labels, a township's region) reaches a live unit.
 */
export async function survivorsOfMerged(tx: Db): Promise<Map<number, number>> {
  const rows = await tx.select({ id: units.id, into: units.mergedIntoId }).from(units).where(isNotNull(units.mergedIntoId));
  const into = new Map(rows.map((r) => [r.id, r.into!]));
  const survivors = new Map<number, number>();
  for (const id of into.keys()) {
    let at = id;
    for (let hops = 0; into.has(at) && hops < 100; hops++) at = into.get(at)!;
    survivors.set(id, at);
  }
  return survivors;
}
