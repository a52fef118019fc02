import { Worker } from 'node:worker_threads';
import { platformKeyring, secretForWorker } from '../../../platform/keyring.js';
import type { StaffRole } from '../../../platform/actor.js';
import type { SqlRunner } from '../../../platform/db/connection.js';
import type { Database } from '../../../platform/db/database.js';
import { hashPassword } from '../../auth/index.js';
import { readCityDivisions } from '../../orgs/index.js';
import { CITY_TEXT } from '../demo.strings.js';
import { DEMO_PASSWORD } from '../seed-demo.js';
import { readCityMix } from './city-data.js';
import { loadCityModel } from './city-model.js';
import { COPY_TABLES, copyStatement, type CopyTable } from './copy-text.js';
import type { WorkerInput, WorkerMessage } from './generate-worker.js';
import { captureIndexes, type IndexSet } from './load-indexes.js';
import { seedCity } from './seed-city.js';
import { loadPenaltyCases, type PenaltyLoadReport } from './penalty-load.js';

/** The embedded database is for a county's scale; a city belongs on a PostgreSQL server. */
export const PGLITE_MAX_REQUESTS = 1_000_000;
/**
 * Generator threads. Generating costs more CPU per request than PostgreSQL's COPY of it, so two
 * threads feed one COPY connection; the city depends on this number, so it is fixed.
 */
const GENERATORS = 2;
/** Below this many requests dropping and rebuilding the indexes costs more than it saves. */
const DROP_INDEXES_FROM = 200_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CHINA_OFFSET = 8 * HOUR;

export interface GenerateCityOptions {
  requests: number;
  years: number;
  /** 4-digit city code (3713) or its 6-digit form (371300). */
  city: string;
  seed: number;
  /** YYYY-MM-DD: the last day (China time); today by default, up to this moment. */
  end?: string;
  /** 行政处罚 cases to add after the requests (penalty-load.ts); none by default. */
  penaltyCases?: number;
  /** Allow a database that already holds requests of this city. */
  append?: boolean;
  /** Overrides the clock (tests). */
  now?: Date;
  batchSize?: number;
  /** Drop and rebuild the indexes around the load; by default for a fresh load of 200,000 requests or more. */
  dropIndexes?: boolean;
  log?: (line: string) => void;
}

export interface CityAccount {
  username: string;
  role: StaffRole;
  displayName: string;
  unitName: string;
}

export interface GenerateCityReport {
  requests: number;
  events: number;
  rows: number;
  seconds: number;
  loadSeconds: number;
  eventCounts: Record<string, number>;
  accounts: CityAccount[];
  totalAccounts: number;
  penalty?: PenaltyLoadReport;
}

/** A refusal: nothing was changed, and the message says why. */
export class CityGenerationRefused extends Error {}

function endMoment(options: GenerateCityOptions): number {
  const now = options.now?.getTime() ?? Date.now();
  if (!options.end) return now;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.end) || Number.isNaN(Date.parse(options.end))) throw new CityGenerationRefused(CITY_TEXT.badEnd(options.end));
  const day = Date.parse(options.end) / DAY;
  const today = Math.floor((now + CHINA_OFFSET) / DAY);
  if (day > today) throw new CityGenerationRefused(CITY_TEXT.futureEnd(options.end));
  return day === today ? now : (day + 1) * DAY - CHINA_OFFSET - 1;
}

async function count(database: Database, sql: string): Promise<number> {
  return Number(((await database.backend.query(sql, [], 'array')).rows[0] as [number])[0]);
}

/**
 * Fills the database with a whole city and its requests over a period, for benchmarks at
 * scale: the organisation (seeded once), then every request's life written with COPY inside
 * the load's transaction (two on PostgreSQL), the rollup triggers off while loading and the
 * rollups rebuilt once at the end.
 */
export async function generateCity(database: Database, options: GenerateCityOptions): Promise<GenerateCityReport> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const cityCode = options.city.replace(/00$/, '');
  if (!/^\d{4}$/.test(cityCode)) throw new CityGenerationRefused(CITY_TEXT.badCity(options.city));
  if (database.kind === 'pglite' && options.requests > PGLITE_MAX_REQUESTS) {
    throw new CityGenerationRefused(CITY_TEXT.refusePglite(options.requests, PGLITE_MAX_REQUESTS));
  }
  const divisions = readCityDivisions(cityCode);
  if (!divisions) throw new CityGenerationRefused(CITY_TEXT.noDivisions(cityCode));
  const now = endMoment(options);

  const existing = await count(database, 'select count(*) from hotline_requests');
  const existingCases = await count(database, 'select count(*) from cases');
  if ((existing > 0 || existingCases > 0) && !options.append) throw new CityGenerationRefused(CITY_TEXT.refuseExisting(Math.max(existing, existingCases)));
  const root = (await database.backend.query('select region_code from units where parent_id is null', [], 'array')).rows as Array<[string | null]>;
  if (root.length && root[0]![0] !== divisions.city.code) throw new CityGenerationRefused(CITY_TEXT.refuseOtherOrganisation(root[0]![0] ?? ''));

  const mix = readCityMix();
  if (!root.length) {
    log(CITY_TEXT.seeding(`${divisions.city.provinceName}${divisions.city.name}`));
    const seeded = await seedCity(database, divisions, { seed: options.seed, passwordHash: await hashPassword(DEMO_PASSWORD), staff: mix.staff });
    log(CITY_TEXT.seeded(seeded.units, seeded.users));
  } else {
    log(CITY_TEXT.reusing(`${divisions.city.provinceName}${divisions.city.name}`));
  }
  const model = await loadCityModel(database);

  const fresh = existing === 0 && existingCases === 0;
  const from = new Date(now + CHINA_OFFSET - Math.round(options.years * 365 - 1) * DAY).toISOString().slice(0, 10);
  // With --penalty-cases alone, the city holds enforcement cases and no requests.
  const loaded = options.requests > 0 ? await loadRequests(database, options, { model, fresh, now, existing, from, log }) : { requests: 0, events: 0, rows: 0, eventCounts: {}, loadSeconds: 0 };
  const penalty = options.penaltyCases ? await loadPenaltyCases(database, { cases: options.penaltyCases, from, now, seed: options.seed, log }) : undefined;

  const seconds = (performance.now() - started) / 1000;
  if (options.requests > 0) log(CITY_TEXT.summary(loaded.requests, loaded.events, loaded.rows, seconds));
  const { accounts, total } = await showcaseAccounts(database);
  return {
    requests: loaded.requests, events: loaded.events, rows: loaded.rows, seconds, loadSeconds: loaded.loadSeconds, eventCounts: loaded.eventCounts, accounts, totalAccounts: total,
    ...(penalty ? { penalty } : {}),
  };
}

interface RequestLoadContext {
  model: Awaited<ReturnType<typeof loadCityModel>>;
  fresh: boolean;
  now: number;
  existing: number;
  from: string;
  log: (line: string) => void;
}

/** The requests' lives, written with COPY, then the rollups and the statistics. */
async function loadRequests(database: Database, options: GenerateCityOptions, { model, fresh, now, existing, from, log }: RequestLoadContext) {
  log(CITY_TEXT.plan(options.requests, from, new Date(now + CHINA_OFFSET).toISOString().slice(0, 10), database.kind === 'postgres' ? ' PostgreSQL' : '内置数据库（PGlite）'));
  const loadStarted = performance.now();
  const plan: LoadPlan = {
    // A second run with the same seed must not repeat the first run's ids.
    input: { model, keySecret: secretForWorker(platformKeyring()), batchSize: options.batchSize ?? 10_000, options: { requests: options.requests, years: options.years, now, seed: (options.seed + existing) >>> 0, part: { index: 0, count: GENERATORS } } },
    fresh,
    dropIndexes: options.dropIndexes ?? (fresh && options.requests >= DROP_INDEXES_FROM),
    log,
    started: loadStarted,
    kind: database.kind,
  };
  // On PostgreSQL the events (two thirds of the bytes) go through a connection of their own.
  // Two transactions then commit one after the other: a crash between the two commits would
  // leave requests without events, which the refusal to load over requests then reports.
  const loaded = database.kind === 'postgres'
    ? await database.backend.inTransaction((events) =>
        database.backend.inTransaction((others) => load([{ runner: events, tables: ['case_events'] }, { runner: others, tables: COPY_TABLES.filter((t) => t !== 'case_events') }], plan)))
    : await database.backend.inTransaction((runner) => load([{ runner, tables: COPY_TABLES }], plan));
  const loadSeconds = (performance.now() - loadStarted) / 1000;

  if (!loaded.triggersOn) {
    log(CITY_TEXT.rebuildingRollups);
    const t = performance.now();
    await database.backend.inTransaction(async (runner) => {
      // Its sorts run over ten rows per request: in memory rather than in files on disk.
      if (database.kind === 'postgres') await runner.exec(`SET LOCAL work_mem = '1GB'`);
      await runner.query('select rebuild_hotline_rollups()', [], 'array');
    });
    log(CITY_TEXT.stepDone((performance.now() - t) / 1000));
  }
  log(CITY_TEXT.analyzing);
  const t = performance.now();
  // VACUUM also marks the pages all-visible, so the dashboard's index-only scans need not
  // visit the rows; frozen COPY pages are skipped, so it costs little beyond the ANALYZE.
  await database.backend.exec(`VACUUM (ANALYZE) ${[...COPY_TABLES, 'hotline_daily_figures', 'hotline_daily_volume'].join(', ')}`);
  log(CITY_TEXT.stepDone((performance.now() - t) / 1000));

  return { ...loaded, loadSeconds };
}

interface LoadPlan {
  input: WorkerInput;
  fresh: boolean;
  dropIndexes: boolean;
  log: (line: string) => void;
  started: number;
  kind: Database['kind'];
}

/** One connection's share of the load: its transaction and the tables it writes. */
interface Lane {
  runner: SqlRunner;
  tables: readonly CopyTable[];
  /** The COPYs queued on this connection, one batch after another. */
  queue?: Promise<void>;
  busySeconds?: number;
}

/** Readies a lane's tables: triggers quiet, tables truncated for frozen rows, indexes dropped. */
async function prepareLane(lane: Lane, plan: LoadPlan): Promise<{ superuser: boolean; indexes: IndexSet | null }> {
  const { runner } = lane;
  const superuser = ((await runner.query('select rolsuper from pg_roles where rolname = current_user', [], 'array')).rows[0] as [boolean] | undefined)?.[0] === true;
  // Replica mode keeps the statement triggers quiet; the rollups are rebuilt once afterwards.
  if (superuser) await runner.exec('SET LOCAL session_replication_role = replica');
  // Truncating the (empty) tables in this transaction lets COPY write the rows frozen, so
  // nobody rewrites every page later to set hint bits.
  if (plan.fresh) await runner.exec(`TRUNCATE ${lane.tables.join(', ')}`);
  const indexes = plan.dropIndexes ? await captureIndexes(runner, lane.tables) : null;
  for (const statement of indexes?.drop ?? []) await runner.exec(statement);
  return { superuser, indexes };
}

async function load(lanes: Lane[], plan: LoadPlan) {
  const prepared = await Promise.all(lanes.map((lane) => prepareLane(lane, plan)));
  const superuser = prepared.every((p) => p.superuser);
  if (!superuser) plan.log(CITY_TEXT.triggersKept);
  if (plan.dropIndexes) plan.log(CITY_TEXT.indexesDropped(prepared.reduce((n, p) => n + (p.indexes?.drop.length ?? 0), 0)));

  const workers = Array.from({ length: plan.input.options.part.count }, (_, index) =>
    new Worker(new URL('./generate-worker.js', import.meta.url), { workerData: { ...plan.input, options: { ...plan.input.options, part: { index, count: plan.input.options.part.count } } } }));
  const totals = { requests: 0, events: 0, rows: 0, eventCounts: {} as Record<string, number> };
  let lastLog = performance.now();
  const written = (message: Extract<WorkerMessage, { type: 'batch' }>) => {
    totals.requests += message.requests;
    totals.events += message.events;
    totals.rows += message.rows;
    if (performance.now() - lastLog > 5000 || totals.requests === plan.input.options.requests) {
      lastLog = performance.now();
      plan.log(CITY_TEXT.progress(totals.requests, plan.input.options.requests, totals.events, (lastLog - plan.started) / 1000));
    }
  };
  const acknowledged: Array<Promise<void>> = [];
  try {
    for await (const { message, worker } of messages(workers)) {
      if (message.type === 'done') {
        for (const [type, n] of message.eventCounts) totals.eventCounts[type] = (totals.eventCounts[type] ?? 0) + n;
        continue;
      }
      const copies = lanes.map((lane) => (lane.queue = (lane.queue ?? Promise.resolve()).then(async () => {
        const t = performance.now();
        for (const table of lane.tables) {
          const chunk = message.chunks[table];
          if (chunk) await lane.runner.copyFrom(copyStatement(table, plan.fresh), [chunk]);
        }
        lane.busySeconds = (lane.busySeconds ?? 0) + (performance.now() - t) / 1000;
      })));
      // The worker may make another batch once this one is written; a failed COPY stops the generators.
      acknowledged.push(Promise.all(copies).then(
        () => {
          written(message);
          worker.postMessage({ type: 'credit' });
        },
        () => void Promise.all(workers.map((w) => w.terminate())),
      ));
    }
    await Promise.all(lanes.map((lane) => lane.queue));
    await Promise.all(acknowledged);
  } catch (error) {
    // A failed COPY stopped the generators: its own error says more than theirs.
    await Promise.all(lanes.map((lane) => lane.queue));
    throw error;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  plan.log(CITY_TEXT.loadSplit(lanes.map((lane) => lane.busySeconds ?? 0), (performance.now() - plan.started) / 1000));

  if (plan.dropIndexes) {
    plan.log(CITY_TEXT.rebuildingIndexes);
    const t = performance.now();
    await Promise.all(lanes.map(async (lane, i) => {
      if (plan.kind === 'postgres') await lane.runner.exec(`SET LOCAL maintenance_work_mem = '1GB'`);
      for (const statement of prepared[i]!.indexes?.create ?? []) await lane.runner.exec(statement);
    }));
    plan.log(CITY_TEXT.stepDone((performance.now() - t) / 1000));
  }
  plan.log(CITY_TEXT.committing);
  return { ...totals, triggersOn: !superuser };
}

/** The workers' messages as they come, until each has said it is done; a failure ends the iteration with the error. */
async function* messages(workers: Worker[]): AsyncGenerator<{ message: WorkerMessage; worker: Worker }> {
  const queue: Array<{ message: WorkerMessage; worker: Worker }> = [];
  let failure: Error | null = null;
  let running = workers.length;
  let wake: (() => void) | null = null;
  const poke = () => {
    wake?.();
    wake = null;
  };
  for (const worker of workers) {
    worker.on('message', (message: WorkerMessage) => {
      queue.push({ message, worker });
      poke();
    });
    worker.on('error', (e) => {
      failure = e;
      poke();
    });
    worker.on('exit', (code) => {
      if (code !== 0) failure ??= new Error(`generator stopped (exit ${code})`);
      poke();
    });
  }
  while (running > 0) {
    if (queue.length) {
      const next = queue.shift()!;
      if (next.message.type === 'done') running--;
      yield next;
      continue;
    }
    if (failure) throw failure;
    await new Promise<void>((resolve) => (wake = resolve));
  }
}

async function showcaseAccounts(database: Database): Promise<{ accounts: CityAccount[]; total: number }> {
  const rows = (await database.backend.query(
    `select u.username, u.role, u.display_name, n.name from users u join units n on n.id = u.unit_id order by u.id`, [], 'array')).rows as Array<[string, StaffRole, string, string]>;
  const shown = new Set(['admin', 'leader', 'supervisor', 'operator', 'dispatcher']);
  const firsts = new Set<string>();
  const accounts: CityAccount[] = [];
  for (const [username, role, displayName, unitName] of rows) {
    // The fixed accounts, then one example of each kind of numbered account.
    const kind = username.startsWith('leader-') ? 'leader-' : username.startsWith('dept-') ? 'dept-' : username.startsWith('town-') ? 'town-' : /^\d{6}-/.test(username) ? 'county-dept' : null;
    if (shown.has(username) || (kind && !firsts.has(kind))) {
      if (kind) firsts.add(kind);
      accounts.push({ username, role, displayName, unitName });
    }
  }
  return { accounts, total: rows.length };
}
