// 执法监督 over a city's million 行政处罚 cases: `fazhi demo generate --penalty-cases` fills a
// fresh PostgreSQL database (FAZHI_BENCH_DATABASE_URL, or FAZHI_TEST_DATABASE_URL's server) once,
// then the oversight view is timed as a city's 司法局 and a county's see it — the first page, a
// page deep in the list, and the list narrowed to one subject and one kind — over several runs,
// with the medians kept. The view's plain rules (every case read, as the view was before
// migration 0031) are timed once at each scope for comparison. Writes bench/results/oversight.json.
//   FAZHI_BENCH_PENALTY_CASES=1000000 FAZHI_BENCH_ROUNDS=7 node dist/bench/oversight-bench.js
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { StaffActor } from '../server/src/platform/actor.js';
import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '../server/src/platform/db/database.js';
import { installKeyring, keyringFromSecret } from '../server/src/platform/keyring.js';
import { migrate } from '../server/src/platform/db/migrate.js';
import { repoPath } from '../server/src/platform/repo-path.js';
import { registerModules } from '../server/src/module-registry.js';
import { generateCity } from '../server/src/modules/demo/index.js';
import { oversight } from '../server/src/modules/enforcement/operations/oversight.js';
import { freshDatabaseUrl } from '../server/test/fresh-database-url.js';
import { machine, median } from './bench-kit.js';

const CASES = Number(process.env.FAZHI_BENCH_PENALTY_CASES ?? 1_000_000);
const ROUNDS = Number(process.env.FAZHI_BENCH_ROUNDS ?? 7);
const serverUrl = process.env.FAZHI_BENCH_DATABASE_URL ?? process.env.FAZHI_TEST_DATABASE_URL;
const NOW = new Date('2026-11-20T10:00:00+08:00');
const TODAY = '2026-11-20';

/** The view's rules over every case in scope, as the view read them before it was indexed. */
const PLAIN_RULES = `
  select count(*) from xzcf_cases x cross join lateral (values
    (x.outcome = 'penalty' and (x.hearing_held_on is not null or jsonb_array_length(x.review_grounds_marked) > 0) and coalesce(x.review_passed, false) = false),
    (x.decided_on is not null and exists (select 1 from jsonb_array_elements_text(x.officer_ids) h(id) where not exists (
       select 1 from xzzf_certificates c where c.officer_id = h.id::int and c.valid_from <= x.decided_on and c.valid_to >= x.decided_on
         and (c.status = 'valid' or c.status_changed_at > (x.decided_on::date + 1)::timestamptz)))),
    (exists (select 1 from case_clocks k where k.case_id = x.case_id and k.name = 'decision' and ((k.stopped_at > k.due_at) or (k.stopped_at is null and k.paused_at is null and k.due_at < $1)))),
    (exists (select 1 from case_clocks k where k.case_id = x.case_id and k.name = 'publication' and ((k.stopped_at > k.due_at) or (k.stopped_at is null and k.paused_at is null and k.due_at < $1)))),
    (exists (select 1 from case_clocks k where k.case_id = x.case_id and k.name = 'filing' and ((k.stopped_at > k.due_at) or (k.stopped_at is null and k.paused_at is null and k.due_at < $1))))
  ) as f(hit) where f.hit and x.subject_id = any($2::int[])`;

const supervisorOf = (unit: { id: number; path: string }): StaffActor => ({
  role: 'staff', userId: 1, unitId: unit.id, scopeUnitId: unit.id, scopePath: unit.path, displayName: 'bench', grants: [{ role: 'xzzf.supervisor', unitId: unit.id, unitPath: unit.path }],
});

async function timeScope(database: Database, unit: { id: number; path: string; name: string }) {
  const actor = supervisorOf(unit);
  // As the route runs it: in a transaction of its own.
  const view = (query: Parameters<typeof oversight>[4] = {}) => database.transaction((tx) => oversight(tx, actor, TODAY, NOW, query));
  const first = await view();
  const deep = Math.max(0, Math.floor(first.irregularityTotal / 2 / 20) * 20);
  const busiest = [...first.subjects].sort((a, b) => b.openCases - a.openCases)[0]!;
  const queries = { firstPage: {}, deepPage: { offset: deep }, subjectAndKind: { subjectId: busiest.subjectId, kind: 'publication_late' as const } };
  const timings: Record<string, number[]> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, query] of Object.entries(queries)) {
      const t0 = performance.now();
      await view(query);
      (timings[name] ??= []).push(performance.now() - t0);
    }
  }
  const ids = first.subjects.map((s) => s.subjectId);
  const t0 = performance.now();
  const [plain] = (await database.backend.query(PLAIN_RULES, [NOW.toISOString(), ids], 'array')).rows as Array<[string]>;
  const plainMs = performance.now() - t0;
  return {
    unit: unit.name,
    subjects: first.subjects.length,
    cases: ((await database.backend.query(`select count(*)::int from xzcf_cases where subject_id = any($1::int[])`, [ids], 'array')).rows[0] as [number])[0],
    irregularities: first.irregularityTotal,
    irregularityCounts: first.irregularityCounts,
    plainRulesAgree: Number(plain![0]) === first.irregularityTotal,
    medianMs: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Number(median(v).toFixed(1))])),
    runsMs: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, v.map((x) => Number(x.toFixed(1)))])),
    deepOffset: deep,
    plainRulesMsOnce: Number(plainMs.toFixed(0)),
  };
}

async function main() {
  if (!serverUrl) {
    console.log('No PostgreSQL server given (FAZHI_BENCH_DATABASE_URL): the oversight benchmark needs one.');
    return;
  }
  registerModules();
  // The generated events are sealed; a throwaway key, as the database is dropped afterwards.
  installKeyring(keyringFromSecret(randomBytes(32)));
  const target = await freshDatabaseUrl(serverUrl);
  const database = await openDatabase({ url: target.url });
  try {
    await migrate(database);
    const t0 = performance.now();
    const generated = await generateCity(database, { requests: 0, penaltyCases: CASES, years: 2, city: '3713', seed: 1, now: NOW, log: (line) => console.log(line) });
    const generateSeconds = (performance.now() - t0) / 1000;
    const [city] = (await database.backend.query(`select id, path, name from units where parent_id is null`, [], 'object')).rows as Array<{ id: number; path: string; name: string }>;
    // The county with the most cases: the hardest of the counties' views.
    const [county] = (await database.backend.query(`
      select g.id, g.path, g.name from units g join units u on u.parent_id = g.id join xzzf_subjects s on s.unit_id = u.id join xzcf_cases x on x.subject_id = s.id
       where g.kind = 'government' and g.parent_id is not null group by g.id order by count(*) desc limit 1`, [], 'object')).rows as Array<{ id: number; path: string; name: string }>;
    const load = Number((loadavg()[0] ?? 0).toFixed(2));
    const scopes = { city: await timeScope(database, city!), county: await timeScope(database, county!) };
    const out = {
      bench: 'oversight', database: 'postgres', measuredAt: new Date().toISOString(), machine: machine(), loadBefore: load, loadAfter: Number((loadavg()[0] ?? 0).toFixed(2)),
      penaltyCases: CASES, events: generated.penalty?.events, generateSeconds: Number(generateSeconds.toFixed(1)), rounds: ROUNDS, scopes,
    };
    mkdirSync(repoPath('bench', 'results'), { recursive: true });
    writeFileSync(repoPath('bench', 'results', 'oversight.json'), JSON.stringify(out, null, 2) + '\n');
    console.log(JSON.stringify(out, null, 2));
  } finally {
    await database.close();
    await target.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
