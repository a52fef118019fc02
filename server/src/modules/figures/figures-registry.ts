import type { FigureSet, Measure } from './figure-set.js';

const sets = new Map<string, FigureSet>();
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Registers a module's figures at start-up; names are checked here, so a typo fails at once rather than in a report. */
export function registerFigureSet(set: FigureSet): void {
  const known = sets.get(set.module);
  if (known && known !== set) throw new Error(`figures of ${set.module} registered twice`);
  const columns = (m: Measure) => [m.date, ...Object.keys(m.where ?? {}), ...(m.sum ? [m.sum] : [])];
  const keys = new Set(set.figures.map((f) => f.key));
  for (const column of [
    ...set.scopeColumns,
    ...set.figures.flatMap((f) => [...columns(f.numerator), ...(f.denominator ? columns(f.denominator) : [])]),
    ...(set.breakdowns ?? []).map((b) => b.column),
  ]) {
    if (!IDENTIFIER.test(column)) throw new Error(`figures of ${set.module}: ${column} is not a column name`);
  }
  for (const b of set.breakdowns ?? []) {
    for (const key of [...b.figures, ...(b.rankBy ? [b.rankBy] : [])]) {
      if (!keys.has(key)) throw new Error(`figures of ${set.module}: breakdown ${b.key} names unknown figure ${key}`);
    }
  }
  sets.set(set.module, set);
}

export function figureSetOf(module: string): FigureSet | undefined {
  return sets.get(module);
}

export function registeredFigureSets(): FigureSet[] {
  return [...sets.values()];
}
