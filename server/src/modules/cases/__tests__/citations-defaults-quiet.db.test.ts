import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { after, before, describe, test } from 'node:test';
import { freshDatabase, testBackends } from '../../../../test/test-context.js';
import type { Actor } from '../../../platform/actor.js';
import type { Database } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { caseDetail, cases, citeCase, defineCaseType, openCase, performAction, REMINDER_RULE, registerModule, sweepClocks, todoCases, verifyAudit } from '../index.js';

// Three things a knowledge base asks of the platform, each general: a case another case's action
// may rest on (the cited type checks the use and says what the citing event records), a form
// that starts from the case's current values, and a clock months long that stays out of the
// to-do until it is near.
const nowhere = 'select null::uuid as case_id, null::int as unit_id where false';
const DAY = 86_400_000;
const T0 = new Date('2026-04-01T09:00:00+08:00');

const uses: string[] = [];
const note = defineCaseType({
  name: 'test_cite_note', label: '条目', module: 'test_cite',
  states: { open: { label: '可用' }, closed: { label: '停用' } }, initialState: 'open', openEvent: 'written', stakeholders: nowhere,
  clocks: { review: { label: '复核', quiet: true, escalation: [{ at: 0.9, event: 'review_soon', label: '临近复核' }, { at: 1, event: 'review_due', label: '复核到期' }] } },
  cite: async (tx, use) => {
    const [row] = await tx.select({ state: cases.state }).from(cases).where(eq(cases.id, use.caseId));
    if (row?.state !== 'open') throw new AppError('TEST_NOT_CITABLE', '不能引用', 409);
    uses.push(`${use.citingAction}:${use.citingCaseId}`);
    return { caseId: use.caseId, title: 'note' };
  },
  actions: {
    edit: {
      label: '修改', from: ['open'], roles: ['writer'],
      input: { type: 'object', properties: { text: { type: 'string', minLength: 1 }, until: { type: 'string', 'x-kind': 'date' } }, required: ['text'], additionalProperties: false },
      defaults: async () => ({ text: '现行口径', until: null }),
    },
    start_review: {
      label: '开始复核计时', from: ['open'], roles: ['writer'], input: { type: 'object', properties: {}, additionalProperties: false },
      effect: async (ctx) => ({ clockUnitId: ctx.organUnitId }),
      clocks: { start: [{ name: 'review', rule: () => REMINDER_RULE, until: (ctx) => new Date(ctx.now.getTime() + 10 * DAY) }] },
    },
    close: { label: '停用', from: ['open'], to: 'closed', roles: ['writer'], input: { type: 'object', properties: {}, additionalProperties: false } },
  },
});
const question = defineCaseType({
  name: 'test_cite_question', label: '问题', module: 'test_cite',
  states: { asked: { label: '待答' }, answered: { label: '已答' } }, initialState: 'asked', openEvent: 'asked', stakeholders: nowhere,
  actions: {
    answer: {
      label: '答复', from: ['asked'], to: 'answered', roles: ['writer'],
      input: { type: 'object', properties: { noteId: { type: 'string', format: 'uuid' } }, required: ['noteId'], additionalProperties: false },
      effect: async (ctx) => ({ eventFacts: { cited: await citeCase(ctx.tx, 'test_cite_note', { caseId: ctx.input.noteId as string, citingCaseId: ctx.caseId, citingAction: 'answer', actor: ctx.actor, at: ctx.now }) } }),
    },
  },
});
registerModule({ name: 'test_cite', label: '引用（测试）', roles: { writer: { label: '撰写人' } }, caseTypes: [note, question] });

const writer: Actor = { role: 'staff', userId: 1, unitId: 1, scopeUnitId: 1, scopePath: '/1/', displayName: '撰写人', grants: [{ role: 'test_cite.writer', unitId: 1, unitPath: '/1/' }] };

for (const backend of testBackends()) {
  describe(`citations, form defaults and quiet clocks on ${backend.name}`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    before(async () => {
      ({ database, drop } = await freshDatabase(backend.url));
      await database.backend.query(`insert into units (id, path, name, kind) values (1, '/1/', '县人民政府', 'government')`, [], 'object');
    });
    after(async () => drop?.());

    const open = async (type: string) => {
      const caseId = randomUUID();
      await database.transaction((tx) => openCase(tx, { caseId, caseType: type, actor: writer, at: T0, organUnitId: 1, payload: {} }));
      return caseId;
    };
    const act = (caseId: string, action: string, input: Record<string, unknown>, now = T0) =>
      database.transaction((tx) => performAction(tx, { caseId, action, actor: writer, input, now }));
    const events = async (caseId: string) =>
      (await database.backend.query('select type, payload from case_events where case_id = $1 order by seq', [caseId], 'object')).rows as Array<{ type: string; payload: { facts?: { cited?: unknown } } }>;

    test('an action rests on another case: the cited type decides, and its facts go in the citing event', async () => {
      const noteId = await open('test_cite_note');
      const first = await open('test_cite_question');
      await act(first, 'answer', { noteId });
      const answered = (await events(first)).at(-1)!;
      assert.equal(answered.type, 'answer');
      assert.deepEqual(answered.payload.facts?.cited, { caseId: noteId, title: 'note' });
      assert.equal(uses.at(-1), `answer:${first}`);

      // Refused by the cited type: nothing of the citing action is written.
      await act(noteId, 'close', {});
      const second = await open('test_cite_question');
      await assert.rejects(act(second, 'answer', { noteId }), (e: AppError) => e.code === 'TEST_NOT_CITABLE');
      assert.deepEqual((await events(second)).map((e) => e.type), ['asked']);
      await assert.rejects(database.transaction((tx) => citeCase(tx, 'test_cite_question', { caseId: first, citingCaseId: second, citingAction: 'x', actor: writer, at: T0 })), /cannot be cited/);
    });

    test('a form starts from the case’s values, which are never applied to the input', async () => {
      const noteId = await open('test_cite_note');
      const detail = await caseDetail(database.db, writer, noteId, T0);
      const edit = detail.actions.find((a) => a.action === 'edit')!;
      assert.equal((edit.input.properties.text as { default?: unknown }).default, '现行口径');
      assert.equal('default' in (edit.input.properties.until as object), false, 'a null default is no default');
      await assert.rejects(act(noteId, 'edit', {}), (e: AppError) => e.code === 'ACTION_INPUT_INVALID');
    });

    test('a quiet clock enters the to-do at its first step, not before', async () => {
      const noteId = await open('test_cite_note');
      await act(noteId, 'start_review', {});
      const listed = async (now: Date) => (await todoCases(database.db, writer, { caseType: 'test_cite_note' }, now)).items.map((i) => i.caseId);
      assert.deepEqual(await listed(T0), []);
      await sweepClocks(database, new Date(T0.getTime() + 8 * DAY));
      assert.deepEqual(await listed(new Date(T0.getTime() + 8 * DAY)), [], 'before 90 % of its time');
      await sweepClocks(database, new Date(T0.getTime() + 9.5 * DAY));
      const near = await todoCases(database.db, writer, { caseType: 'test_cite_note' }, new Date(T0.getTime() + 9.5 * DAY));
      assert.deepEqual(near.items.map((i) => [i.caseId, i.clock?.status]), [[noteId, 'yellow']]);
      assert.deepEqual((await verifyAudit(database, { witnessFile: null })).findings, []);
    });
  });
}
