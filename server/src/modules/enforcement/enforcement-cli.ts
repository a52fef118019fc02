// `fazhi xzzf import-matters --from <file>`: a county loads its enforcement matters;
// `fazhi xzzf expiring [--days 60]`: the certificates each subject must renew soon.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { shanghaiDay } from '../clock/index.js';
import { readDutyFile } from '../duties/index.js';
import { CLI_TEXT } from './enforcement.strings.js';
import { expiringCertificates } from './operations/certified-officers.js';
import { importMatters } from './operations/matters.js';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function runEnforcementCommand(database: Database, args: string[], now: Date): Promise<{ exitCode: number; output: string }> {
  if (args[0] === 'expiring') {
    const days = Number(option(args, '--days') ?? 60);
    if (!Number.isInteger(days) || days < 0) return { exitCode: 2, output: CLI_TEXT.usage };
    const subjects = await expiringCertificates(database.db, 'all', shanghaiDay(now), days);
    const lines = subjects.flatMap((s) => s.certificates.map((c) => CLI_TEXT.expiring(s.subjectName, c.number, c.officerName, c.validTo, c.daysLeft)));
    return { exitCode: 0, output: lines.length ? lines.join('\n') : CLI_TEXT.noneExpiring(days) };
  }
  const path = option(args, '--from');
  if (args[0] !== 'import-matters' || !path) return { exitCode: 2, output: CLI_TEXT.usage };
  try {
    const bytes = readFileSync(path);
    const file = { fileName: basename(path), sha256: createHash('sha256').update(bytes).digest('hex'), records: await readDutyFile(basename(path), bytes) };
    const result = await importMatters(database, file, { actorUserId: null, now });
    return { exitCode: 0, output: CLI_TEXT.imported(result.count, result.added, result.changed) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const problems = (error.details as { problems?: string[] } | undefined)?.problems ?? [];
    return { exitCode: 1, output: [`${CLI_TEXT.failed}${error.message}`, ...problems].join('\n') };
  }
}
