// `fazhi xzfy import <file.csv|file.xlsx> [--organ <unit>]`: past years' cases into a
// reconsideration organ; a bad row is reported with its line and nothing is imported.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Database } from '../../platform/db/database.js';
import { shanghaiDay } from '../clock/index.js';
import { importReconsiderationCases } from './operations/import-cases.js';
import { IMPORT_REPORT as T, COLUMN_LABELS } from './reconsideration.strings.js';
import { parseReconsiderationImport } from './rules/import-rows.js';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function runReconsiderationCommand(database: Database, args: string[], now: Date): Promise<{ exitCode: number; output: string }> {
  const [command, file] = args;
  if (command !== 'import' || !file || file.startsWith('--')) return { exitCode: 2, output: T.usage };
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return { exitCode: 2, output: T.unreadable(file) };
  }
  const organArg = option(args, '--organ') ?? 'government';
  const found = await database.backend.query(
    `select id from units where kind = 'government' and (key = $1 or id::text = $1 or region_code = $1) order by id limit 1`,
    [organArg],
    'array',
  );
  const organId = (found.rows[0] as [number] | undefined)?.[0];
  if (organId === undefined) return { exitCode: 2, output: T.unknownOrgan(organArg) };
  const parsed = await parseReconsiderationImport({ fileName: basename(file), bytes, today: shanghaiDay(now) });
  if (!parsed.ok) {
    const lines = parsed.errors.map((e) => T.problem(e.line, e.column ? COLUMN_LABELS[e.column] : undefined, e.message, e.code));
    return { exitCode: 2, output: [T.failed(parsed.errors.length), ...lines].join('\n') };
  }
  const report = await importReconsiderationCases(database, organId, parsed.rows, now);
  const lines = [T.organ(report.organName), T.imported(report.imported, report.concluded, report.open)];
  if (report.outsideOrgans.length) lines.push(T.outside(report.outsideOrgans));
  return { exitCode: 0, output: lines.join('\n') };
}
