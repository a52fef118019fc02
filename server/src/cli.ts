import { runDeadlineCommand, runRulesCommand } from './modules/clock/index.js';
import { openPlatformKeyring } from './modules/audit/index.js';
import { ensureFirstCheckpoint, makeCheckpoint, verifyAudit } from './modules/cases/index.js';
import { runDemoCommand } from './modules/demo/index.js';
import { runDutiesCommand } from './modules/duties/index.js';
import { runStatsCommand } from './modules/metrics/index.js';
import { runRoutingCommand, trainFromHistory } from './modules/routing/index.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { migrate } from './platform/db/migrate.js';
import { optionsFromEnv, startServer, witnessFileFor, type ServerOptions } from './server.js';
import { AUDIT_FINDINGS, CLI_HELP, CLI_TEXT, findingPlace } from './cli.strings.js';


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
    if (json) console.log(JSON.stringify(report, null, 2));
    else {
      console.log(CLI_TEXT.auditSummary(report.cases, report.events, report.seconds));
      console.log(report.latestCheckpoint ? CLI_TEXT.auditCheckpoint(report.latestCheckpoint.seq, report.latestCheckpoint.coveredEvents) : CLI_TEXT.auditNoCheckpoint);
      for (const f of report.findings) console.log(CLI_TEXT.auditFinding(findingPlace(f), AUDIT_FINDINGS[f.reason] ?? f.reason, f.detail));
      console.log(report.findings.length ? CLI_TEXT.auditFailed(report.findings.length) : CLI_TEXT.auditOk);
    }
    return report.findings.length ? 1 : 0;
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
      const result = await withDatabase((database) => runStatsCommand(database, rest, new Date()));
      (result.exitCode === 0 ? process.stdout : process.stderr).write(`${result.output}\n`);
      return result.exitCode;
    }
    case 'demo':
      return runDemoCommand(rest, withDatabase, (line) => console.log(line), (line) => console.error(line));
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
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
