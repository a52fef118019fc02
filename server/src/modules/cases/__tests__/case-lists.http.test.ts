import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createTestContext, testBackends, type TestContext } from '../../../../test/test-context.js';
import { SYSTEM } from '../../../platform/actor.js';
import { AppError } from '../../../platform/errors/app-error.js';
import {
  actsAs, defineCaseType, exportCasesXlsx, linkCases, openCase, recordCaseEvent, registerModule, sweepClocks, type ActionContext,
} from '../index.js';

// A type of a module the platform has never heard of gets a to-do list with clocks, a search
// with filters, a detail page and an Excel export from its declaration alone, scoped exactly
// as a single read: a second organ's officer sees nothing of the first organ's cases through
// any route. The listing reads a small table of the test's own (created with raw SQL).
const forOrgan = async (ctx: ActionContext) => actsAs(ctx.actor, 'test_lists', ['handler'], ctx.organUnitId);
const noInput = { type: 'object', properties: {}, additionalProperties: false } as const;
const TYPE = 'test_lists_application';

const application = defineCaseType({
  name: TYPE,
  label: '测试申请',
  module: 'test_lists',
  states: {
    received: { label: '已收件' },
    reviewing: { label: '审理中' },
    suspended: { label: '已中止' },
    decided: { label: '已决定', final: true },
  },
  initialState: 'received',
  openEvent: 'test_applied',
  openLabel: '收到申请',
  stakeholders: 'select null::uuid as case_id, null::int as unit_id where false',
  clocks: {
    acceptance: { label: '受理审查期限' },
    review: {
      label: '审理期限',
      escalation: [
        { at: 0.5, event: 'half_time_reminder', label: '过半提醒' },
        { at: 1, event: 'overdue_notice', label: '逾期通报' },
      ],
    },
  },
  openingClocks: [{ name: 'acceptance', rule: () => 'xzfy.accept.review' }],
  actions: {
    accept: {
      label: '受理',
      from: ['received'],
      to: 'reviewing',
      roles: ['handler'],
      authorize: forOrgan,
      input: {
        type: 'object',
        required: ['acceptedOn'],
        additionalProperties: false,
        properties: {
          acceptedOn: { type: 'string', format: 'date', 'x-kind': 'date' },
          note: { type: 'string', maxLength: 500, 'x-kind': 'longtext' },
          track: { type: 'string', enum: ['general', 'simple'], 'x-kind': 'choice', 'x-labels': { general: '普通程序', simple: '简易程序' } },
        },
      },
      clocks: { stop: ['acceptance'], start: [{ name: 'review', rule: () => 'xzfy.decision' }] },
      effect: async (ctx) => ({ clockUnitId: ctx.organUnitId }),
    },
    suspend: { label: '中止审理', from: ['reviewing'], to: 'suspended', roles: ['handler'], authorize: forOrgan, input: noInput, clocks: { suspend: ['review'] } },
    decide: { label: '作出决定', from: ['reviewing'], to: 'decided', roles: ['leader'], authorize: async (ctx) => actsAs(ctx.actor, 'test_lists', ['leader'], ctx.organUnitId), input: noInput, clocks: { stop: ['review'] } },
  },
  listing: {
    source: 'select case_id, code, applicant, received_on, amount, matter_kind, respondent_unit_id from test_apps',
    columns: [
      { key: 'code', label: '案号', kind: 'text' },
      { key: 'applicant', label: '申请人', kind: 'text' },
      { key: 'received_on', label: '收到日期', kind: 'date' },
      { key: 'amount', label: '涉案金额', kind: 'money' },
      { key: 'matter_kind', label: '事项类别', kind: 'choice', options: { permit: '行政许可', penalty: '行政处罚' } },
      { key: 'respondent_unit_id', label: '被申请人', kind: 'unit' },
    ],
    filters: [
      { key: 'state', label: '状态', kind: 'choice' },
      { key: 'matter_kind', label: '事项类别', kind: 'choice' },
      { key: 'received_on', label: '收到日期', kind: 'date_range' },
      { key: 'applicant', label: '申请人', kind: 'text' },
      { key: 'respondent_unit_id', label: '被申请人', kind: 'unit' },
      { key: 'organ', label: '受理机关', kind: 'unit' },
    ],
    search: ['applicant', 'code'],
    title: 'applicant',
    code: 'code',
  },
});
registerModule({
  name: 'test_lists',
  label: '测试模块',
  roles: { handler: { label: '承办人' }, leader: { label: '负责人' } },
  caseTypes: [application],
  linkKinds: { test_lists_related: { label: '相关案件', inverseLabel: '被关联' } },
});

const T0 = new Date('2026-03-02T09:00:00+08:00');

interface Seeded {
  id: string;
  code: string;
  applicant: string;
  receivedOn: string;
  amount: number;
  kind: 'permit' | 'penalty';
}

for (const backend of testBackends()) {
  describe(`lists, to-do, detail and export of any case type on ${backend.name}`, () => {
    let ctx: TestContext;
    let townA: number;
    let townB: number;
    let deptX: number;
    let deptY: number;
    const a: Seeded[] = [];
    let b: Seeded;

    const makeStaff = (username: string, unitId: number, grants: Array<{ role: string; unitId: number }>) => ctx.makeStaff(username, unitId, grants);
    const open = async (organ: number, at: Date, row: Omit<Seeded, 'id'>, respondent: number) => {
      const caseId = randomUUID();
      await ctx.database.transaction(async (tx) => {
        await openCase(tx, { caseId, caseType: TYPE, actor: SYSTEM, at, organUnitId: organ, payload: { applicant: row.applicant } });
        await tx.execute(
          sql`insert into test_apps (case_id, code, applicant, received_on, amount, matter_kind, respondent_unit_id)
            values (${caseId}, ${row.code}, ${row.applicant}, ${row.receivedOn}::date, ${row.amount}, ${row.kind}, ${respondent})`,
        );
      });
      return { id: caseId, ...row };
    };
    const get = async (url: string, user: string) => ctx.app.inject({ url, headers: await ctx.as(user) });
    const search = async (user: string, query: string) => {
      const res = await get(`/api/cases?caseType=${TYPE}&${query}`, user);
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { total: number; items: Array<Record<string, any>> };
    };
    const ids = (list: { items: Array<Record<string, any>> }) => list.items.map((i) => i.caseId as string);
    const eventCount = async () => ((await ctx.database.backend.query('select count(*)::int from case_events', [], 'array')).rows[0] as [number])[0];
    const post = async (caseId: string, action: string, user: string, payload: unknown = {}) =>
      ctx.app.inject({ method: 'POST', url: `/api/cases/${caseId}/actions/${action}`, headers: await ctx.as(user), payload: payload as object });

    before(async () => {
      ctx = await createTestContext(backend.url, T0);
      [townA, townB] = [...ctx.org.townshipIds.values()] as [number, number];
      [deptX, deptY] = [...ctx.org.departmentIds.values()] as [number, number];
      await ctx.database.backend.query(
        'create table test_apps (case_id uuid primary key, code text, applicant text, received_on date, amount numeric, matter_kind text, respondent_unit_id int)', [], 'object');
      await makeStaff('officer-a', townA, [{ role: 'test_lists.handler', unitId: townA }]);
      await makeStaff('leader-a', townA, [{ role: 'test_lists.leader', unitId: townA }]);
      await makeStaff('officer-b', townB, [{ role: 'test_lists.handler', unitId: townB }]);
      const day = (d: string) => new Date(`${d}T09:00:00+08:00`);
      a.push(await open(townA, day('2026-02-26'), { code: '测〔2026〕1号', applicant: '张三', receivedOn: '2026-02-20', amount: 1200.5, kind: 'permit' }, deptX));
      a.push(await open(townA, day('2026-02-27'), { code: '测〔2026〕2号', applicant: '100%达标公司', receivedOn: '2026-02-25', amount: 300, kind: 'penalty' }, deptY));
      a.push(await open(townA, day('2026-02-28'), { code: '测〔2026〕3号', applicant: '张_三', receivedOn: '2026-02-27', amount: 80000, kind: 'permit' }, deptX));
      a.push(await open(townA, T0, { code: '测〔2026〕4号', applicant: '张某三', receivedOn: '2026-03-01', amount: 5, kind: 'penalty' }, deptY));
      b = await open(townB, T0, { code: '测〔2026〕5号', applicant: '王五', receivedOn: '2026-03-01', amount: 10, kind: 'permit' }, deptX);
    });
    after(async () => ctx?.close());

    test('a search lists the declared columns, state, organ and the most urgent clock', async () => {
      ctx.time.set(T0);
      const list = await search('officer-a', 'sort=code');
      assert.equal(list.total, 4);
      assert.deepEqual(ids(list), a.map((c) => c.id));
      const first = list.items[0]!;
      assert.equal(first.title, '张三');
      assert.equal(first.code, '测〔2026〕1号');
      assert.equal(first.stateLabel, '已收件');
      assert.equal(first.typeLabel, '测试申请');
      assert.equal(typeof first.organName, 'string');
      assert.deepEqual(first.values, { code: '测〔2026〕1号', applicant: '张三', received_on: '2026-02-20', amount: 1200.5, matter_kind: 'permit', respondent_unit_id: deptX });
      assert.equal(first.texts.matter_kind, '行政许可');
      assert.equal(first.texts.amount, '1200.50');
      assert.notEqual(first.texts.respondent_unit_id, String(deptX), 'a unit column reads as the unit’s name');
      assert.equal(first.clock.name, 'acceptance');
      assert.equal(first.clock.label, '受理审查期限');
      assert.equal(first.clock.status, 'green');
    });

    test('each filter kind narrows the search, and q takes % and _ literally', async () => {
      ctx.time.set(T0);
      assert.deepEqual(ids(await search('officer-a', 'matter_kind=penalty&sort=code')), [a[1]!.id, a[3]!.id], 'choice');
      assert.deepEqual(ids(await search('officer-a', 'received_on_from=2026-02-25&received_on_to=2026-02-27&sort=code')), [a[1]!.id, a[2]!.id], 'date range, both ends inclusive');
      assert.deepEqual(ids(await search('officer-a', `applicant=${encodeURIComponent('张')}&sort=code`)), [a[0]!.id, a[2]!.id, a[3]!.id], 'text');
      assert.deepEqual(ids(await search('officer-a', `respondent_unit_id=${deptX}&sort=code`)), [a[0]!.id, a[2]!.id], 'unit');
      assert.deepEqual(ids(await search('officer-a', `organ=${townA}&sort=code`)), a.map((c) => c.id), 'organ subtree');
      assert.equal((await search('officer-a', `organ=${townB}`)).total, 0);
      assert.deepEqual(ids(await search('officer-a', 'received_from=2026-03-02&received_to=2026-03-02')), [a[3]!.id], 'the day a case was opened, China time');
      assert.equal((await search('officer-a', 'state=reviewing')).total, 0);
      assert.equal((await search('officer-a', 'state=received')).total, 4);
      assert.deepEqual(ids(await search('officer-a', `q=${encodeURIComponent('%')}`)), [a[1]!.id], '% is a character, not a wildcard');
      assert.deepEqual(ids(await search('officer-a', 'q=_')), [a[2]!.id], '_ is a character, not a wildcard');
      assert.deepEqual(ids(await search('officer-a', `q=${encodeURIComponent('张_三')}`)), [a[2]!.id], 'not 张某三');
      assert.deepEqual(ids(await search('officer-a', `q=${encodeURIComponent('〔2026〕4号')}`)), [a[3]!.id], 'the code is searched too');
    });

    test('pages and sorts: bounded, stable, each way', async () => {
      ctx.time.set(T0);
      const byAmount = await search('officer-a', 'sort=amount');
      assert.deepEqual(byAmount.items.map((i) => i.values.amount), [5, 300, 1200.5, 80000]);
      assert.deepEqual((await search('officer-a', 'sort=-amount')).items.map((i) => i.values.amount), [80000, 1200.5, 300, 5]);
      assert.deepEqual(ids(await search('officer-a', 'sort=due')), a.map((c) => c.id), 'soonest due first');
      const page1 = await search('officer-a', 'sort=amount&page=1&pageSize=3');
      const page2 = await search('officer-a', 'sort=amount&page=2&pageSize=3');
      assert.equal(page1.total, 4);
      assert.deepEqual([...ids(page1), ...ids(page2)], ids(byAmount));
      assert.deepEqual((await search('officer-a', 'page=1000000&pageSize=100')).items, []);
    });

    test('bad input answers 400 with a stable code and writes nothing', async () => {
      const before = await eventCount();
      const cases: Array<[string, string]> = [
        [`/api/cases?caseType=no_such_type`, 'CASE_TYPE_UNKNOWN'],
        [`/api/cases/export.xlsx?caseType=no_such_type`, 'CASE_TYPE_UNKNOWN'],
        [`/api/cases/todo?caseType=no_such_type`, 'CASE_TYPE_UNKNOWN'],
        [`/api/cases`, 'VALIDATION_FAILED'],
        [`/api/cases?caseType=${TYPE}&page=1e999`, 'VALIDATION_FAILED'],
        [`/api/cases?caseType=${TYPE}&page=1000001`, 'VALIDATION_FAILED'],
        [`/api/cases?caseType=${TYPE}&pageSize=0`, 'VALIDATION_FAILED'],
        [`/api/cases?caseType=${TYPE}&pageSize=101`, 'VALIDATION_FAILED'],
        [`/api/cases?caseType=${TYPE}&sort=nothing`, 'CASE_SORT_UNKNOWN'],
        [`/api/cases?caseType=${TYPE}&made_up=1`, 'CASE_FILTER_UNKNOWN'],
        [`/api/cases?caseType=${TYPE}&amount=1`, 'CASE_FILTER_UNKNOWN'],
        [`/api/cases?caseType=${TYPE}&received_on=2026-03-01`, 'CASE_FILTER_UNKNOWN'],
        [`/api/cases?caseType=${TYPE}&received_on_from=2026-02-30`, 'CASE_FILTER_INVALID'],
        [`/api/cases?caseType=${TYPE}&matter_kind=other`, 'CASE_FILTER_INVALID'],
        [`/api/cases?caseType=${TYPE}&organ=x`, 'CASE_FILTER_INVALID'],
        [`/api/cases?caseType=${TYPE}&state=nowhere`, 'CASE_FILTER_INVALID'],
        [`/api/cases?caseType=hotline_request&q=x`, 'CASE_FILTER_UNKNOWN'],
        [`/api/cases/not-a-uuid`, 'VALIDATION_FAILED'],
      ];
      for (const [url, code] of cases) {
        const res = await get(url, url.includes('hotline') ? 'dispatcher' : 'officer-a');
        assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
        assert.equal(res.json().error.code, code, url);
      }
      const bad = await post('not-a-uuid', 'accept', 'officer-a', { acceptedOn: '2026-03-02' });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.code, 'VALIDATION_FAILED');
      const missing = await post(a[0]!.id, 'accept', 'officer-a', {});
      assert.equal(missing.json().error.code, 'ACTION_INPUT_INVALID');
      assert.equal(await eventCount(), before);
      assert.equal((await ctx.app.inject({ url: `/api/cases?caseType=${TYPE}` })).statusCode, 401);
      assert.equal((await ctx.app.inject({ url: `/api/cases/${a[0]!.id}` })).statusCode, 401);
      assert.equal((await get(`/api/cases?caseType=${TYPE}`, 'operator')).statusCode, 403, 'no role in the module, no list of its cases');
    });

    test('a second organ’s officer sees none of the first organ’s cases through any route', async () => {
      ctx.time.set(T0);
      const theirs = await search('officer-b', '');
      assert.deepEqual(ids(theirs), [b.id]);
      assert.equal((await search('officer-b', `q=${encodeURIComponent('张')}`)).total, 0);
      const todo = (await get(`/api/cases/todo?caseType=${TYPE}`, 'officer-b')).json();
      assert.deepEqual(todo.items.map((i: { caseId: string }) => i.caseId), [b.id]);
      const unknown = await get(`/api/cases/${randomUUID()}`, 'officer-b');
      const hidden = await get(`/api/cases/${a[0]!.id}`, 'officer-b');
      assert.equal(hidden.statusCode, 404);
      assert.deepEqual(hidden.json(), unknown.json(), 'out of scope reads exactly as unknown');
      const before = await eventCount();
      const act = await post(a[0]!.id, 'accept', 'officer-b', { acceptedOn: '2026-03-02' });
      assert.equal(act.statusCode, 404);
      assert.equal(act.json().error.code, 'CASE_NOT_FOUND');
      const actUnknown = await post(a[0]!.id, 'no_such_action', 'officer-b', {});
      assert.equal(actUnknown.json().error.code, 'CASE_NOT_FOUND', 'not even which actions the type has');
      assert.equal(await eventCount(), before);
      const exported = await get(`/api/cases/export.xlsx?caseType=${TYPE}`, 'officer-b');
      const rows = await sheetRows(exported.rawPayload);
      assert.deepEqual(rows.slice(3).map((r) => r[0]), ['测〔2026〕5号']);
      const mine = await get(`/api/cases/${b.id}`, 'officer-b');
      assert.equal(mine.statusCode, 200);
    });

    test('the to-do list: the actor’s units’ running clocks, soonest first, paused ones last', async () => {
      ctx.time.set(T0);
      const todo = async (user: string, query = `caseType=${TYPE}`) => {
        const res = await get(`/api/cases/todo?${query}`, user);
        assert.equal(res.statusCode, 200, res.body);
        return res.json() as { total: number; items: Array<Record<string, any>> };
      };
      assert.deepEqual(ids(await todo('officer-a')), a.map((c) => c.id));
      assert.deepEqual(ids(await todo('officer-a', 'module=test_lists')), a.map((c) => c.id));
      assert.equal((await todo('leader-a')).total, 4, 'the leader acts for the same organ');
      assert.equal((await todo('dispatcher', 'module=test_lists')).total, 0, 'no role there, no work there');

      const accepted = await post(a[1]!.id, 'accept', 'officer-a', { acceptedOn: '2026-03-02', track: 'general', note: '材料齐全' });
      assert.equal(accepted.statusCode, 200, accepted.body);
      assert.equal(accepted.json().state, 'reviewing');
      assert.equal(typeof accepted.json().facts.reviewDueAt, 'string');
      assert.equal((await post(a[2]!.id, 'accept', 'officer-a', { acceptedOn: '2026-03-02' })).statusCode, 200);
      assert.equal((await post(a[2]!.id, 'suspend', 'officer-a')).statusCode, 200);
      const list = await todo('officer-a');
      assert.deepEqual(ids(list), [a[0]!.id, a[3]!.id, a[1]!.id, a[2]!.id]);
      assert.deepEqual(list.items.map((i) => [i.clock.name, i.clock.status]), [
        ['acceptance', 'green'], ['acceptance', 'green'], ['review', 'green'], ['review', 'paused'],
      ]);
      // 张三's acceptance review ran out at the end of 5 March; 张某三's at the end of 9 March.
      ctx.time.set(new Date('2026-03-06T12:00:00+08:00'));
      assert.deepEqual((await todo('officer-a')).items.map((i) => i.clock.status), ['red', 'green', 'green', 'paused']);
      ctx.time.set(new Date('2026-03-09T12:00:00+08:00'));
      assert.deepEqual((await todo('officer-a')).items.map((i) => i.clock.status), ['red', 'yellow', 'green', 'paused']);
      assert.deepEqual((await search('officer-a', 'sort=due')).items.map((i) => i.clock.status), ['red', 'yellow', 'green', 'paused']);
    });

    test('the detail page: timeline in Chinese, clocks with status, links, documents, and the actions on offer with their schemas', async () => {
      const caseId = a[1]!.id;
      await ctx.database.transaction((tx) => linkCases(tx, { fromCaseId: caseId, toCaseId: a[0]!.id, kind: 'test_lists_related', actor: SYSTEM, at: ctx.time.now() }));
      await ctx.database.transaction((tx) => recordCaseEvent(tx, { caseId, type: 'document_issued', actor: SYSTEM, at: ctx.time.now(), payload: { title: '受理通知书', sha256: 'ab'.repeat(32) } }));
      // Half the review's time has passed (60 days, the last falling in the May Day holiday, so to 6 May): the type's own first step.
      ctx.time.set(new Date('2026-04-07T09:00:00+08:00'));
      await sweepClocks(ctx.database, ctx.time.now());

      const res = await get(`/api/cases/${caseId}`, 'officer-a');
      assert.equal(res.statusCode, 200, res.body);
      const detail = res.json();
      assert.equal(detail.case.title, '100%达标公司');
      assert.equal(detail.case.stateLabel, '审理中');
      assert.equal(detail.case.final, false);
      assert.deepEqual(detail.case.columns.map((c: { label: string }) => c.label), ['案号', '申请人', '收到日期', '涉案金额', '事项类别', '被申请人']);
      assert.deepEqual(
        detail.timeline.map((e: { type: string; label: string }) => [e.type, e.label]),
        [['test_applied', '收到申请'], ['accept', '受理'], ['case_linked', '关联案件'], ['document_issued', '签发文书'], ['half_time_reminder', '过半提醒']],
      );
      assert.equal(detail.timeline[1].actorName, 'officer-a');
      assert.equal(detail.timeline[1].payload.input.note, '材料齐全');
      assert.equal(detail.timeline[2].text, '相关案件');
      assert.equal(detail.timeline[4].text, '审理期限');
      assert.equal(detail.timeline[4].actorName, '系统');
      assert.deepEqual(detail.documents.map((d: { payload: { title: string } }) => d.payload.title), ['受理通知书']);
      assert.deepEqual(
        detail.clocks.map((k: Record<string, unknown>) => [k.name, k.label, k.status, k.urgeLabel, k.law]),
        [['acceptance', '受理审查期限', 'stopped', null, '行政复议法'], ['review', '审理期限', 'yellow', '过半提醒', '行政复议法']],
      );
      assert.deepEqual(detail.links.map((l: { label: string; otherCaseId: string }) => [l.label, l.otherCaseId]), [['相关案件', a[0]!.id]]);
      const other = (await get(`/api/cases/${a[0]!.id}`, 'officer-a')).json();
      assert.deepEqual(other.links.map((l: { label: string }) => l.label), ['被关联']);
      assert.equal(other.timeline.find((e: { type: string }) => e.type === 'case_linked').text, '被关联');

      assert.deepEqual(detail.actions.map((x: { action: string; label: string }) => [x.action, x.label]), [['suspend', '中止审理']], 'the officer may not decide');
      const received = (await get(`/api/cases/${a[3]!.id}`, 'officer-a')).json();
      const accept = received.actions.find((x: { action: string }) => x.action === 'accept');
      assert.equal(accept.label, '受理');
      assert.equal(accept.input.properties.acceptedOn['x-kind'], 'date');
      assert.equal(accept.input.properties.note['x-kind'], 'longtext');
      assert.deepEqual(accept.input.properties.track['x-labels'], { general: '普通程序', simple: '简易程序' });
      assert.deepEqual(accept.input.required, ['acceptedOn']);

      const before = await eventCount();
      const refused = await post(caseId, 'decide', 'officer-a');
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().error.code, 'ACTION_ROLE_FORBIDDEN', 'the engine’s own refusal');
      assert.equal(await eventCount(), before);
      const leader = (await get(`/api/cases/${caseId}`, 'leader-a')).json();
      assert.deepEqual(leader.actions.map((x: { action: string }) => x.action), ['decide']);
      const decided = await post(caseId, 'decide', 'leader-a');
      assert.equal(decided.statusCode, 200, decided.body);
      assert.equal(decided.json().state, 'decided');
      const after = (await get(`/api/cases/${caseId}`, 'leader-a')).json();
      assert.equal(after.case.final, true);
      assert.deepEqual(after.actions, []);
      assert.equal((await get(`/api/cases/todo?caseType=${TYPE}`, 'officer-a')).json().items.some((i: { caseId: string }) => i.caseId === caseId), false, 'a decided case is no one’s work');
    });

    test('the export opens in Excel with Chinese headers and the searched rows', async () => {
      const res = await get(`/api/cases/export.xlsx?caseType=${TYPE}&sort=code&matter_kind=permit`, 'officer-a');
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-type']), /spreadsheetml/);
      assert.match(String(res.headers['content-disposition']), /^attachment; filename\*=UTF-8''/);
      assert.match(decodeURIComponent(String(res.headers['content-disposition']).split("''")[1]!), /^测试申请清单_\d{4}-\d{2}-\d{2}\.xlsx$/);
      const rows = await sheetRows(res.rawPayload);
      assert.equal(rows[0]![0], '测试申请清单');
      assert.deepEqual(rows[2], ['案号', '申请人', '收到日期', '涉案金额', '事项类别', '被申请人', '状态', '受理机关', '期限', '期限届满', '期限状态']);
      assert.deepEqual(rows.slice(3).map((r) => r.slice(0, 5)), [
        ['测〔2026〕1号', '张三', '2026-02-20', 1200.5, '行政许可'],
        ['测〔2026〕3号', '张_三', '2026-02-27', 80000, '行政许可'],
      ]);
      assert.deepEqual(rows.slice(3).map((r) => [r[6], r[8], r[10]]), [['已收件', '受理审查期限', '已超期'], ['已中止', '审理期限', '已中止']]);
      await assert.rejects(
        exportCasesXlsx(ctx.database.db, SYSTEM, { caseType: TYPE }, ctx.time.now(), 3),
        (e: unknown) => e instanceof AppError && e.code === 'CASE_EXPORT_TOO_LARGE',
      );
    });

    test('a type without a listing (the hotline) lists with the platform’s own columns', async () => {
      const recorded = await ctx.app.inject({
        method: 'POST', url: '/api/requests', headers: await ctx.as('operator'),
        payload: { content: '路灯不亮已经三天了，请尽快修理。', townshipCode: '371302001' },
      });
      assert.equal(recorded.statusCode, 201, recorded.body);
      const list = (await get('/api/cases?caseType=hotline_request', 'dispatcher')).json();
      assert.equal(list.total, 1);
      assert.equal(list.items[0].typeLabel, '12345诉求');
      assert.equal(list.items[0].title, null);
      assert.deepEqual(list.items[0].values, {});
      assert.equal(typeof list.items[0].stateLabel, 'string');
      assert.equal((await get('/api/cases?caseType=hotline_request', 'officer-a')).statusCode, 403);
      const rows = await sheetRows((await get('/api/cases/export.xlsx?caseType=hotline_request', 'dispatcher')).rawPayload);
      assert.deepEqual(rows[2], ['案件类型', '状态', '受理机关', '登记时间', '更新时间', '期限', '期限届满', '期限状态']);
      assert.equal(rows.length, 4);
      const detail = await get(`/api/cases/${list.items[0].caseId}`, 'dispatcher');
      assert.equal(detail.statusCode, 200, detail.body);
      assert.equal(detail.json().timeline[0].label, '收案登记');
    });
  });
}

async function sheetRows(payload: Buffer): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(payload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}
