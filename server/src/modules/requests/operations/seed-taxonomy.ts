import type { Db } from '../../../platform/db/database.js';
import { readTaxonomy, type TaxonomyNode } from '../hotline-config.js';
import { hotlineCategories } from '../requests.tables.js';

/**
 * Loads the county's taxonomy into the categories table. `unitFor` names the unit that
 * usually owns a leaf, from the department key in the taxonomy (null: the township of the place).
 */
export async function seedTaxonomy(tx: Db, unitFor: (departmentKey: string) => number | null): Promise<void> {
  const rows: Array<typeof hotlineCategories.$inferInsert> = [];
  const walk = (nodes: TaxonomyNode[], level: number, parentCode: string | null) => {
    for (const n of nodes) {
      const defaultUnitId = n.defaultDepartment && n.defaultDepartment !== 'township' ? unitFor(n.defaultDepartment) : null;
      rows.push({ code: n.code, name: n.name, level, parentCode, clockRule: n.clockRule ?? null, defaultUnitId });
      if (n.children) walk(n.children, level + 1, n.code);
    }
  };
  walk(readTaxonomy().categories, 1, null);
  for (let i = 0; i < rows.length; i += 200) await tx.insert(hotlineCategories).values(rows.slice(i, i + 200));
}
