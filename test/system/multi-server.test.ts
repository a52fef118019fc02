import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { freshDatabaseUrl } from '../../server/test/fresh-database-url.js';
import { startServerProcess, stopServerProcess, type ServerProcess } from '../../server/test/server-process.js';
import { WARNING_SHARE } from '../../server/src/modules/cases/index.js';
import { DEMO_PASSWORD, DEMO_STREET_CASES } from '../../server/src/modules/demo/index.js';

// Several stateless app servers behind a load balancer, sharing one PostgreSQL database
// (docs/deployment-multi-server.md). Two real `fazhi serve` processes stand in for them.
const SERVER_URL = process.env.FAZHI_TEST_DATABASE_URL;
const skip = SERVER_URL ? false : 'FAZHI_TEST_DATABASE_URL is not set: two app servers need a PostgreSQL server to share';
if (skip) console.log(`# multi-server test SKIPPED: ${skip}`);

const DEMO_REQUESTS = 60;
/** Requests this test records and dispatches; each dispatch starts two clocks (response, handling). */
const OWN_REQUESTS = 40;
const SWEEP_SECONDS = 0.2;
const TOWNSHIP = '371302001';

interface Session {
  cookie: string;
  csrfToken: string;
}

describe('two app servers on one PostgreSQL database', { skip }, () => {
  let database: { url: string; drop: () => Promise<void> };
  let sql: pg.Client;
  let dataDir: string;
  let a: ServerProcess | undefined;
  let b: ServerProcess | undefined;
  let staff: Session;
  const ownCaseIds: string[] = [];

  before(async () => {
    database = await freshDatabaseUrl(SERVER_URL!);
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    dataDir = mkdtempSync(join(tmpdir(), 'fazhi-multi-'));
  });
  after(async () => {
    await Promise.all([a && stopServerProcess(a), b && stopServerProcess(b)]);
    await sql?.end();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const count = async (query: string, params: unknown[] = []) => ((await sql.query(query, params)).rows[0] as { n: number }).n;

  test('(a) both start at once on an empty database: migrated and seeded exactly once', { timeout: 120_000 }, async () => {
    const env = {
      DATABASE_URL: database.url,
      FAZHI_DATA_DIR: dataDir,
      FAZHI_DEMO_REQUESTS: String(DEMO_REQUESTS),
      FAZHI_SWEEP_SECONDS: String(SWEEP_SECONDS),
      FAZHI_LOG: '1',
    };
    // Settled, not Promise.all: a server that did start must still be stopped when the other failed.
    const started = await Promise.allSettled([startServerProcess(env), startServerProcess(env)]);
    [a, b] = started.map((s) => (s.status === 'fulfilled' ? s.value : undefined));
    for (const s of started) if (s.status === 'rejected') throw s.reason;
    const seeders = [a!, b!].filter((s) => s.output().includes('首次启动'));
    assert.equal(seeders.length, 1, 'exactly one server seeds the demo county');
    assert.equal(await count('select count(*)::int as n from hotline_requests'), DEMO_REQUESTS + DEMO_STREET_CASES);
    assert.equal(await count('select count(*)::int as n from routing_models'), 2, 'one history model per kind, trained once');
    for (const server of [a!, b!]) {
      const health = await fetch(`${server.url}/api/health`);
      assert.equal(health.status, 200);
      assert.deepEqual(await health.json(), { status: 'ok', database: 'postgres' });
    }
  });

  test('(b) a session signed in on A works on B, writes included (cookie + CSRF token)', async () => {
    const login = await fetch(`${a!.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'dispatcher', password: DEMO_PASSWORD }),
    });
    assert.equal(login.status, 200);
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('fazhi_session='))!.split(';')[0]!;
    staff = { cookie, csrfToken: ((await login.json()) as { csrfToken: string }).csrfToken };

    const me = await fetch(`${b!.url}/api/auth/me`, { headers: { cookie } });
    assert.equal(me.status, 200);
    assert.equal(((await me.json()) as { user: { username: string } }).user.username, 'dispatcher');

    const record = { content: '多服务器测试：小区门口路灯不亮，晚上出行不便。', townshipCode: TOWNSHIP, requestType: '投诉' };
    const withoutToken = await post(b!, '/api/requests', record, { cookie });
    assert.equal(withoutToken.status, 403);
    assert.equal(((await withoutToken.json()) as { error: { code: string } }).error.code, 'CSRF_INVALID');
    const recorded = await post(b!, '/api/requests', record, staff);
    assert.equal(recorded.status, 201, await recorded.clone().text());
    const { caseId } = (await recorded.json()) as { caseId: string };
    const seenOnA = await fetch(`${a!.url}/api/requests/${caseId}`, { headers: { cookie } });
    assert.equal(seenOnA.status, 200, 'what B wrote, A reads');
    ownCaseIds.push(caseId);
  });

  test('(c) a request submitted on A is visible on B', async () => {
    const submitted = await post(a!, '/api/public/requests', { content: '多服务器测试：楼下餐馆油烟扰民。', townshipCode: TOWNSHIP }, null);
    assert.equal(submitted.status, 201);
    const { trackingCode } = (await submitted.json()) as { trackingCode: string };
    const onB = await fetch(`${b!.url}/api/public/requests/${trackingCode}`);
    assert.equal(onB.status, 200);
  });

  test('(d) with both servers sweeping, every clock that falls due is urged once per level', { timeout: 60_000 }, async () => {
    // Fresh running clocks: requests recorded and dispatched through both servers in turn.
    const unitId = await count(`select id as n from units where kind = 'department' order by id limit 1`);
    const categoryCode = ((await sql.query(`select code from hotline_categories where level = 3 order by code limit 1`)).rows[0] as { code: string }).code;
    while (ownCaseIds.length < OWN_REQUESTS) {
      const res = await post(ownCaseIds.length % 2 ? a! : b!, '/api/requests', { content: `多服务器测试第${ownCaseIds.length}件：道路破损。`, townshipCode: TOWNSHIP, requestType: '投诉' }, staff);
      assert.equal(res.status, 201);
      ownCaseIds.push(((await res.json()) as { caseId: string }).caseId);
    }
    for (const [i, caseId] of ownCaseIds.entries()) {
      const res = await post(i % 2 ? b! : a!, `/api/requests/${caseId}/actions/dispatch`, { unitId, requestType: '投诉', categoryCode }, staff);
      assert.equal(res.status, 200, await res.clone().text());
    }
    const warnCases = ownCaseIds.slice(0, OWN_REQUESTS / 2);
    const overdueCases = ownCaseIds.slice(OWN_REQUESTS / 2);
    // The sweep reads when each clock's next step falls due, so moved clocks get theirs moved too, as the engine would schedule it.
    const rescheduleUrging = (caseIds: string[]) =>
      sql.query(
        `update case_clocks set next_urge_at = case urge_level when 0 then started_at + (due_at - started_at) * 0.8 when 1 then due_at end
          where case_id = any($1::uuid[]) and stopped_at is null`,
        [caseIds],
      );

    // Time moves on for these clocks, all in one commit, so both servers' next sweeps find the
    // same clocks due: half are 90 % used (催办, level 1), half are past due (督办, level 2).
    await sql.query(
      `update case_clocks set
         started_at = now() - interval '9 hours',
         due_at = case when case_id = any($1::uuid[]) then now() + interval '1 hour' else now() - interval '1 minute' end
       where case_id = any($2::uuid[]) and stopped_at is null`,
      [warnCases, ownCaseIds],
    );
    await rescheduleUrging(ownCaseIds);
    await settle();
    // Later the warned ones run out too.
    await sql.query(`update case_clocks set due_at = now() - interval '1 minute' where case_id = any($1::uuid[]) and stopped_at is null`, [warnCases]);
    await rescheduleUrging(warnCases);
    await settle();

    const events = async (type: string, caseIds: string[]) =>
      count(`select count(*)::int as n from case_events where type = $1 and case_id = any($2::uuid[])`, [type, caseIds]);
    assert.equal(await events('auto_urge', warnCases), warnCases.length * 2, '催办: one per warned clock');
    assert.equal(await events('auto_supervise', warnCases), warnCases.length * 2, '督办: one per warned clock once overdue');
    assert.equal(await events('auto_urge', overdueCases), 0, 'already overdue: straight to 督办');
    assert.equal(await events('auto_supervise', overdueCases), overdueCases.length * 2, '督办: one per overdue clock');

    // The whole database, the demo's own overdue clocks included: no clock urged twice at a level,
    // and every clock at its last step has exactly one event of that step (督办 by default; a
    // lawsuit's hearing reminder ends with its own 开庭日 step).
    const doubled = await sql.query(
      `select case_id, payload->>'clock' as clock, payload->>'unitId' as unit, type, count(*)::int as n from case_events
        where type in ('auto_urge', 'auto_supervise') group by 1, 2, 3, 4 having count(*) > 1`,
    );
    assert.deepEqual(doubled.rows, [], 'clocks urged more than once at one level');
    const supervised = await count(`select count(*)::int as n from case_events where type = 'auto_supervise'`);
    const lastSteps = await count(`select count(*)::int as n from case_events where payload ? 'clock' and payload->>'level' = '2'`);
    assert.equal(lastSteps, await count('select count(*)::int as n from case_clocks where urge_level = 2'));
    assert.ok(supervised > overdueCases.length * 2 + warnCases.length * 2, 'the demo county had overdue clocks of its own too');
    for (const server of [a!, b!]) assert.doesNotMatch(server.output(), /"level":50/, 'no server logged an error (a failed sweep, say)');
  });

  test('(f) A merged into B on one server while B merges into A on the other: exactly one wins, every time', { timeout: 90_000 }, async () => {
    const record = async (server: ServerProcess, i: number) => {
      const res = await post(server, '/api/requests', { content: `多服务器合并测试${i}：小区门口积水。`, townshipCode: TOWNSHIP, requestType: '投诉' }, staff);
      assert.equal(res.status, 201);
      return ((await res.json()) as { caseId: string }).caseId;
    };
    const RACES = 20;
    const pairs: Array<[string, string]> = [];
    for (let i = 0; i < RACES; i++) {
      const [first, second] = await Promise.all([record(a!, 2 * i), record(b!, 2 * i + 1)]);
      const results = await Promise.all([
        post(a!, `/api/requests/${first}/actions/merge`, { parentCaseId: second }, staff),
        post(b!, `/api/requests/${second}/actions/merge`, { parentCaseId: first }, staff),
      ]);
      const statuses = results.map((r) => r.status).sort();
      assert.deepEqual(statuses, [200, 409], `race ${i}: ${await Promise.all(results.map((r) => r.text()))}`);
      pairs.push([first, second]);
    }
    // Every merged request reaches, step by step, a request that is not merged: no loops, no orphans.
    const rows = (await sql.query(`select r.case_id, r.merged_into, c.state from hotline_requests r join cases c on c.id = r.case_id`)).rows as Array<{ case_id: string; merged_into: string | null; state: string }>;
    const byId = new Map(rows.map((r) => [r.case_id, r]));
    for (const row of rows.filter((r) => r.state === 'merged')) {
      let current = row;
      for (let steps = 0; current.state === 'merged'; steps++) {
        assert.ok(steps < rows.length, `request ${row.case_id} is merged in a loop`);
        const next = byId.get(current.merged_into ?? '');
        assert.ok(next, `request ${current.case_id} is merged into nothing`);
        current = next;
      }
    }
    for (const [first, second] of pairs) {
      const merged = rows.filter((r) => (r.case_id === first || r.case_id === second) && r.state === 'merged');
      assert.equal(merged.length, 1, 'one of each pair follows the other');
    }
  });

  test('(e) signing out on B ends the session on A', async () => {
    const out = await post(b!, '/api/auth/logout', {}, staff);
    assert.equal(out.status, 200);
    const me = await fetch(`${a!.url}/api/auth/me`, { headers: { cookie: staff.cookie } });
    assert.equal(me.status, 401);
  });

  /**
   * Waits until no running clock is left to urge, then a few sweep intervals more on both servers.
   * A clock that stands still (中止, the demo's reconsiderations) is not urged, nor one whose step
   * failed and was put off an hour (a limit ending in a year the calendar lacks).
   */
  async function settle(): Promise<void> {
    const deadline = Date.now() + 20_000;
    const pending = () =>
      count(
        `select count(*)::int as n from case_clocks where stopped_at is null and urge_level < 2
           and (now() >= due_at or (urge_level = 0 and now() >= started_at + (due_at - started_at) * ${WARNING_SHARE}))
           and paused_at is null and (next_urge_at is null or next_urge_at <= now())`,
      );
    while ((await pending()) > 0) {
      assert.ok(Date.now() < deadline, 'the sweeps did not urge every due clock within 20 s');
      await sleep(100);
    }
    await sleep(SWEEP_SECONDS * 1000 * 5);
  }
});

function post(server: ServerProcess, path: string, body: unknown, session: Partial<Session> | null): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(session?.cookie ? { cookie: session.cookie } : {}),
      ...(session?.csrfToken ? { 'x-csrf-token': session.csrfToken } : {}),
    },
    body: JSON.stringify(body),
  });
}
