import { Worker } from 'node:worker_threads';
import type { StaffRole } from '../../../platform/actor.js';
import type { SqlRunner } from '../../../platform/db/connection.js';
import type { Database } from '../../../platform/db/database.js';
import { hashPassword } from '../../auth/index.js';
import { readCityDivisions } from '../../orgs/index.js';
import { CITY_TEXT } from '../demo.strings.js';
import { DEMO_PASSWORD } from '../seed-demo.js';
import { readCityMix } from './city-data.js';
import { loadCityModel } from './city-model.js';
import { COPY_TABLES, copyStatement } from './copy-text.js';
import type { WorkerInput, WorkerMessage } from './generate-worker.js';
import { captureIndexes } from './load-indexes.js';
import { seedCity } from './seed-city.js';

/** The embedded database is for a county's scale; a city belongs on a PostgreSQL server. */
export const PGLITE_MAX_REQUESTS = 1_000_000;
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
 * scale: the organisation (seeded once), then every request's life written with COPY in one
 * transaction, the rollup triggers off while loading and the rollups rebuilt once at the end.
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
  log(CITY_TEXT.plan(options.requests, from, new Date(now + CHINA_OFFSET).toISOString().slice(0, 10), database.kind === 'postgres' ? ' PostgreSQL' : '内置数据库（PGlite）'));
  const loadStarted = performance.now();
  const loaded = await database.backend.inTransaction((runner) =>
    load(runner, database, {
      // A second run with the same seed must not repeat the first run's ids.
      input: { model, batchSize: options.batchSize ?? 10_000, options: { requests: options.requests, years: options.years, now, seed: (options.seed + existing) >>> 0 } },
      fresh,
      dropIndexes: options.dropIndexes ?? (fresh && options.requests >= DROP_INDEXES_FROM),
      log,
      started: loadStarted,
    }));
  const loadSeconds = (performance.now() - loadStarted) / 1000;

  if (!loaded.triggersOn) {
    log(CITY_TEXT.rebuildingRollups);
    const t = performance.now();
    await database.backend.query('select rebuild_hotline_rollups()', [], 'array');
    log(CITY_TEXT.stepDone((performance.now() - t) / 1000));
  }
  log(CITY_TEXT.analyzing);
  const t = performance.now();
  await database.backend.exec(`ANALYZE ${[...COPY_TABLES, 'hotline_daily_figures', 'hotline_daily_volume'].join(', ')}`);
  log(CITY_TEXT.stepDone((performance.now() - t) / 1000));

  const seconds = (performance.now() - started) / 1000;
  log(CITY_TEXT.summary(loaded.requests, loaded.events, loaded.rows, seconds));
  const { accounts, total } = await showcaseAccounts(database);
  return { requests: loaded.requests, events: loaded.events, rows: loaded.rows, seconds, loadSeconds, eventCounts: loaded.eventCounts, accounts, totalAccounts: total };
}

interface LoadPlan {
  input: WorkerInput;
  fresh: boolean;
  dropIndexes: boolean;
  log: (line: string) => void;
  started: number;
}

async function load(runner: SqlRunner, database: Database, plan: LoadPlan) {
  const superuser = ((await runner.query('select rolsuper from pg_roles where rolname = current_user', [], 'array')).rows[0] as [boolean] | undefined)?.[0] === true;
  // Replica mode keeps the statement triggers quiet; the rollups are rebuilt once afterwards.
  if (superuser) await runner.exec('SET LOCAL session_replication_role = replica');
  else plan.log(CITY_TEXT.triggersKept);
  // Truncating the (empty) tables in this transaction lets COPY write the rows frozen, so
  // nobody rewrites ten million pages later to set hint bits.
  if (plan.fresh) await runner.exec(`TRUNCATE ${COPY_TABLES.join(', ')}`);
  const indexes = plan.dropIndexes ? await captureIndexes(runner, COPY_TABLES) : null;
  if (indexes) {
    for (const statement of indexes.drop) await runner.exec(statement);
    plan.log(CITY_TEXT.indexesDropped(indexes.drop.length));
  }

  const worker = new Worker(new URL('./generate-worker.js', import.meta.url), { workerData: plan.input });
  const totals = { requests: 0, events: 0, rows: 0, eventCounts: {} as Record<string, number> };
  try {
    let lastLog = performance.now();
    for await (const message of messages(worker)) {
      if (message.type === 'done') {
        totals.eventCounts = Object.fromEntries(message.eventCounts);
        break;
      }
      for (const table of COPY_TABLES) {
        const chunk = message.chunks[table];
        if (chunk) await runner.copyFrom(copyStatement(table, plan.fresh), [chunk]);
      }
      worker.postMessage({ type: 'credit' });
      totals.requests += message.requests;
      totals.events += message.events;
      totals.rows += message.rows;
      if (performance.now() - lastLog > 5000 || totals.requests === plan.input.options.requests) {
        lastLog = performance.now();
        plan.log(CITY_TEXT.progress(totals.requests, plan.input.options.requests, totals.events, (lastLog - plan.started) / 1000));
      }
    }
  } finally {
    await worker.terminate();
  }
  if (indexes) {
    plan.log(CITY_TEXT.rebuildingIndexes);
    const t = performance.now();
    if (database.kind === 'postgres') await runner.exec(`SET LOCAL maintenance_work_mem = '1GB'`);
    for (const statement of indexes.create) await runner.exec(statement);
    plan.log(CITY_TEXT.stepDone((performance.now() - t) / 1000));
  }
  plan.log(CITY_TEXT.committing);
  return { ...totals, triggersOn: !superuser };
}

/** The worker's messages in order; its failure ends the iteration with the error. */
async function* messages(worker: Worker): AsyncGenerator<WorkerMessage> {
  const queue: WorkerMessage[] = [];
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const poke = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (m: WorkerMessage) => {
    queue.push(m);
    poke();
  });
  worker.on('error', (e) => {
    failure = e;
    poke();
  });
  worker.on('exit', (code) => {
    failure ??= code === 0 ? null : new Error(`generator stopped (exit ${code})`);
    poke();
  });
  for (;;) {
    if (queue.length) {
      const next = queue.shift()!;
      yield next;
      if (next.type === 'done') return;
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
