// `fazhi duties import --power file [--township file]`: a county loads its own lists.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { CLI_TEXT, LIST_LABELS } from './duties.strings.js';
import { replaceDutyList } from './operations/duty-store.js';
import { readDutyFile } from './operations/read-duty-file.js';
import type { DutyList } from './rules/duty-rows.js';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function runDutiesCommand(database: Database, args: string[]): Promise<{ exitCode: number; output: string }> {
  const files: Array<[DutyList, string]> = [];
  for (const list of ['power', 'township'] as const) {
    const path = option(args, `--${list}`);
    if (path) files.push([list, path]);
  }
  if (args[0] !== 'import' || files.length === 0) return { exitCode: 2, output: CLI_TEXT.usage };
  const lines: string[] = [];
  try {
    for (const [list, path] of files) {
      const bytes = readFileSync(path);
      const file = { fileName: basename(path), sha256: createHash('sha256').update(bytes).digest('hex'), records: await readDutyFile(basename(path), bytes) };
      const { count } = await replaceDutyList(database, list, file, { actorUserId: null, now: new Date() });
      lines.push(CLI_TEXT.imported(LIST_LABELS[list], count));
    }
    return { exitCode: 0, output: lines.join('\n') };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const problems = (error.details as { problems?: string[] } | undefined)?.problems ?? [];
    return { exitCode: 1, output: [...lines, `${CLI_TEXT.failed}${error.message}`, ...problems].join('\n') };
  }
}
