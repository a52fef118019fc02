import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { FIGURE_KEYS } from '../../../contracts/metrics.js';
import { getCaseType } from '../../src/modules/cases/index.js';
import { createApiKey } from '../../src/modules/open311/index.js';
import { HOTLINE_CASE_TYPE } from '../../src/modules/requests/index.js';
import { errorCatalogue } from '../../src/platform/errors/app-error.js';
import { repoPath } from '../../src/platform/repo-path.js';
import { createTestContext, testBackends, TEST_PASSWORD, type TestContext } from '../test-context.js';
import { fingerprinter } from './fingerprint.js';
import { describeFailures, fuzzRoutes, type Caller } from './fuzz-routes.js';
import { TRAVERSAL_PATHS } from './hostile-values.js';
import { documentedRoutes, type RouteSpec } from './routes.js';
import type { JsonSchema } from './schema-arbitrary.js';
import { seedRequestsInEveryState, tinyPng } from './seed-requests.js';

// FAZHI_FUZZ_SECONDS (per database), FAZHI_FUZZ_SEED and FAZHI_FUZZ_ROUTE (a part of `METHOD /path`) run it longer or replay one route.
const SECONDS = Number(process.env.FAZHI_FUZZ_SECONDS ?? 40);
const SEED = Number(process.env.FAZHI_FUZZ_SEED ?? 12345);
const ONLY = process.env.FAZHI_FUZZ_ROUTE;

const STAFF = ['operator', 'dispatcher', 'supervisor', 'housing', 'town', 'leader', 'admin'];

/** The API reference's own pages are hidden from the document; its static files are fuzzed with traversal. */
const DOCS_ROUTES: RouteSpec[] = [
  { method: 'GET', path: '/api/docs/static/{*}', params: { type: 'object', properties: { '*': { type: 'string' } } }, query: null, body: null },
  { method: 'GET', path: '/api/docs/{*}', params: { type: 'object', properties: { '*': { type: 'string' } } }, query: null, body: null },
];

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Callers: anonymous, a bearer session for each role, and an administrator's cookie without its CSRF token. */
async function signIn(ctx: TestContext) {
  const sessions = new Map<string, Record<string, string>>();
  // The fuzz's own sign-in attempts come from the default address and soon lock it: the callers
  // sign in from another, and their accounts are put back as they were (an administrator's
  // fuzzed request may have reset, moved, stopped or locked them).
  const accounts = (await ctx.database.backend.query(`select id, password_hash, role, unit_id, scope_unit_id from users`, [], 'array')).rows;
  const repair = async () => {
    for (const [id, hash, role, unit, scope] of accounts as Array<[number, string, string, number, number]>) {
      await ctx.database.backend.query(
        'update users set password_hash = $2, role = $3, unit_id = $4, scope_unit_id = $5, disabled_at = null, must_change_password = false where id = $1',
        [id, hash, role, unit, scope], 'object');
    }
    await ctx.database.backend.query('delete from sign_in_throttles', [], 'object');
  };
  const login = async (username: string) => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.254.0.1', payload: { username, password: TEST_PASSWORD } });
    if (res.statusCode !== 200) throw new Error(`renewing ${username}: ${res.body}`);
    return res.json().token as string;
  };
  const renew = async () => {
    await repair();
    for (const user of STAFF) sessions.set(user, { authorization: `Bearer ${await login(user)}` });
    sessions.set('cookie-admin', { cookie: `fazhi_session=${await login('admin')}` });
  };
  await renew();
  const tokens = () => [...sessions.values()].map((h) => (h.authorization ?? h.cookie ?? '').replace(/^Bearer |^fazhi_session=/, ''));
  const callers: Caller[] = [
    { name: 'anonymous', headers: () => ({}) },
    ...STAFF.map((user) => ({ name: user, headers: () => sessions.get(user)! })),
    { name: 'cookie-admin-without-csrf', headers: () => sessions.get('cookie-admin')!, refusedOnWrites: true },
  ];
  // A fuzzed logout ends a caller's session: sign everyone in again.
  const keepSignedIn = async () => {
    const alive = (await ctx.database.backend.query('select count(*)::int from sessions where token_hash = any($1)', [tokens().map(tokenHash)], 'array')).rows[0] as [number];
    if (alive[0] < sessions.size) await renew();
  };
  return { callers, keepSignedIn };
}

/** Real values by field name, so generated requests reach rows that exist. */
async function knownValues(ctx: TestContext): Promise<Record<string, readonly unknown[]>> {
  const q = async (sql: string) => (await ctx.database.backend.query(sql, [], 'array')).rows.map((r) => (r as unknown[])[0]);
  const caseIds = await q('select case_id from hotline_requests order by received_at, case_id');
  const codes = (await q('select tracking_code from hotline_requests order by received_at, case_id')) as string[];
  const units = [ctx.org.governmentId, ctx.org.centerId, ...[...ctx.org.departmentIds.values()].slice(0, 3), ...[...ctx.org.townshipIds.values()].slice(0, 2)];
  const text = ['小区电梯坏了一周，物业一直不修。', '已电话联系诉求人。', '属于属地管理事项'];
  const csv = (name: string) => readFileSync(repoPath('docs', 'examples', name)).toString('base64');
  return {
    caseId: caseIds,
    parentCaseId: caseIds,
    code: [...codes, ...codes.slice(0, 3).map((c) => c.toLowerCase().replace(/-/g, ''))],
    attachmentId: await q('select id from hotline_attachments'),
    action: Object.keys(getCaseType(HOTLINE_CASE_TYPE).actions),
    caseType: [HOTLINE_CASE_TYPE],
    module: [getCaseType(HOTLINE_CASE_TYPE).module],
    sort: ['-created', 'updated', 'due'],
    state: Object.keys(getCaseType(HOTLINE_CASE_TYPE).states),
    unitId: units,
    leadUnitId: units,
    unitIds: units,
    townshipCode: ['371302001', '371302002'],
    villageCode: ['371302001001'],
    categoryCode: await q('select code from hotline_categories order by code limit 5'),
    // Open311's names for the same things.
    service_code: [...(await q('select code from hotline_categories order by code limit 3')), '00', '10201'],
    service_request_id: [...caseIds, caseIds.slice(0, 3).join(',')],
    jurisdiction_id: ['371302', 'sfgov.org'],
    address_id: ['371302001', '371302001001', '371302999'],
    address_string: ['柳青街道沂蒙路88号', '后园社区', '临沂市兰山区'],
    description: text,
    lat: ['35.06', '-91', 'north'],
    long: ['118.35', '181'],
    start_date: ['2026-03-01T00:00:00Z', '2026-03-02T09:00:00+08:00', '2025-01-01', 'yesterday'],
    end_date: ['2026-03-03T00:00:00Z', '2026-03-01T00:00:00+08:00'],
    status: ['open', 'closed', 'open,closed', 'pending'],
    media_url: ['https://img.example.cn/1.jpg', 'javascript:alert(1)'],
    email: ['zhang@example.cn', 'nobody'],
    clientName: ['兰山区城管APP'],
    username: [...STAFF, 'nobody'],
    password: [TEST_PASSWORD],
    figures: FIGURE_KEYS,
    from: ['2026-01-01', '2026-03-01', '2026-03-02'],
    to: ['2026-03-02', '2026-03-31', '2025-12-31'],
    month: ['2026-03', '2026-02'],
    year: [2026, 2025],
    content: text,
    reply: text,
    note: text,
    reason: text,
    ruling: text,
    comment: text,
    title: ['电梯故障'],
    phone: ['13812345678'],
    mimeType: ['image/png', 'image/jpeg'],
    dataBase64: [await tinyPng(), csv('power-items.csv'), csv('township-items.csv')],
    fileName: ['power-items.csv', 'township-items.csv', 'list.xlsx'],
    subjectId: await q('select id from xzzf_subjects'),
    creditCode: ['91110000600037341L', '91440300708461136T', '91110000600037341M'],
    idNumber: ['11010519491231002X', '110105200002290013', '110105194912310021'],
    regionCodes: ['371302', '371302001', '999999'],
  };
}

/**
 * 行政执法's registers: the county leader also supervises enforcement, so the fuzz writes subjects,
 * officers and objects as a supervisor would; one subject with an officer to start from.
 */
async function seedEnforcementRegisters(ctx: TestContext): Promise<void> {
  const exec = (sql: string, params: unknown[] = []) => ctx.database.backend.query(sql, params, 'object');
  await exec(`insert into role_grants (user_id, role, unit_id) select id, 'xzzf.supervisor', $1 from users where username = 'leader'`, [ctx.org.governmentId]);
  await exec(`insert into xzzf_subjects (unit_id, name, kind, basis_text, basis_article, region_codes, fields, created_at, updated_at)
    values ($1, '兰山区市场监督管理局', 'organ', '职能配置规定', '《中华人民共和国行政处罚法》第十八条', '["371302"]', '["market"]', now(), now())`, [ctx.org.departmentIds.get('market')]);
  await exec(`insert into xzzf_officers (subject_id, name, created_at) select id, '张伟', now() from xzzf_subjects`);
  await exec(`insert into xzzf_certificates (officer_id, number, issuer, fields, valid_from, valid_to) select id, '37130001001', '山东省人民政府', '["market"]', '2024-01-01', '2028-12-31' from xzzf_officers`);
}

/** An action's input schema is its case type's: the route itself declares no body. */
function actionInput(route: RouteSpec, params: Record<string, unknown>): JsonSchema | null {
  if (!route.path.endsWith('/actions/{action}') || typeof params.action !== 'string') return null;
  return (getCaseType(HOTLINE_CASE_TYPE).actions[params.action]?.input as JsonSchema | undefined) ?? null;
}

for (const backend of testBackends()) {
  test(`every route, fuzzed from its schema, never answers 5xx and refuses without changing anything (${backend.name})`, async (t) => {
    const ctx = await createTestContext(backend.url, undefined, { intakeRateLimitPerMinute: 1_000_000, open311RateLimitPerMinute: 1_000_000 });
    try {
      const { requesterKeys } = await seedRequestsInEveryState(ctx);
      await seedEnforcementRegisters(ctx);
      // Mostly the key in force, so that submissions get past it.
      const open311Key = (await createApiKey(ctx.database, 'cli', 'fuzz', ctx.time.now())).key;
      const open311Keys = [open311Key, open311Key, open311Key, `o311_${'0'.repeat(32)}`, 'xyz'];
      const { callers, keepSignedIn } = await signIn(ctx);
      const routes = [...(await documentedRoutes(ctx.app)), ...DOCS_ROUTES];
      assert.ok(routes.length > 30, `only ${routes.length} routes found`);
      const report = await fuzzRoutes({
        app: ctx.app,
        routes,
        callers,
        known: { ...(await knownValues(ctx)), key: [...requesterKeys, 'AAAA-BBBB'], api_key: open311Keys },
        rawParams: { '*': TRAVERSAL_PATHS },
        bodyFor: actionInput,
        fingerprint: await fingerprinter(ctx.database),
        errorCodes: errorCatalogue(),
        seconds: SECONDS,
        seed: SEED,
        ...(ONLY ? { only: ONLY } : {}),
        ignoresSessions: (route) => route.path.startsWith('/api/public/') || route.path.startsWith('/open311/'),
        standardErrors: (route) => route.path.startsWith('/open311/'),
        refusalRecords: new Set(['security_events', 'sign_in_throttles', 'case_requester_keys']),
        afterSuccess: keepSignedIn,
      });
      t.diagnostic(`${report.requests} requests to ${report.routes.length} routes in ${report.seconds.toFixed(1)} s (${(report.requests / report.seconds).toFixed(0)}/s), seed ${SEED}`);
      for (const r of report.routes) {
        const byDatabase = r.refusedByDatabase ? `, ${r.refusedByDatabase} refused only by the database, e.g. ${r.refusedByDatabaseExample}` : '';
        t.diagnostic(`${r.route}: ${r.requests} in ${r.ms} ms → ${JSON.stringify(r.statuses)}${byDatabase}`);
      }
      assert.ok(report.routes.every((r) => r.requests > 0), 'every route was sent something');
      assert.equal(report.failures.length, 0, `\n${describeFailures(report, SEED)}`);
    } finally {
      await ctx.close();
    }
  });
}
