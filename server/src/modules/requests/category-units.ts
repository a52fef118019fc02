import type { Db } from '../../platform/db/database.js';

/** The units the duty lists name for a category: departments by id, and whether the township of the place has a part. */
export interface CategoryUnits {
  unitIds: number[];
  township: boolean;
}

/** Looks up, from another module (the duty lists), who answers for a category, without the hotline depending on it. */
export type CategoryUnitFinder = (tx: Db, categoryCode: string) => Promise<CategoryUnits>;

const finders: CategoryUnitFinder[] = [];

export function registerCategoryUnits(finder: CategoryUnitFinder): void {
  if (!finders.includes(finder)) finders.push(finder);
}

/** Every unit some registered source names for this category (none when nothing is registered). */
export async function unitsForCategory(tx: Db, categoryCode: string | null): Promise<CategoryUnits> {
  if (!categoryCode) return { unitIds: [], township: false };
  const found = await Promise.all(finders.map((find) => find(tx, categoryCode)));
  return { unitIds: [...new Set(found.flatMap((f) => f.unitIds))], township: found.some((f) => f.township) };
}
