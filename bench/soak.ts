// npm run soak [-- --minutes 30 --kill-every 3 --intake-rate 3 --record-rate 1]
// Two real app servers on one new PostgreSQL database and one data directory, under a county's
// mixed load for the whole run; every few minutes one of them, in turn, is killed with SIGKILL
// and restarted. Afterwards: is everything acknowledged in the record, and does it verify?
// Figures go to bench/results/soak-postgres.json (docs/deployment-multi-server.md, section 9).
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { repoPath } from '../server/src/platform/repo-path.js';
import { freshDatabaseUrl } from '../server/test/fresh-database-url.js';
import { machine } from './bench-kit.js';
import { SoakClient } from './soak/client.js';
import { Cluster } from './soak/cluster.js';
import { soakFigures, AFTER_KILL_MS, type Kill } from './soak/figures.js';
import { Ledger } from './soak/ledger.js';
import { Load, type LoadRates } from './soak/load.js';
import { checkKey, checkRecord, findLost } from './soak/verify.js';
import { readWorld } from './soak/world.js';

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '30' },
    'kill-every': { type: 'string' },
    'intake-rate': { type: 'string', default: '3' },
    'record-rate': { type: 'string', default: '1' },
    'database-url': { type: 'string' },
  },
});
const minutes = Number(args.minutes);
// A short run still sees kills: at every third of it.
const killEveryMinutes = Number(args['kill-every'] ?? (minutes >= 6 ? 3 : minutes / 3));
const rates: LoadRates = {
  intakePerSecond: Number(args['intake-rate']),
  recordPerSecond: Number(args['record-rate']),
  publicWorkflowShare: 0.3,
  readEverySeconds: 2,
  shares: { merge: 0.06, return: 0.05, dissatisfied: 0.1 },
};
/** Kills come up to this long after each period's start. */
const KILL_JITTER_MS = 10_000;
const settings = { minutes, killEveryMinutes, ...rates, demoRequests: 100, sweepSeconds: 5, checkpointSeconds: 5 };

async function main(): Promise<number> {
  const serverUrl = args['database-url'] ?? process.env.FAZHI_SOAK_DATABASE_URL ?? process.env.FAZHI_BENCH_DATABASE_URL ?? process.env.FAZHI_TEST_DATABASE_URL;
  if (!serverUrl) {
    console.error('The soak needs a PostgreSQL server: --database-url or FAZHI_SOAK_DATABASE_URL (a new database is created on it).');
    return 2;
  }
  if (!(minutes > 0 && killEveryMinutes > 0 && rates.intakePerSecond > 0 && rates.recordPerSecond > 0)) {
    console.error('--minutes, --kill-every, --intake-rate and --record-rate must be positive numbers.');
    return 2;
  }
  const workDir = mkdtempSync(join(tmpdir(), 'fazhi-soak-'));
  const dataDir = join(workDir, 'data');
  const database = await freshDatabaseUrl(serverUrl);
  const env = {
    DATABASE_URL: database.url,
    FAZHI_DATA_DIR: dataDir,
    FAZHI_DEMO_REQUESTS: String(settings.demoRequests),
    FAZHI_SWEEP_SECONDS: String(settings.sweepSeconds),
    FAZHI_AUDIT_CHECKPOINT_SECONDS: String(settings.checkpointSeconds),
    FAZHI_LOG: '1',
  };
  let loadStart = performance.now();
  const now = () => performance.now() - loadStart;
  const cluster = new Cluster(env, workDir, now);
  let passed = false;
  try {
    console.log(`soak: ${minutes} min, a kill every ${killEveryMinutes} min; servers and logs in ${workDir}`);
    await cluster.start();
    const keyFile = join(dataDir, 'fazhi.key');
    const keyId = (JSON.parse(readFileSync(keyFile, 'utf8')) as { id: string }).id;
    const ledger = new Ledger();
    const client = new SoakClient(cluster, ledger, now);
    const world = await readWorld(client);
    const load = new Load(client, ledger, world, rates);

    const durationMs = minutes * 60_000;
    const kills: Kill[] = [];
    let killing: Promise<void> | null = null;
    loadStart = performance.now();
    load.start();
    // One server at a time, in turn, a few seconds into its period so kills fall at any phase of
    // the 5 s sweeps and checkpoints, and only while the restart and its 30 s window fit in the run.
    const killTimer = setInterval(() => void sleep(Math.random() * KILL_JITTER_MS).then(() => {
      if (killing || now() + AFTER_KILL_MS + 15_000 > durationMs) return;
      const server = cluster.servers[kills.length % cluster.servers.length]!;
      killing = cluster.killAndRestart(server).then((death) => {
        kills.push({ server: server.name, killedAt: death.killedAt, readyAt: death.readyAt! });
        console.log(`  ${(death.killedAt / 1000).toFixed(0)} s: killed ${server.name}, answering again after ${((death.readyAt! - death.killedAt) / 1000).toFixed(1)} s`);
      }).finally(() => (killing = null));
    }), killEveryMinutes * 60_000);
    const progress = setInterval(() => {
      console.log(`  ${(now() / 60_000).toFixed(0)} min: ${ledger.requests.length} requests, ${ledger.actions.length + ledger.ratings.length} actions acknowledged; ` +
        `${load.workflow.open} cases under way; 5xx ${ledger.serverErrors.length}, cut by kills ${ledger.killed.length}, survivor failures ${ledger.survivorFailures.length}`);
    }, 60_000);
    await sleep(durationMs);
    clearInterval(killTimer);
    clearInterval(progress);
    await killing;
    await load.stop();
    await client.drain();
    const ranMs = now();
    await cluster.stop();

    console.log('both servers stopped; checking the record …');
    const lost = await findLost(database.url, ledger);
    const record = await checkRecord({ DATABASE_URL: database.url, FAZHI_DATA_DIR: dataDir });
    const key = await checkKey(database.url, keyFile, keyId);
    const figures = soakFigures(ledger, kills, ranMs);
    const loggedErrors = countLoggedErrors(workDir);
    const lostTotal = lost.requests.length + lost.actions.length + lost.ratings.length;
    const auditOk = record.audit.exitCode === 0 && record.audit.findings.length === 0;
    const statsOk = record.stats.exitCode === 0 && record.stats.differences.length === 0;
    passed = lostTotal === 0 && figures.serverErrors.fromServerNotBeingKilled === 0 && figures.survivorFailures.total === 0 && auditOk && statsOk && key.ok;

    const result = {
      measuredAt: new Date().toISOString(),
      machine: machine(),
      database: 'postgres',
      settings,
      passed,
      ...figures,
      lost: { total: lostTotal, requests: lost.requests.length, actions: lost.actions.length, ratings: lost.ratings.length, samples: [...lost.requests, ...lost.actions, ...lost.ratings].slice(0, 20) },
      auditVerify: { ok: auditOk, checkpointsMade: record.checkpoints.map((c) => c.stdout.trim() || c.stderr.trim()), ...record.audit },
      statsVerify: { ok: statsOk, ...record.stats },
      platformKey: key,
      loggedErrors,
    };
    const outDir = repoPath('bench', 'results');
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, 'soak-postgres.json');
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    printSummary(result, file);
    return passed ? 0 : 1;
  } finally {
    await cluster.stop();
    // A failed run keeps its database and logs for whoever looks into it.
    if (passed) {
      await database.drop();
      rmSync(workDir, { recursive: true, force: true });
    } else console.log(`kept for inspection: database ${database.url}, logs and data in ${workDir}`);
  }
}

/** Errors the servers logged (pino level 50 and above), by log file. */
function countLoggedErrors(workDir: string): Record<string, { count: number; samples: string[] }> {
  const out: Record<string, { count: number; samples: string[] }> = {};
  for (const name of readdirSync(workDir).filter((n) => n.endsWith('.log'))) {
    const lines = readFileSync(join(workDir, name), 'utf8').split('\n').filter((l) => /"level":(50|60)/.test(l));
    out[name] = { count: lines.length, samples: lines.slice(0, 5).map((l) => l.slice(0, 1000)) };
  }
  return out;
}

function printSummary(r: any, file: string): void {
  const lat = (x: { p50ms: number; p99ms: number; n: number }) => `p50 ${x.p50ms} ms, p99 ${x.p99ms} ms (n ${x.n})`;
  console.log(`\nsoak ${r.passed ? 'PASSED' : 'FAILED'}: ${(r.durationSeconds / 60).toFixed(1)} min, ${r.kills.length} kills (${r.kills.map((k: any) => `${k.server} down ${k.downSeconds} s`).join(', ')})`);
  console.log(`  acknowledged: ${r.acknowledged.requests.total} requests (${r.acknowledged.requestsPerMinute.mean}/min), ${r.acknowledged.actions.total} actions (${r.acknowledged.actionsPerMinute.mean}/min)`);
  console.log(`  intake   ${lat(r.latency.intake.outsideKillWindows)} outside kill windows; ${lat(r.latency.intake.in30sAfterKills)} in the 30 s after kills`);
  console.log(`  actions  ${lat(r.latency.actions.outsideKillWindows)} outside kill windows; ${lat(r.latency.actions.in30sAfterKills)} in the 30 s after kills`);
  console.log(`  5xx ${r.serverErrors.total} (A ${r.serverErrors.byServer.A}, B ${r.serverErrors.byServer.B}; from a server not being killed: ${r.serverErrors.fromServerNotBeingKilled}); ` +
    `cut by kills ${r.requestsCutByKills.total}; resets or timeouts on a surviving server ${r.survivorFailures.total}`);
  console.log(`  lost acknowledgements: ${r.lost.total}; audit verify: ${r.auditVerify.ok ? 'no findings' : `${r.auditVerify.findings.length} findings ${r.auditVerify.error ?? ''}`}; ` +
    `stats verify: ${r.statsVerify.ok ? 'no differences' : `${r.statsVerify.differences.length} differences ${r.statsVerify.error ?? ''}`}; platform key ${r.platformKey.ok ? 'one, shared' : 'NOT the same'}`);
  const logged = Object.entries(r.loggedErrors as Record<string, { count: number }>).map(([f, x]) => `${f} ${x.count}`).join(', ');
  console.log(`  refusals (4xx): ${JSON.stringify(r.refusals)}; abandoned cases ${r.abandonedStories.total}; errors logged: ${logged}`);
  console.log(`  → ${file}`);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
