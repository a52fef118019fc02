import type { Db } from '../../platform/db/database.js';

/**
 * Words citizens use for a category beyond its name ("路灯" for 基础设施), from other modules
 * that know them — the duty lists' keywords — without the hotline depending on those modules.
 */
export type CategoryTermFinder = (tx: Db, term: string) => Promise<string[]>;

const finders: CategoryTermFinder[] = [];

export function registerCategoryTerms(finder: CategoryTermFinder): void {
  if (!finders.includes(finder)) finders.push(finder);
}

/** Category codes some registered source files under this word. */
export async function categoriesForTerm(tx: Db, term: string): Promise<string[]> {
  return (await Promise.all(finders.map((find) => find(tx, term)))).flat();
}
