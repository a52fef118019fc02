import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { freshDatabase, testBackends } from '../../../../test/test-context.js';
import type { Actor } from '../../../platform/actor.js';
import type { Database } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { defineCaseType, registerModule, noticeInTime, openCase, performAction, REMINDER_RULE, sweepClocks, verifyAudit } from '../index.js';

// A reconsideration-like workflow exercising what a second module needs of clocks: a start in
// the past, a clock started on opening, two clocks of one rule told apart by their subject,
// suspension and resumption, a notice rule counted back from a hearing, and its own urging.
// Every expected day is counted by hand from 行政复议法 and the 2026 holiday calendar.
const noInput = { type: 'object', properties: {}, additionalProperties: false } as const;
const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

const review = defineCaseType({
  name: 'test_review_application',
  label: '复议申请（测试）',
  module: 'test_review',
  states: {
    received: { label: '已收到' },
    accepted: { label: '已受理' },
    suspended: { label: '已中止' },
    decided: { label: '已决定', final: true },
  },
  initialState: 'received',
  openEvent: 'applied',
  stakeholders: 'select null::uuid as case_id, null::int as unit_id where false',
  clocks: {
    acceptance: { label: '受理审查期限' },
    supplement: { label: '补正期限' },
    decision: {
      label: '审理期限',
      escalation: [
        { at: 0.5, event: 'half_time_reminder', label: '过半提醒' },
        { at: 1, event: 'overdue_notice', label: '超期通报' },
      ],
    },
    hearing_notice: { label: '听证通知期限' },
    opinion: { label: '意见回复期限' },
  },
  // The acceptance review runs from the day the application arrived, which may be days before it is entered.
  openingClocks: [{ name: 'acceptance', rule: () => 'xzfy.accept.review', startAt: (p) => new Date(`${p.receivedOn as string}T12:00:00+08:00`) }],
  actions: {
    ask_supplement: {
      label: '补正通知', from: ['received'], roles: ['handler'],
      input: { type: 'object', properties: { requestId: { type: 'string', format: 'uuid' } }, required: ['requestId'], additionalProperties: false },
      clocks: { start: [{ name: 'supplement', rule: () => 'xzfy.supplement.submit', subject: (ctx) => ctx.input.requestId as string }] },
    },
    supplied: {
      label: '补正到达', from: ['received'], roles: ['handler'],
      input: { type: 'object', properties: { requestId: { type: 'string', format: 'uuid' } }, required: ['requestId'], additionalProperties: false },
      clocks: { stop: [{ name: 'supplement', subject: (ctx) => ctx.input.requestId as string }] },
    },
    accept: {
      label: '受理', from: ['received'], to: 'accepted', roles: ['handler'], input: noInput,
      clocks: { stop: ['acceptance'], start: [{ name: 'decision', rule: () => 'xzfy.decision' }] },
    },
    suspend: { label: '中止', from: ['accepted'], to: 'suspended', roles: ['handler'], input: noInput, clocks: { suspend: ['decision'] } },
    resume: { label: '恢复', from: ['suspended'], to: 'accepted', roles: ['handler'], input: noInput, clocks: { resume: ['decision'] } },
    schedule_hearing: {
      label: '安排听证', from: ['accepted'], roles: ['handler'],
      input: { type: 'object', properties: { hearingOn: day }, required: ['hearingOn'], additionalProperties: false },
      precondition: noticeInTime('xzfy.hearing.notice', (ctx) => ctx.input.hearingOn as string),
      clocks: { start: [{ name: 'hearing_notice', rule: () => 'xzfy.hearing.notice', eventDay: (ctx) => ctx.input.hearingOn as string }] },
    },
    decide: { label: '决定', from: ['accepted'], to: 'decided', roles: ['handler'], input: noInput, clocks: { stop: ['decision'] } },
    // Several units asked at once, each answering on a clock of its own (ClockStart.each).
    ask_opinions: {
      label: '征求意见', from: ['accepted'], roles: ['handler'],
      input: {
        type: 'object',
        properties: { askedIds: { type: 'array', items: { type: 'string', format: 'uuid' } }, firstBy: day, othersBy: day },
        required: ['askedIds', 'firstBy', 'othersBy'],
        additionalProperties: false,
      },
      effect: async (ctx) => {
        const input = ctx.input as { askedIds: string[]; firstBy: string; othersBy: string };
        return {
          clockSubjects: input.askedIds.map((id, i) => ({ subjectId: id, unitId: 10 + i, until: new Date(endOf(i === 0 ? input.firstBy : input.othersBy)) })),
        };
      },
      clocks: { start: [{ name: 'opinion', rule: () => REMINDER_RULE, each: (_, result) => result.clockSubjects ?? [] }] },
    },
  },
});
registerModule({ name: 'test_review', label: '复议（测试）', roles: { handler: { label: '承办人' } }, caseTypes: [review] });

const handler: Actor = {
  role: 'staff', userId: 1, unitId: 1, scopeUnitId: 1, scopePath: '/1/', displayName: '复议承办人', grants: [{ role: 'test_review.handler', unitId: 1, unitPath: '/1/' }],
};
const at = (iso: string) => new Date(`${iso}+08:00`);
/** The end of a day in Asia/Shanghai: when a day-based limit runs out. */
const endOf = (day: string) => new Date(`${day}T24:00:00+08:00`).toISOString();

for (const backend of testBackends()) {
  describe(`clocks on ${backend.name}`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    before(async () => {
      ({ database, drop } = await freshDatabase(backend.url));
      await database.backend.query(`insert into units (id, path, name, kind) values (1, '/1/', '县人民政府', 'government')`, [], 'object');
    });
    after(async () => drop?.());

    const open = async (receivedOn: string, enteredAt: Date) => {
      const caseId = randomUUID();
      await database.transaction((tx) =>
        openCase(tx, { caseId, caseType: review.name, actor: handler, at: enteredAt, organUnitId: 1, payload: { receivedOn } }));
      return caseId;
    };
    const act = (caseId: string, action: string, input: Record<string, unknown>, now: Date) =>
      database.transaction((tx) => performAction(tx, { caseId, action, actor: handler, input, now }));
    const clocks = async (caseId: string) =>
      (await database.backend.query(
        'select name, subject_id, started_at, due_at, paused_at, stopped_at, urge_level from case_clocks where case_id = $1 order by started_at, name',
        [caseId],
        'object',
      )).rows as Array<{ name: string; subject_id: string | null; started_at: Date; due_at: Date; paused_at: Date | null; stopped_at: Date | null; urge_level: number }>;
    const clock = async (caseId: string, name: string) => (await clocks(caseId)).find((c) => c.name === name)!;
    const eventTypes = async (caseId: string) =>
      (await database.backend.query('select type from case_events where case_id = $1 order by seq', [caseId], 'array')).rows.map((r) => (r as [string])[0]);

    test('a clock started on opening counts from the day the application arrived, not the day it was entered', async () => {
      // Received by post on Mon 2026-09-14, entered a week later. Five working days (art. 30, 88):
      // 09-15, 16, 17, 18, then Sat 19 is a rest day and Sun 20 a make-up workday (调休上班) — the 5th.
      const caseId = await open('2026-09-14', at('2026-09-21T10:00:00'));
      const acceptance = await clock(caseId, 'acceptance');
      assert.equal(acceptance.started_at.toISOString(), at('2026-09-14T12:00:00').toISOString());
      assert.equal(acceptance.due_at.toISOString(), endOf('2026-09-20'));
      const [opening] = (await database.backend.query('select payload from case_events where case_id = $1 and seq = 1', [caseId], 'array')).rows as Array<[{ facts: Record<string, string> }]>;
      assert.equal(opening![0].facts.acceptanceDueAt, endOf('2026-09-20'));
      // Entered after its limit passed: the first sweep records it overdue at once.
      await sweepClocks(database, at('2026-09-21T10:01:00'));
      assert.deepEqual(await eventTypes(caseId), ['applied', 'auto_supervise']);
    });

    test('two 补正 requests run two clocks of one rule; each stops on its own answer', async () => {
      const caseId = await open('2026-03-02', at('2026-03-02T09:00:00'));
      const first = randomUUID();
      const second = randomUUID();
      await act(caseId, 'ask_supplement', { requestId: first }, at('2026-03-03T09:00:00'));
      await act(caseId, 'ask_supplement', { requestId: second }, at('2026-03-05T09:00:00'));
      await act(caseId, 'supplied', { requestId: first }, at('2026-03-06T09:00:00'));
      const supplements = (await clocks(caseId)).filter((c) => c.name === 'supplement');
      assert.equal(supplements.length, 2);
      assert.ok(supplements.find((c) => c.subject_id === first)!.stopped_at);
      assert.equal(supplements.find((c) => c.subject_id === second)!.stopped_at, null);
      // Ten working days from Thu 03-05: 03-06, 09–13, 16–19 → Thu 2026-03-19.
      assert.equal(supplements.find((c) => c.subject_id === second)!.due_at.toISOString(), endOf('2026-03-19'));
    });

    test('a suspension moves the limit by the whole days the clock stood still', async () => {
      const caseId = await open('2026-03-02', at('2026-03-02T09:00:00'));
      await act(caseId, 'accept', {}, at('2026-03-02T10:00:00'));
      // 60 days from Mon 03-02 end on Fri 05-01, a holiday (05-01…05-05): the period ends Wed 05-06.
      assert.equal((await clock(caseId, 'decision')).due_at.toISOString(), endOf('2026-05-06'));
      await act(caseId, 'suspend', {}, at('2026-03-10T15:00:00'));
      const paused = await clock(caseId, 'decision');
      assert.ok(paused.paused_at);
      // A clock that stands still is not urged, however long the suspension lasts.
      await sweepClocks(database, at('2026-05-07T09:00:00'));
      assert.deepEqual(await eventTypes(caseId), ['applied', 'accept', 'suspend']);
      const resumed = await act(caseId, 'resume', {}, at('2026-03-19T09:00:00'));
      // 03-10 to 03-19 (ten days, both ends) do not count: 03-03…03-09 are days 1–7, then from
      // 03-20 on, day 60 is Mon 05-11, a working day.
      assert.equal(resumed.facts.decisionDueAt, endOf('2026-05-11'));
      assert.equal((await clock(caseId, 'decision')).due_at.toISOString(), endOf('2026-05-11'));
      assert.equal((await clock(caseId, 'decision')).paused_at, null);
    });

    test('a clock urges by its own escalation steps, and a resumption reschedules them', async () => {
      // Sweeps see every case in the database, so each assertion reads this case's own record.
      const caseId = await open('2026-03-02', at('2026-03-02T09:00:00'));
      await act(caseId, 'accept', {}, at('2026-03-02T10:00:00'));
      const due = new Date(endOf('2026-05-06'));
      const half = new Date(at('2026-03-02T10:00:00').getTime() + (due.getTime() - at('2026-03-02T10:00:00').getTime()) / 2);
      await sweepClocks(database, new Date(half.getTime() - 60_000));
      assert.deepEqual(await eventTypes(caseId), ['applied', 'accept']);
      await Promise.all([sweepClocks(database, half), sweepClocks(database, half)]);
      assert.deepEqual(await eventTypes(caseId), ['applied', 'accept', 'half_time_reminder'], 'two sweeps at once remind only once');
      await act(caseId, 'suspend', {}, at('2026-04-01T09:00:00'));
      await act(caseId, 'resume', {}, at('2026-04-07T09:00:00'));
      // 04-01…04-07 stand still (清明 among them, counted like any day in a calendar period):
      // 03-03…03-31 are days 1–29, 04-08…04-30 days 30–52, and day 60 is Fri 05-08.
      assert.equal((await clock(caseId, 'decision')).due_at.toISOString(), endOf('2026-05-08'));
      await sweepClocks(database, new Date(due.getTime() + 60_000));
      assert.equal((await eventTypes(caseId)).at(-1), 'resume', 'the old limit no longer counts');
      await sweepClocks(database, new Date(new Date(endOf('2026-05-08')).getTime() + 1));
      assert.deepEqual(await eventTypes(caseId), ['applied', 'accept', 'half_time_reminder', 'suspend', 'resume', 'overdue_notice']);
    });

    test('one action can start a clock per subject, each for its own unit and to its own day', async () => {
      const caseId = await open('2026-03-02', at('2026-03-02T09:00:00'));
      await act(caseId, 'accept', {}, at('2026-03-02T10:00:00'));
      const [first, second] = [randomUUID(), randomUUID()];
      const asked = await act(caseId, 'ask_opinions', { askedIds: [first, second], firstBy: '2026-03-04', othersBy: '2026-03-06' }, at('2026-03-02T11:00:00'));
      assert.deepEqual(asked.facts.opinionDueAts, { [first]: endOf('2026-03-04'), [second]: endOf('2026-03-06') });
      const rows = (await database.backend.query(
        "select subject_id, unit_id, due_at from case_clocks where case_id = $1 and name = 'opinion' order by unit_id", [caseId], 'object',
      )).rows as Array<{ subject_id: string; unit_id: number; due_at: Date }>;
      assert.deepEqual(rows.map((r) => [r.subject_id, r.unit_id, new Date(r.due_at).toISOString()]), [[first, 10, endOf('2026-03-04')], [second, 11, endOf('2026-03-06')]]);
      // Only the first runs out on 03-05: it alone is supervised, naming its subject.
      await sweepClocks(database, at('2026-03-05T09:00:00'));
      const supervised = (await database.backend.query(
        "select payload from case_events where case_id = $1 and type = 'auto_supervise'", [caseId], 'array',
      )).rows as Array<[{ clock: string; subjectId: string; unitId: number }]>;
      assert.deepEqual(supervised.map(([p]) => [p.clock, p.subjectId, p.unitId]), [['opinion', first, 10]]);
    });

    test('a short suspension before a holiday can leave the limit where it was', async () => {
      // Two days out of a period ending on 05-01 would end it on Sun 05-03, inside the May Day
      // holiday, which rolls it to Wed 05-06 all the same (民诉法 art. 85).
      const caseId = await open('2026-03-02', at('2026-03-02T09:00:00'));
      await act(caseId, 'accept', {}, at('2026-03-02T10:00:00'));
      await act(caseId, 'suspend', {}, at('2026-04-01T09:00:00'));
      const resumed = await act(caseId, 'resume', {}, at('2026-04-02T09:00:00'));
      assert.equal(resumed.facts.decisionDueAt, endOf('2026-05-06'));
    });

    test('a hearing notice is counted back from the hearing: a reminder clock and a gate', async () => {
      // Hearing on Mon 2026-10-12. Five working days back (art. 51), the hearing day counting:
      // 10-12, Sat 10-10 (make-up workday), 10-09, 10-08, then 国庆 10-01…10-07, then Wed 09-30.
      // Notice must go out no later than Tue 2026-09-29.
      const caseId = await open('2026-09-01', at('2026-09-01T09:00:00'));
      await act(caseId, 'accept', {}, at('2026-09-02T09:00:00'));
      await assert.rejects(act(caseId, 'schedule_hearing', { hearingOn: '2026-10-12' }, at('2026-09-30T09:00:00')), (e: unknown) => {
        assert.ok(e instanceof AppError && e.code === 'NOTICE_TOO_LATE');
        assert.deepEqual(e.details, { rule: 'xzfy.hearing.notice', eventDay: '2026-10-12', latestNoticeDay: '2026-09-29' });
        assert.match(e.message, /2026-09-29/);
        return true;
      });
      const scheduled = await act(caseId, 'schedule_hearing', { hearingOn: '2026-10-12' }, at('2026-09-28T16:00:00'));
      assert.equal(scheduled.facts.hearing_noticeDueAt, endOf('2026-09-29'));
      // The reminder supervises once the last notice day has passed.
      await sweepClocks(database, at('2026-09-30T00:00:01'));
      assert.deepEqual((await eventTypes(caseId)).slice(-2), ['schedule_hearing', 'auto_supervise']);
    });

    test('every moved clock leaves the record whole', async () => {
      assert.deepEqual((await verifyAudit(database)).findings, []);
    });
  });
}
