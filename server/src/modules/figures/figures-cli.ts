// `fazhi stats --module <module> --from … --to … [--unit …] [--json]`: a module's figures, each
// with its numerator and denominator.
import type { Database } from '../../platform/db/database.js';
import { findModule } from '../cases/index.js';
import { FIGURES_CLI_TEXT as T } from './figures.strings.js';
import { figureSetOf, registeredFigureSets } from './figures-registry.js';
import { computeFigures, type FigureScope } from './operations/compute-figures.js';
import { validDay } from './rules/period.js';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function runFiguresCommand(database: Database, args: string[], today: string): Promise<{ exitCode: number; output: string }> {
  const moduleName = option(args, '--module') ?? '';
  const set = figureSetOf(moduleName);
  if (!set) return { exitCode: 2, output: T.unknownModule(moduleName, registeredFigureSets().map((s) => s.module)) };
  const to = option(args, '--to') ?? today;
  const from = option(args, '--from') ?? `${to.slice(0, 4)}-01-01`;
  if (!validDay(from) || !validDay(to) || from > to) return { exitCode: 2, output: T.badPeriod };
  let scope: FigureScope = 'all';
  let scopeName: string = T.wholeTree;
  const unitArg = option(args, '--unit');
  if (unitArg) {
    const found = await database.backend.query(
      `select name, path from units where key = $1 or region_code = $1 or id::text = $1 order by (key = $1) desc, id limit 1`,
      [unitArg],
      'object',
    );
    const unit = found.rows[0] as { name: string; path: string } | undefined;
    if (!unit) return { exitCode: 2, output: T.unknownUnit(unitArg) };
    scope = { paths: [unit.path] };
    scopeName = unit.name;
  }
  const report = await computeFigures(database, set, { from, to }, scope);
  if (args.includes('--json')) return { exitCode: 0, output: JSON.stringify({ ...report, scope: scopeName }, null, 2) };
  const lines = [T.heading(findModule(moduleName)?.label ?? moduleName, scopeName, from, to)];
  for (const f of report.figures) lines.push(T.line(f.label, f.display, f.numerator, f.denominator));
  for (const b of report.breakdowns) {
    lines.push(T.breakdown(b.label));
    for (const row of b.rows) lines.push(T.row(row.label, Object.values(row.figures).map((f) => `${f.label} ${f.display}`).join('，')));
  }
  return { exitCode: 0, output: lines.join('\n') };
}
