import type { Db } from '../../platform/db/database.js';

/** The units the duty lists name for a category: departments by id, and whether the township of the place has a part. */
export interface CategoryUnits {
  unitIds: number[];
  township: boolean;
}

/**
 * What another module (the duty lists) knows about the hotline's categories, without the hotline
 * depending on it: the words citizens use for a category beyond its name ("路灯" for 基础设施),
 * and who answers for it.
 */
export interface CategorySource {
  categoriesForTerm(tx: Db, term: string): Promise<string[]>;
  unitsForCategory(tx: Db, categoryCode: string): Promise<CategoryUnits>;
}

const sources: CategorySource[] = [];

export function registerCategorySource(source: CategorySource): void {
  if (!sources.includes(source)) sources.push(source);
}

/** Category codes some registered source files under this word. */
export async function categoriesForTerm(tx: Db, term: string): Promise<string[]> {
  return (await Promise.all(sources.map((s) => s.categoriesForTerm(tx, term)))).flat();
}

/** Every unit some registered source names for this category (none when nothing is registered). */
export async function unitsForCategory(tx: Db, categoryCode: string | null): Promise<CategoryUnits> {
  if (!categoryCode) return { unitIds: [], township: false };
  const found = await Promise.all(sources.map((s) => s.unitsForCategory(tx, categoryCode)));
  return { unitIds: [...new Set(found.flatMap((f) => f.unitIds))], township: found.some((f) => f.township) };
}
