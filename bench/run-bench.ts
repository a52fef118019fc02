// npm run bench: intake throughput through HTTP on the embedded database and on
// PostgreSQL (when FAZHI_BENCH_DATABASE_URL or FAZHI_TEST_DATABASE_URL names a server),
// and audit verification speed. Results go to bench/results/*.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPlatformKeyring } from '../server/src/modules/audit/index.js';
import { verifyAudit } from '../server/src/modules/cases/index.js';
import { openDatabase } from '../server/src/platform/db/database.js';
import { repoPath } from '../server/src/platform/repo-path.js';
import { freshDatabaseUrl } from '../server/test/fresh-database-url.js';
import { startServerProcess, stopServerProcess } from '../server/test/server-process.js';
import { machine, median, percentile, submitRequests } from './bench-kit.js';

const REQUESTS = Number(process.env.FAZHI_BENCH_REQUESTS ?? 6000);
const CONCURRENCY = Number(process.env.FAZHI_BENCH_CONCURRENCY ?? 64);
const ROUNDS = Number(process.env.FAZHI_BENCH_ROUNDS ?? 3);

interface IntakeRound {
  requests: number;
  seconds: number;
  perSecond: number;
  p50ms: number;
  p99ms: number;
  errors: number;
}

async function intakeRound(url: string, count: number): Promise<IntakeRound> {
  const body = (i: number) => JSON.stringify({ content: `第${i}号测试诉求：小区门口路灯不亮，晚上出行不便，请尽快修复。`, townshipCode: '371302001', name: '张先生', phone: '13800000000' });
  const { latenciesMs, errors, seconds } = await submitRequests(url, count, CONCURRENCY, body);
  return { requests: latenciesMs.length, seconds, perSecond: latenciesMs.length / seconds, p50ms: percentile(latenciesMs, 50), p99ms: percentile(latenciesMs, 99), errors };
}

async function benchDatabase(name: 'pglite' | 'postgres', serverUrl: string | null) {
  const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-bench-'));
  const pgTarget = serverUrl ? await freshDatabaseUrl(serverUrl) : null;
  const env = { FAZHI_DATA_DIR: dataDir, FAZHI_DEMO_REQUESTS: '0', ...(pgTarget ? { DATABASE_URL: pgTarget.url } : {}) };
  try {
    const server = await startServerProcess(env);
    const rounds: IntakeRound[] = [];
    try {
      await intakeRound(server.url, Math.min(500, REQUESTS)); // warm-up
      for (let r = 0; r < ROUNDS; r++) rounds.push(await intakeRound(server.url, REQUESTS));
    } finally {
      await stopServerProcess(server);
    }
    const database = await openDatabase(pgTarget ? { url: pgTarget.url } : { dataDir });
    let audit;
    try {
      await openPlatformKeyring(database, join(dataDir, 'fazhi.key'), new Date());
      const reports = [];
      for (let r = 0; r < ROUNDS; r++) reports.push(await verifyAudit(database));
      audit = {
        events: reports[0]!.events,
        cases: reports[0]!.cases,
        findings: reports[0]!.findings.length,
        eventsPerSecondMedian: median(reports.map((x) => x.events / x.seconds)),
        secondsPerRun: reports.map((x) => x.seconds),
      };
    } finally {
      await database.close();
    }
    return {
      database: name,
      intake: {
        concurrency: CONCURRENCY,
        requestsPerRound: REQUESTS,
        rounds,
        perSecondMedian: median(rounds.map((x) => x.perSecond)),
        p50msMedian: median(rounds.map((x) => x.p50ms)),
        p99msMedian: median(rounds.map((x) => x.p99ms)),
        acknowledgedAfterCommit: true,
      },
      audit,
    };
  } finally {
    await pgTarget?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const results = [await benchDatabase('pglite', null)];
  const pgUrl = process.env.FAZHI_BENCH_DATABASE_URL ?? process.env.FAZHI_TEST_DATABASE_URL;
  if (pgUrl) results.push(await benchDatabase('postgres', pgUrl));
  else console.log('No PostgreSQL server given (FAZHI_BENCH_DATABASE_URL): the PostgreSQL figures are not measured.');
  const targets = { pglite: 300, postgres: 1000 };
  const outDir = repoPath('bench', 'results');
  mkdirSync(outDir, { recursive: true });
  for (const r of results) {
    const file = join(outDir, `intake-${r.database}.json`);
    writeFileSync(file, `${JSON.stringify({ measuredAt: new Date().toISOString(), machine: machine(), targetPerSecond: targets[r.database], ...r }, null, 2)}\n`);
    console.log(
      `${r.database}: intake ${r.intake.perSecondMedian.toFixed(0)} req/s (target ≥ ${targets[r.database]}), p50 ${r.intake.p50msMedian.toFixed(1)} ms, p99 ${r.intake.p99msMedian.toFixed(1)} ms; ` +
        `audit ${r.audit.eventsPerSecondMedian.toFixed(0)} events/s over ${r.audit.events} events → ${file}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
