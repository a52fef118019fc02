// 行政处罚 cases through HTTP, as a subject's officer and head work them: a clue recorded, 报请立案,
// 批准立案, 提交案件审核, 告知, 报请决定 and the decision with its numbered 决定书 — seven calls a case,
// each its own transaction with its event sealed and, where the step issues one, a Word document
// generated and frozen. The server runs in this process (its database in a worker thread, or a
// PostgreSQL server with FAZHI_BENCH_DATABASE_URL), its clock held on a working Monday in 2026.
// Writes bench/results/penalty-<database>.json.
//   FAZHI_BENCH_CASES=300 FAZHI_BENCH_CONCURRENCY=8 node dist/bench/penalty-bench.js
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { optionsFromEnv, startServer } from '../server/src/server.js';
import { fixedTime } from '../server/src/platform/time.js';
import { repoPath } from '../server/src/platform/repo-path.js';
import { DEMO_PASSWORD } from '../server/src/modules/demo/index.js';
import { freshDatabaseUrl } from '../server/test/fresh-database-url.js';
import { machine, median, percentile } from './bench-kit.js';

const CASES = Number(process.env.FAZHI_BENCH_CASES ?? 300);
const CONCURRENCY = Number(process.env.FAZHI_BENCH_CONCURRENCY ?? 8);
const pgUrl = process.env.FAZHI_BENCH_DATABASE_URL ?? process.env.FAZHI_TEST_DATABASE_URL;

type Call = <T>(method: 'GET' | 'POST', path: string, body?: unknown) => Promise<T>;

async function signIn(url: string, username: string): Promise<Call> {
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  if (!login.ok) throw new Error(`sign-in of ${username}: ${login.status}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return async <T>(method: 'GET' | 'POST', path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
      body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}

async function run(databaseUrl: string | null) {
  const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-bench-penalty-'));
  const server = await startServer({
    ...optionsFromEnv({ FAZHI_DATA_DIR: dataDir, FAZHI_DEMO_REQUESTS: '0', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }),
    port: 0,
    host: '127.0.0.1',
    time: fixedTime(new Date('2026-03-02T09:00:00+08:00')),
    log: () => undefined,
    sweepSeconds: 3600,
  });
  try {
    const officer = await signIn(server.url, 'xzzf-market');
    const head = await signIn(server.url, 'xzzf-market-head');
    const q = async (sql: string) => (await server.database.backend.query(sql, [], 'object')).rows as Array<Record<string, number>>;
    const [subject] = await q(`select s.id from xzzf_subjects s join units u on u.id = s.unit_id where u.name = '兰山区市场监督管理局'`);
    const officers = (await q(`select o.id from xzzf_officers o join users u on u.id = o.user_id where u.username = 'xzzf-market'
                               union all select id from xzzf_officers where name = '李娜'`)).map((r) => r.id!);
    const [matter] = await q(`select id from xzzf_matters where code = 'XZZF-SC-002'`);
    const objects = (await q(`select id from xzzf_objects where kind = 'enterprise' order by id`)).map((r) => r.id!);

    const steps: Record<string, number[]> = {};
    const timed = async <T>(step: string, call: Promise<T>) => {
      const t0 = performance.now();
      const out = await call;
      (steps[step] ??= []).push(performance.now() - t0);
      return out;
    };
    let next = 0;
    let errors = 0;
    const started = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < CASES) {
        const i = next++;
        try {
          const { caseId } = await timed('clue', officer<{ caseId: string }>('POST', '/api/xzzf/cases', {
            subjectId: subject!.id, field: 'market', source: 'inspection', summary: `第${i}号：经营超过保质期的食品`, discoveredOn: '2026-02-27', objectId: objects[i % objects.length],
          }));
          const act = (who: Call, action: string, input: object) => timed(action, who('POST', `/api/cases/${caseId}/actions/${action}`, input));
          await act(officer, 'propose_filing', { officerIds: officers, matterId: matter!.id, filingNote: '检查发现' });
          await act(head, 'approve_filing', {});
          await act(officer, 'propose_penalty', { facts: '经营超过保质期的饮料。', circumstance: 'ordinary', fineYuan: 50000 + (i % 200) * 100 });
          await act(head, 'approve_notice', {});
          await act(officer, 'skip_legal_review', {});
          await act(head, 'decide', { facts: '当事人经营超过保质期的饮料。', partyPresent: true });
        } catch (error) {
          errors++;
          if (errors === 1) console.error(error);
        }
      }
    }));
    const seconds = (performance.now() - started) / 1000;
    const calls = Object.values(steps).reduce((a, s) => a + s.length, 0);
    return {
      cases: CASES - errors,
      errors,
      seconds: Number(seconds.toFixed(1)),
      casesPerSecond: Number(((CASES - errors) / seconds).toFixed(1)),
      callsPerSecond: Number((calls / seconds).toFixed(1)),
      steps: Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, { p50ms: Number(median(v).toFixed(1)), p99ms: Number(percentile(v, 99).toFixed(1)) }])),
    };
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const databases: Array<[string, { url: string; drop: () => Promise<void> } | null]> = [['pglite', null]];
if (pgUrl) databases.push(['postgres', await freshDatabaseUrl(pgUrl)]);
mkdirSync(repoPath('bench', 'results'), { recursive: true });
for (const [name, fresh] of databases) {
  const load = loadavg()[0] ?? 0;
  const result = await run(fresh?.url ?? null).finally(() => fresh?.drop());
  const out = { bench: 'penalty-cases-http', database: name, machine: machine(), loadBefore: Number(load.toFixed(2)), concurrency: CONCURRENCY, ...result };
  writeFileSync(repoPath('bench', 'results', `penalty-${name}.json`), JSON.stringify(out, null, 2) + '\n');
  console.log(JSON.stringify(out));
}
