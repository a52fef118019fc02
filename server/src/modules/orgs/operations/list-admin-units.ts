import { like, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { units } from '../orgs.tables.js';
import { unitKindLabel, unitKinds } from '../rules/unit-kinds.js';
import type { UnitManager } from './unit-scope.js';

/** The administrator's subtree as the unit page shows it: merged units too, with the accounts at each. */
export async function listAdminUnits(tx: Db, manager: UnitManager) {
  const rows = await tx
    .select({
      id: units.id, parentId: units.parentId, name: units.name, shortName: units.shortName, kind: units.kind, regionCode: units.regionCode,
      mergedIntoId: units.mergedIntoId, mergedAt: units.mergedAt,
      accounts: sql<number>`(select count(*)::int from users u where u.unit_id = ${units.id})`,
    })
    .from(units)
    .where(like(units.path, `${manager.scopePath}%`))
    .orderBy(units.id);
  return {
    scopeUnitId: manager.scopeUnitId,
    units: rows.map((u) => ({ ...u, kindLabel: unitKindLabel(u.kind), mergedAt: u.mergedAt?.toISOString() ?? null, accounts: Number(u.accounts) })),
    kinds: unitKinds().map((k) => ({ kind: k.kind, label: k.label, parents: k.parents, addable: k.addable })),
  };
}
