import type { Database } from '../../../platform/db/database.js';
import type { Breakdown, FigureDefinition, FigureSet, Measure } from '../figure-set.js';
import { figureValue, type FigureValue } from '../rules/display.js';

export interface Period {
  from: string;
  to: string;
}

/** Whose cases count: every case, or those placed (by the set's scope columns) in these subtrees. */
export type FigureScope = 'all' | { paths: readonly string[] };

export interface ComputedFigure extends FigureValue {
  key: string;
  label: string;
  kind: FigureDefinition['kind'];
}

export interface BreakdownRow {
  value: string | null;
  label: string;
  figures: Record<string, ComputedFigure>;
}

export interface FigureReport {
  module: string;
  period: Period;
  figures: ComputedFigure[];
  breakdowns: Array<{ key: string; label: string; rows: BreakdownRow[] }>;
}

/**
 * Counts a module's figures over a period from its facts, in one pass for the figures and one
 * per breakdown. Every number is a count or a sum of rows a person could list, so each figure
 * is reported with its numerator and denominator.
 */
export async function computeFigures(database: Database, set: FigureSet, period: Period, scope: FigureScope): Promise<FigureReport> {
  const params: unknown[] = [period.from, period.to];
  const measures = new Map<string, string>();
  const aggregate = (m: Measure): string => {
    const id = JSON.stringify(m);
    if (!measures.has(id)) {
      const conditions = [`f.${m.date} between $1 and $2`];
      for (const [column, values] of Object.entries(m.where ?? {})) {
        params.push([...values]);
        conditions.push(`f.${column} = any($${params.length}::text[])`);
      }
      const filter = conditions.join(' and ');
      measures.set(id, m.sum ? `coalesce(sum(f.${m.sum}) filter (where ${filter}), 0)::float8` : `count(*) filter (where ${filter})::int`);
    }
    return measures.get(id)!;
  };
  const select = (figures: readonly FigureDefinition[]) =>
    figures.flatMap((f) => [`${aggregate(f.numerator)} as "${f.key}:n"`, ...(f.denominator ? [`${aggregate(f.denominator)} as "${f.key}:d"`] : [])]);
  const where = scopeCondition(set, scope, params);
  const read = (row: Record<string, unknown>, f: FigureDefinition): ComputedFigure => ({
    key: f.key,
    label: f.label,
    kind: f.kind,
    ...figureValue(f.kind, Number(row[`${f.key}:n`]), f.denominator ? Number(row[`${f.key}:d`]) : null, f.decimals, f.unit),
  });

  const totals = (await database.backend.query(`select ${select(set.figures).join(', ')} from (${set.facts}) f where ${where}`, params, 'object')).rows[0] as Record<string, unknown>;
  const figures = set.figures.map((f) => read(totals, f));
  const breakdowns = [];
  for (const b of set.breakdowns ?? []) {
    const chosen = b.figures.map((key) => set.figures.find((f) => f.key === key)!);
    const rows = (await database.backend.query(
      // Every figure's aggregate, so the statement uses each parameter the totals did.
      `select f.${b.column}::text as "group", ${select(set.figures).join(', ')} from (${set.facts}) f where ${where} group by f.${b.column}`,
      params,
      'object',
    )).rows as Array<Record<string, unknown>>;
    breakdowns.push({ key: b.key, label: b.label, rows: orderRows(b, rows.map((row) => groupRow(b, row, chosen, read))) });
  }
  return { module: set.module, period, figures, breakdowns };
}

function groupRow(b: Breakdown, row: Record<string, unknown>, chosen: FigureDefinition[], read: (row: Record<string, unknown>, f: FigureDefinition) => ComputedFigure): BreakdownRow {
  const value = (row.group as string | null) ?? null;
  return { value, label: value === null ? '—' : (b.valueLabels?.[value] ?? value), figures: Object.fromEntries(chosen.map((f) => [f.key, read(row, f)])) };
}

/** Groups with nothing in the period are left out; a ranking puts the highest first, ties by label. */
function orderRows(b: Breakdown, rows: BreakdownRow[]): BreakdownRow[] {
  const present = rows.filter((r) => Object.values(r.figures).some((f) => f.numerator > 0 || (f.denominator ?? 0) > 0));
  const by = b.rankBy ?? b.figures[0]!;
  return present.sort((x, y) => (y.figures[by]!.value ?? -1) - (x.figures[by]!.value ?? -1) || x.label.localeCompare(y.label, 'zh'));
}

function scopeCondition(set: FigureSet, scope: FigureScope, params: unknown[]): string {
  if (scope === 'all') return 'true';
  if (scope.paths.length === 0) return 'false';
  params.push(scope.paths.map((p) => `${p}%`));
  const paths = `$${params.length}::text[]`;
  return `(${set.scopeColumns.map((c) => `f.${c} in (select id from units where path like any(${paths}))`).join(' or ')})`;
}
