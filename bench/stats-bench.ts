// npm run bench (part): the leaders' view at scale. Reads a database filled by
// `fazhi demo generate` — PostgreSQL at city scale (FAZHI_BENCH_CITY_URL, default the
// fazhi_city10m database beside FAZHI_BENCH_DATABASE_URL) and the embedded database at
// county scale (FAZHI_BENCH_COUNTY_DIR) — and measures the dashboard, the ranking, a
// 10,000-row export, and intake alone and while dashboards are read (by ten leaders each
// opening one every two seconds, and by one reader with no pause). The requests it submits
// are deleted afterwards, so every run reads the same city. Results go to
// bench/results/stats-*.json.
// Targets (issue 4): city dashboard < 1 s, township < 200 ms, monthly ranking < 500 ms,
// 10,000-row export < 5 s, intake ≥ 500 req/s while leaders read.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DateRange } from '../contracts/statistics.js';
import { chinaDate, computeDashboard, computeRanking, drillDownXlsx } from '../server/src/modules/metrics/index.js';
import type { UnitRow } from '../server/src/modules/orgs/index.js';
import { SYSTEM } from '../server/src/platform/actor.js';
import { openDatabase, type Database } from '../server/src/platform/db/database.js';
import { repoPath } from '../server/src/platform/repo-path.js';
import { startServerProcess, stopServerProcess } from '../server/test/server-process.js';
import { machine, median, percentile, submitRequests } from './bench-kit.js';

const RUNS = Number(process.env.FAZHI_BENCH_ROUNDS ?? 5);
const INTAKE_REQUESTS = Number(process.env.FAZHI_BENCH_REQUESTS ?? 6000);
const CONCURRENCY = Number(process.env.FAZHI_BENCH_CONCURRENCY ?? 64);
// Ten leaders each opening a dashboard every two seconds: far more than a city's leaders do.
const LEADERS = { leaders: Number(process.env.FAZHI_BENCH_LEADERS ?? 10), pauseMs: 2000 };


/** The first run (cold) and the median of the next RUNS (warm), in milliseconds. */
async function timed<T>(run: () => Promise<T>): Promise<{ firstMs: number; medianMs: number; runsMs: number[] }> {
  const once = async () => {
    const t0 = performance.now();
    const result = await run();
    JSON.stringify(result); // what the route would send
    return performance.now() - t0;
  };
  const firstMs = await once();
  const runsMs: number[] = [];
  for (let i = 0; i < RUNS; i++) runsMs.push(await once());
  return { firstMs, medianMs: median(runsMs), runsMs };
}

async function unitRow(database: Database, where: string, params: unknown[] = []): Promise<UnitRow> {
  const result = await database.backend.query(
    `select id, parent_id as "parentId", path, name, short_name as "shortName", kind, key, region_code as "regionCode" from units where ${where} limit 1`,
    params,
    'object',
  );
  const row = result.rows[0] as UnitRow | undefined;
  if (!row) throw new Error(`no unit where ${where}`);
  return row;
}

/** The busiest township: the one a leader is most likely to open. */
async function busiestTownship(database: Database, range: DateRange): Promise<UnitRow> {
  const top = await database.backend.query(
    `select scope from hotline_daily_volume where dimension = 'all' and scope <> '' and day between $1 and $2 group by scope order by sum(requests) desc limit 1`,
    [range.from, range.to],
    'object',
  );
  const code = (top.rows[0] as { scope: string } | undefined)?.scope;
  return unitRow(database, `kind = 'township' and region_code = $1`, [code]);
}

async function measureReads(database: Database) {
  const last = await database.backend.query(`select max(received_at) as at, count(*)::int as n from hotline_requests`, [], 'object');
  const { at, n } = last.rows[0] as { at: Date; n: number };
  const now = new Date(at);
  const today = chinaDate(now);
  const monthToDate: DateRange = { from: `${today.slice(0, 7)}-01`, to: today };
  const lastMonthEnd = chinaDate(new Date(Date.parse(`${monthToDate.from}T00:00:00+08:00`) - 1));
  const lastMonth: DateRange = { from: `${lastMonthEnd.slice(0, 7)}-01`, to: lastMonthEnd };
  const yearToDate: DateRange = { from: `${today.slice(0, 4)}-01-01`, to: today };
  const root = await unitRow(database, 'parent_id is null order by id');
  const township = await busiestTownship(database, lastMonth);
  const units = Number(((await database.backend.query(`select count(*)::int as n from units`, [], 'object')).rows[0] as { n: number }).n);
  const overdue = await database.backend.query(
    `select count(*)::int as n from hotline_dispatches where role = 'lead' and status in ('pending', 'signed')`, [], 'object');
  const exportStarted = performance.now();
  const workbook = await drillDownXlsx(database, SYSTEM, root, 'open', now, 10_000);
  const chunks: Buffer[] = [];
  for await (const chunk of workbook.body) chunks.push(chunk as Buffer);
  const exportMs = performance.now() - exportStarted;
  return {
    data: { requests: n, units, lastReceived: now.toISOString(), openDispatches: Number((overdue.rows[0] as { n: number }).n) },
    scope: { city: root.name, township: township.name },
    cityDashboardMonthToDate: { period: monthToDate, ...(await timed(() => computeDashboard(database, root, monthToDate, now))) },
    cityDashboardYearToDate: { period: yearToDate, ...(await timed(() => computeDashboard(database, root, yearToDate, now))) },
    townshipDashboardMonthToDate: { period: monthToDate, ...(await timed(() => computeDashboard(database, township, monthToDate, now))) },
    cityRankingLastMonth: { period: lastMonth, ...(await timed(() => computeRanking(database, root, lastMonth))) },
    export: { table: 'open requests (drill-down)', rows: workbook.rows, bytes: Buffer.concat(chunks).length, ms: exportMs },
  };
}

/** Who reads dashboards during intake: `leaders` readers, each pausing `pauseMs` between two views. */
interface Readers {
  leaders: number;
  pauseMs: number;
}

/**
 * Citizens submit requests through one app server, alone or while dashboards are read: the
 * readers take the city, the township's district and the township in turn.
 */
async function intake(database: Database, url: string, scopes: UnitRow[], township: string, readers: Readers | null) {
  const today = chinaDate(new Date());
  const range: DateRange = { from: `${today.slice(0, 7)}-01`, to: today };
  const server = await startServerProcess({ DATABASE_URL: url, FAZHI_DEMO: '0' });
  const readMs: number[] = [];
  let reading = readers !== null;
  const reader = Promise.all(Array.from({ length: readers?.leaders ?? 0 }, async (_, leader) => {
    for (let view = leader; reading; view++) {
      const t0 = performance.now();
      await computeDashboard(database, scopes[view % scopes.length]!, range, new Date());
      readMs.push(performance.now() - t0);
      if (readers!.pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, readers!.pauseMs));
    }
  }));
  try {
    const body = (i: number) => JSON.stringify({ content: `${BENCH_MARK}第${i}号：小区门口路灯不亮，晚上出行不便，请尽快修复。`, townshipCode: township, name: '张先生', phone: '13800000000' });
    const { latenciesMs, errors, seconds } = await submitRequests(server.url, INTAKE_REQUESTS, CONCURRENCY, body);
    const acknowledged = latenciesMs.length;
    reading = false;
    await reader;
    return {
      readers, requests: INTAKE_REQUESTS, concurrency: CONCURRENCY, acknowledged, errors, seconds, perSecond: acknowledged / seconds,
      dashboardReads: readMs.length, dashboardReadsPerSecond: readMs.length / seconds, dashboardMsP50: percentile(readMs, 50), dashboardMsP99: percentile(readMs, 99),
    };
  } finally {
    reading = false;
    await reader;
    await stopServerProcess(server);
  }
}

// Marks the requests this benchmark submits, so it can take them out again.
const BENCH_MARK = '【性能测试】';

/**
 * Deletes the requests the intake runs submitted, with everything kept about them; the
 * rollup triggers take them out of the daily figures as they go.
 */
async function removeBenchRequests(database: Database): Promise<number> {
  return database.backend.inTransaction(async (runner) => {
    await runner.exec(`create temporary table bench_cases on commit drop as
      select case_id as id from hotline_requests where content like '${BENCH_MARK}%'`);
    for (const table of ['case_clocks', 'case_events', 'hotline_attachments', 'hotline_evaluations', 'hotline_dispatches', 'hotline_requests']) {
      await runner.exec(`delete from ${table} where case_id in (select id from bench_cases)`);
    }
    const removed = await runner.query('delete from cases where id in (select id from bench_cases)', [], 'object');
    return removed.affectedRows;
  });
}

async function hasRequests(database: Database): Promise<boolean> {
  try {
    const result = await database.backend.query(`select exists (select 1 from hotline_requests) as yes`, [], 'object');
    return Boolean((result.rows[0] as { yes: boolean }).yes);
  } catch {
    return false;
  }
}

function write(name: string, result: object) {
  const dir = repoPath('bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, `${JSON.stringify({ measuredAt: new Date().toISOString(), machine: machine(), ...result }, null, 2)}\n`);
  console.log(`→ ${file}`);
}

function cityUrl(): string | null {
  if (process.env.FAZHI_BENCH_CITY_URL) return process.env.FAZHI_BENCH_CITY_URL;
  const server = process.env.FAZHI_BENCH_DATABASE_URL ?? process.env.FAZHI_TEST_DATABASE_URL;
  if (!server) return null;
  const url = new URL(server);
  url.pathname = '/fazhi_city10m';
  return url.toString();
}

async function main() {
  const targets = { cityDashboardMs: 1000, townshipDashboardMs: 200, monthlyRankingMs: 500, exportTenThousandRowsMs: 5000, intakeWhileLeadersReadPerSecond: 500 };
  const url = cityUrl();
  if (url) {
    const database = await openDatabase({ url });
    try {
      if (await hasRequests(database)) {
        await removeBenchRequests(database);
        const reads = await measureReads(database);
        const root = await unitRow(database, 'parent_id is null order by id');
        const township = await unitRow(database, `kind = 'township' and name = $1`, [reads.scope.township]);
        const district = await unitRow(database, 'id = $1', [township.parentId]);
        const scopes = [root, district, township];
        const intakeRun = async (readers: Readers | null) => {
          try {
            return await intake(database, url, scopes, township.regionCode!, readers);
          } finally {
            await removeBenchRequests(database);
          }
        };
        const intakeAlone = await intakeRun(null);
        // Leaders refreshing now and then; then the worst case, one reader with no pause at all.
        const intakeWhileLeadersRead = await intakeRun(LEADERS);
        const intakeWhileReadingNonStop = await intakeRun({ leaders: 1, pauseMs: 0 });
        write('stats-postgres-city.json', { database: 'postgres', targets, ...reads, intakeAlone, intakeWhileLeadersRead, intakeWhileReadingNonStop });
        console.log(`city: dashboard ${reads.cityDashboardMonthToDate.medianMs.toFixed(0)} ms (first ${reads.cityDashboardMonthToDate.firstMs.toFixed(0)}), township ${reads.townshipDashboardMonthToDate.medianMs.toFixed(0)} ms, ranking ${reads.cityRankingLastMonth.medianMs.toFixed(0)} ms, export ${reads.export.rows} rows ${reads.export.ms.toFixed(0)} ms`);
        console.log(`city intake: ${intakeAlone.perSecond.toFixed(0)} req/s alone, ${intakeWhileLeadersRead.perSecond.toFixed(0)} while leaders read (${intakeWhileLeadersRead.dashboardReadsPerSecond.toFixed(1)} views/s), ${intakeWhileReadingNonStop.perSecond.toFixed(0)} while one reader reads non-stop (${intakeWhileReadingNonStop.dashboardReadsPerSecond.toFixed(1)} views/s)`);
      } else console.log(`No generated city at ${url}: run \`DATABASE_URL=${url} npx fazhi demo generate --requests 10000000 --years 2\` first.`);
    } finally {
      await database.close();
    }
  } else console.log('No PostgreSQL server given (FAZHI_BENCH_DATABASE_URL): the city-scale figures are not measured.');

  const countyDir = process.env.FAZHI_BENCH_COUNTY_DIR;
  if (countyDir && existsSync(countyDir)) {
    const database = await openDatabase({ dataDir: countyDir });
    try {
      const reads = await measureReads(database);
      write('stats-pglite-county.json', { database: 'pglite', targets, ...reads });
      console.log(`county (embedded): dashboard ${reads.cityDashboardMonthToDate.medianMs.toFixed(0)} ms, township ${reads.townshipDashboardMonthToDate.medianMs.toFixed(0)} ms, ranking ${reads.cityRankingLastMonth.medianMs.toFixed(0)} ms`);
    } finally {
      await database.close();
    }
  } else console.log('No embedded county data (FAZHI_BENCH_COUNTY_DIR): run `FAZHI_DATA_DIR=<dir> npx fazhi demo generate --requests 1000000 --years 2` to measure it.');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
