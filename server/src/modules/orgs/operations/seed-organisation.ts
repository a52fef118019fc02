import type { Db } from '../../../platform/db/database.js';
import type { StaffRole } from '../../../platform/actor.js';
import type { DemoCountyFile, DivisionsFile } from '../orgs.data.js';
import { regions, units, users } from '../orgs.tables.js';
import { childPath } from '../rules/scope.js';

type NewUnit = typeof units.$inferInsert;

export interface SeededOrganisation {
  governmentId: number;
  centerId: number;
  departmentIds: Map<string, number>;
  townshipIds: Map<string, number>;
  communityIds: Map<string, number>;
  /** The grids of each community, by the community's region code. */
  gridIds: Map<string, number[]>;
  unitCount: number;
}

/**
 * Builds one county's unit tree: the government at the root; the hotline center,
 * the departments and the townships under it; communities (村/社区) under townships;
 * grids under communities. Regions come from the divisions file, never by hand.
 */
export async function seedOrganisation(tx: Db, divisions: DivisionsFile, county: DemoCountyFile): Promise<SeededOrganisation> {
  const rows: NewUnit[] = [];
  let nextId = 1;
  const add = (parent: NewUnit | null, fields: Omit<NewUnit, 'id' | 'path' | 'parentId'>): NewUnit => {
    const id = nextId++;
    const unit: NewUnit = { ...fields, id, parentId: parent?.id ?? null, path: childPath(parent?.path ?? '/', id) };
    rows.push(unit);
    return unit;
  };
  const government = add(null, { name: `${divisions.county.name}人民政府`, shortName: county.government?.shortName ?? null, kind: 'government', key: 'government', regionCode: divisions.county.code });
  const center = add(government, { name: county.center.name, kind: 'center', key: county.center.key });
  const departmentIds = new Map<string, number>();
  for (const d of county.departments) {
    departmentIds.set(d.key, add(government, { name: d.name, shortName: d.shortName ?? null, kind: 'department', key: d.key }).id!);
  }
  const townshipIds = new Map<string, number>();
  const communityIds = new Map<string, number>();
  const gridIds = new Map<string, number[]>();
  const gridsPer = county.grids?.perCommunity ?? 0;
  const gridName = county.grids?.namePattern ?? '第{n}网格';
  for (const t of divisions.townships) {
    const township = add(government, { name: t.name, kind: 'township', regionCode: t.code, key: `township:${t.code}` });
    townshipIds.set(t.code, township.id!);
    for (const v of t.villages) {
      const community = add(township, { name: v.name, kind: 'community', regionCode: v.code });
      communityIds.set(v.code, community.id!);
      const grids: number[] = [];
      for (let g = 1; g <= gridsPer; g++) grids.push(add(community, { name: `${v.name}${gridName.replace('{n}', String(g))}`, kind: 'grid' }).id!);
      gridIds.set(v.code, grids);
    }
  }

  await tx.insert(regions).values({ code: divisions.county.code, name: divisions.county.name, level: 'county', parentCode: null });
  for (const t of divisions.townships) {
    await tx.insert(regions).values({ code: t.code, name: t.name, level: 'township', parentCode: divisions.county.code });
    if (t.villages.length) {
      await tx.insert(regions).values(t.villages.map((v) => ({ code: v.code, name: v.name, level: 'village' as const, parentCode: t.code })));
    }
  }
  for (let i = 0; i < rows.length; i += 500) await tx.insert(units).values(rows.slice(i, i + 500));
  return { governmentId: government.id!, centerId: center.id!, departmentIds, townshipIds, communityIds, gridIds, unitCount: rows.length };
}

export interface NewUser {
  username: string;
  displayName: string;
  role: StaffRole;
  unitId: number;
  scopeUnitId: number;
  passwordHash: string;
}

export async function insertUsers(tx: Db, list: NewUser[]): Promise<void> {
  let id = 1;
  await tx.insert(users).values(list.map((u) => ({ ...u, id: id++ })));
}
