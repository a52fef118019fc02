import { ClockError, installHolidayFile, runDeadlineCommand, runRulesCommand, shanghaiDay } from './modules/clock/index.js';
import { openPlatformKeyring } from './modules/audit/index.js';
import { ensureFirstCheckpoint, makeCheckpoint, verifyAudit } from './modules/cases/index.js';
import { DOCUMENT_FINDINGS, verifyDocuments } from './modules/documents/index.js';
import { DEMO_COUNTY, initCountyOrganisation, runDemoCommand } from './modules/demo/index.js';
import { runUsersCommand } from './modules/auth/index.js';
import { runDutiesCommand } from './modules/duties/index.js';
import { runEnforcementCommand } from './modules/enforcement/index.js';
import { runFiguresCommand } from './modules/figures/index.js';
import { runReconsiderationCommand } from './modules/reconsideration/index.js';
import { runStatsCommand } from './modules/metrics/index.js';
import { runOpen311Command } from './modules/open311/index.js';
import { runRoutingCommand, trainFromHistory } from './modules/routing/index.js';
import { closeSync, createReadStream, createWriteStream, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeBackup } from './platform/db/backup.js';
import { BackupError } from './platform/db/backup-format.js';
import { BACKUP_ERROR_TEXT } from './platform/db/backup.strings.js';
import { DataDirInUse } from './platform/db/data-dir-lock.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { migrate } from './platform/db/migrate.js';
import { checkBackup, restoreBackup } from './platform/db/restore.js';
import { optionsFromEnv, startServer, witnessFileFor, type ServerOptions } from './server.js';
import { AUDIT_FINDINGS, BACKUP_CLI_TEXT, CLI_HELP, CLI_TEXT, findingPlace } from './cli.strings.js';
import { exitAfterOutput } from './platform/exit-after-output.js';

/** Opens the platform's database (FAZHI_DATA_DIR or DATABASE_URL) for one command. */
async function withDatabase<T>(run: (database: Database, options: ServerOptions) => Promise<T>): Promise<T> {
  const options = optionsFromEnv();
  const database = await openDatabase(options.databaseUrl ? { url: options.databaseUrl } : { dataDir: options.dataDir });
  try {
    await migrate(database);
    await openPlatformKeyring(database, options.keyFile, new Date());
    return await run(database, options);
  } finally {
    await database.close();
  }
}

/**
 * Opens the platform's database as it is, without migrating: a backup reads what is there,
 * a restore builds the schema itself. A backup never creates the embedded data directory.
 */
async function withDatabaseAsIs<T>(purpose: 'backup' | 'restore', run: (database: Database) => Promise<T>): Promise<T> {
  const options = optionsFromEnv();
  if (!options.databaseUrl && purpose === 'backup' && !existsSync(join(options.dataDir, 'PG_VERSION'))) {
    throw new BackupError('BACKUP_DATA_DIR_MISSING', BACKUP_ERROR_TEXT.BACKUP_DATA_DIR_MISSING(options.dataDir));
  }
  const database = await openDatabase(options.databaseUrl ? { url: options.databaseUrl } : { dataDir: options.dataDir });
  try {
    return await run(database);
  } finally {
    await database.close();
  }
}

/** `fazhi backup <file>` and `fazhi backup --check <file>`. The file appears only once complete. */
async function backup(args: string[]): Promise<number> {
  const check = args[0] === '--check';
  const file = check ? args[1] : args[0];
  if (!file || args.length !== (check ? 2 : 1)) {
    console.error(BACKUP_CLI_TEXT.usage);
    return 2;
  }
  const started = performance.now();
  if (check) {
    if (file !== '-' && !existsSync(file)) throw new BackupError('BACKUP_FILE_MISSING', BACKUP_ERROR_TEXT.BACKUP_FILE_MISSING(file));
    const { header, trailer } = await checkBackup(file === '-' ? process.stdin : createReadStream(file));
    console.log(BACKUP_CLI_TEXT.checked(trailer.tables.length, trailer.tables.reduce((n, t) => n + t.rows, 0), header.createdAt, header.database, header.migrations.length));
    return 0;
  }
  let summary;
  if (file === '-') summary = await withDatabaseAsIs('backup', (database) => writeBackup(database, process.stdout));
  else {
    if (existsSync(file)) throw new BackupError('BACKUP_FILE_EXISTS', BACKUP_ERROR_TEXT.BACKUP_FILE_EXISTS(file));
    const partial = `${file}.partial`;
    try {
      // Citizens' names, phones and photos: readable by the backup's owner only.
      summary = await withDatabaseAsIs('backup', (database) => writeBackup(database, createWriteStream(partial, { mode: 0o600 })));
      const fd = openSync(partial, 'r');
      fsyncSync(fd);
      closeSync(fd);
      renameSync(partial, file);
    } finally {
      rmSync(partial, { force: true });
    }
  }
  const rows = summary.trailer.tables.reduce((n, t) => n + t.rows, 0);
  const report = BACKUP_CLI_TEXT.backedUp(summary.trailer.tables.length, rows, file === '-' ? '标准输出' : file, file === '-' ? 0 : statSync(file).size, (performance.now() - started) / 1000);
  (file === '-' ? console.error : console.log)(report);
  return 0;
}

/** `fazhi restore <file>`: into an empty database only; all or nothing. */
async function restore(args: string[]): Promise<number> {
  const file = args[0];
  if (!file || args.length !== 1) {
    console.error(BACKUP_CLI_TEXT.usage);
    return 2;
  }
  if (file !== '-' && !existsSync(file)) throw new BackupError('BACKUP_FILE_MISSING', BACKUP_ERROR_TEXT.BACKUP_FILE_MISSING(file));
  const report = await withDatabaseAsIs('restore', (database) => restoreBackup(database, file === '-' ? process.stdin : createReadStream(file)));
  console.log(BACKUP_CLI_TEXT.restored(report.trailer.tables.length, report.trailer.tables.reduce((n, t) => n + t.rows, 0), report.seconds));
  console.log(BACKUP_CLI_TEXT.migrated(report.header.migrations.length, report.migrationsAfter));
  console.log(BACKUP_CLI_TEXT.nextSteps);
  return 0;
}

/** A refusal prints its code and exits 2: nothing was changed. */
async function refusals(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof BackupError || error instanceof DataDirInUse)) throw error;
    console.error(BACKUP_CLI_TEXT.error(error.message, error.code));
    return 2;
  }
}

async function trainRoutingFromHistory(): Promise<number> {
  return withDatabase(async (database) => {
    const report = await trainFromHistory(database, new Date());
    if (report.unitLabels === 0 && report.categoryLabels === 0) {
      console.error(CLI_TEXT.nothingToLearn);
      return 1;
    }
    console.log(CLI_TEXT.historyTrained(report.rows, report.unitLabels, report.categoryLabels, report.seconds));
    return 0;
  });
}

async function auditVerify(json: boolean): Promise<number> {
  return withDatabase(async (database, options) => {
    const report = await verifyAudit(database, { witnessFile: witnessFileFor(options.keyFile) });
    // A case's files and documents must be what its chain recorded of them.
    const files = await verifyDocuments(database);
    const findings = [...report.findings, ...files.findings];
    if (json) console.log(JSON.stringify({ ...report, attachments: files.attachments, documents: files.documents, findings, seconds: report.seconds + files.seconds }, null, 2));
    else {
      console.log(CLI_TEXT.auditSummary(report.cases, report.events, report.seconds));
      console.log(report.latestCheckpoint ? CLI_TEXT.auditCheckpoint(report.latestCheckpoint.seq, report.latestCheckpoint.coveredEvents) : CLI_TEXT.auditNoCheckpoint);
      console.log(CLI_TEXT.auditFiles(files.attachments, files.documents));
      for (const f of findings) console.log(CLI_TEXT.auditFinding(findingPlace(f), AUDIT_FINDINGS[f.reason] ?? DOCUMENT_FINDINGS[f.reason] ?? f.reason, f.detail));
      console.log(findings.length ? CLI_TEXT.auditFailed(findings.length) : CLI_TEXT.auditOk);
    }
    return findings.length ? 1 : 0;
  });
}

async function auditCheckpoint(): Promise<number> {
  return withDatabase(async (database, options) => {
    const options_ = { witnessFile: witnessFileFor(options.keyFile) };
    const made = (await ensureFirstCheckpoint(database, new Date(), options_)) ?? (await makeCheckpoint(database, new Date(), options_));
    console.log(made ? CLI_TEXT.checkpointMade(made.seq, made.events) : CLI_TEXT.checkpointSkipped);
    return made ? 0 : 1;
  });
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // Every command computes limits with the county's holiday file too (the server installs it itself).
  const holidaysFile = process.env.FAZHI_HOLIDAYS_FILE;
  if (holidaysFile && command !== 'serve') {
    try {
      installHolidayFile(holidaysFile);
    } catch (error) {
      if (!(error instanceof ClockError)) throw error;
      console.error(error.message);
      return 2;
    }
  }
  switch (command) {
    case 'serve': {
      const server = await startServer(optionsFromEnv());
      const stop = () => void server.close().then(() => process.exit(0));
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
      return -1;
    }
    case 'deadline':
    case 'rules': {
      const result = command === 'deadline' ? runDeadlineCommand(rest) : runRulesCommand(rest);
      (result.exitCode === 0 ? process.stdout : process.stderr).write(`${result.output}\n`);
      return result.exitCode;
    }
    case 'routing': {
      if (rest[0] === 'train' && !rest.includes('--from')) return trainRoutingFromHistory();
      const result = await runRoutingCommand(rest, withDatabase);
      (result.exitCode === 0 ? process.stdout : process.stderr).write(`${result.output}\n`);
      return result.exitCode;
    }
    case 'duties': {
      const result = await withDatabase((database) => runDutiesCommand(database, rest));
      (result.exitCode === 0 ? process.stdout : process.stderr).write(`${result.output}\n`);
      return result.exitCode;
    }
    case 'stats': {
      // A module's own figures; without --module, the hotline's dashboard figures as before.
      const result = await withDatabase((database) =>
        rest.includes('--module') ? runFiguresCommand(database, rest, shanghaiDay(new Date())) : runStatsCommand(database, rest, new Date()));
      (result.exitCode === 0 ? process.stdout : process.stderr).write(`${result.output}\n`);
      return result.exitCode;
    }
    case 'xzfy': {
      const result = await withDatabase((database) => runReconsiderationCommand(database, rest, new Date()));
      (result.exitCode === 0 ? process.stdout : process.stderr).write(`${result.output}\n`);
      return result.exitCode;
    }
    case 'xzzf': {
      const result = await withDatabase((database) => runEnforcementCommand(database, rest, new Date()));
      (result.exitCode === 0 ? process.stdout : process.stderr).write(`${result.output}\n`);
      return result.exitCode;
    }
    case 'open311': {
      const result = await withDatabase((database) => runOpen311Command(database, rest, new Date()));
      (result.exitCode === 0 ? process.stdout : process.stderr).write(`${result.output}\n`);
      return result.exitCode;
    }
    case 'users': {
      const result = await withDatabase((database) => runUsersCommand(database, rest, new Date()));
      (result.exitCode === 0 ? process.stdout : process.stderr).write(`${result.output}\n`);
      return result.exitCode;
    }
    case 'org':
      if (rest[0] !== 'init') break;
      return withDatabase(async (database) => {
        const county = rest.includes('--county') ? rest[rest.indexOf('--county') + 1]! : DEMO_COUNTY;
        const seeded = await initCountyOrganisation(database, county);
        console.log(seeded ? CLI_TEXT.orgInitialised(seeded.unitCount) : CLI_TEXT.orgExists);
        return seeded ? 0 : 2;
      });
    case 'demo':
      return runDemoCommand(rest, withDatabase, (line) => console.log(line), (line) => console.error(line));
    case 'backup':
      return refusals(() => backup(rest));
    case 'restore':
      return refusals(() => restore(rest));
    case 'audit':
      if (rest[0] === 'verify') return auditVerify(rest.includes('--json'));
      if (rest[0] === 'checkpoint') return auditCheckpoint();
      break;
    case undefined:
    case 'help':
    case '--help':
      console.log(CLI_HELP);
      return 0;
  }
  console.error(CLI_TEXT.unknownCommand(argv.join(' ')));
  console.error(CLI_HELP);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) exitAfterOutput(code);
  },
  (error: unknown) => {
    console.error(error);
    exitAfterOutput(1);
  },
);
