import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { freshDatabase, testBackends } from '../../../../test/test-context.js';
import type { Actor } from '../../../platform/actor.js';
import type { Database } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { defineCaseType, registerModule, openCase, performAction, sweepClocks, verifyAudit } from '../index.js';

// A second, unrelated workflow (a 政府信息公开 application) proves the engine is not
// tied to 12345: its own states, roles, inputs and a statutory clock with extension.
const disclosure = defineCaseType({
  name: 'test_disclosure_application',
  label: '政府信息公开申请',
  module: 'test_disclosure',
  states: { received: { label: '已收到' }, accepted: { label: '已受理' }, answered: { label: '已答复', final: true } },
  initialState: 'received',
  openEvent: 'applied',
  stakeholders: 'select null::uuid as case_id, null::int as unit_id where false',
  clocks: { reply: { label: '答复期限' } },
  actions: {
    accept: { label: '受理', from: ['received'], to: 'accepted', roles: ['handler'], input: { type: 'object', properties: {}, additionalProperties: false }, clocks: { start: [{ name: 'reply', rule: () => 'xxgk.reply' }] } },
    extend: { label: '延长答复期限', from: ['accepted'], roles: ['unit_leader'], input: { type: 'object', properties: { reason: { type: 'string', minLength: 2 } }, required: ['reason'], additionalProperties: false }, clocks: { extend: ['reply'] } },
    answer: { label: '答复', from: ['accepted'], to: 'answered', roles: ['handler'], input: { type: 'object', properties: { text: { type: 'string', minLength: 1 } }, required: ['text'], additionalProperties: false }, clocks: { stop: ['reply'] } },
  },
});
registerModule({ name: 'test_disclosure', label: '政府信息公开', roles: { handler: { label: '承办人' }, unit_leader: { label: '负责人' } }, caseTypes: [disclosure] });

// Staff hold the module's roles by grant, for the organ.
const staff = (role: 'handler' | 'unit_leader'): Actor => ({
  role: 'staff', userId: 1, unitId: 1, scopeUnitId: 1, scopePath: '/1/', displayName: 'x', grants: [{ role: `test_disclosure.${role}`, unitId: 1, unitPath: '/1/' }],
});

for (const backend of testBackends()) {
  describe(`case engine on ${backend.name}`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    before(async () => {
      ({ database, drop } = await freshDatabase(backend.url));
      // The organ every test case is opened at; the staff below work in it.
      await database.backend.query(`insert into units (id, path, name, kind) values (1, '/1/', '信息公开办', 'government')`, [], 'object');
    });
    after(async () => drop?.());

    const open = async (at: Date) => {
      const caseId = randomUUID();
      await database.transaction((tx) => openCase(tx, { caseId, caseType: disclosure.name, actor: { role: 'citizen' }, at, organUnitId: 1, payload: { subject: '某路段拓宽工程批复' } }));
      return caseId;
    };
    const act = (caseId: string, action: string, actor: Actor, input: Record<string, unknown>, now: Date) =>
      database.transaction((tx) => performAction(tx, { caseId, action, actor, input, now }));
    const clock = async (caseId: string) =>
      (await database.backend.query('select due_at, extended, stopped_at from case_clocks where case_id = $1', [caseId], 'object')).rows[0] as { due_at: Date; extended: number; stopped_at: Date | null };

    test('a second case type runs on the same engine with its own clock rule', async () => {
      const caseId = await open(new Date('2025-09-26T10:00:00+08:00'));
      await act(caseId, 'accept', staff('handler'), {}, new Date('2025-09-26T10:00:00+08:00'));
      // 20 working days from Fri 2025-09-26 across 国庆 (10-01..08) and make-up days 09-28, 10-11:
      // 09-28, 09-29, 09-30 (1–3), 10-09, 10-10, 10-11 (4–6), 10-13…10-17 (7–11),
      // 10-20…10-24 (12–16), 10-27…10-30 (17–20): due at the end of Thu 2025-10-30.
      assert.equal((await clock(caseId)).due_at.toISOString(), new Date('2025-10-31T00:00:00+08:00').toISOString());
      await act(caseId, 'extend', staff('unit_leader'), { reason: '需征求第三方意见' }, new Date('2025-10-20T10:00:00+08:00'));
      const extended = await clock(caseId);
      assert.equal(extended.extended, 1);
      assert.ok(extended.due_at > new Date('2025-11-20T00:00:00+08:00'));
      const answered = await act(caseId, 'answer', staff('handler'), { text: '予以公开' }, new Date('2025-10-21T10:00:00+08:00'));
      assert.equal(answered.state, 'answered');
      assert.ok((await clock(caseId)).stopped_at);
    });

    test('illegal actions are refused before anything is written', async () => {
      const caseId = await open(new Date('2026-03-02T10:00:00+08:00'));
      const attempts: Array<[string, Actor, Record<string, unknown>, string]> = [
        ['answer', staff('handler'), { text: 'x' }, 'ACTION_NOT_ALLOWED_IN_STATE'],
        ['accept', staff('unit_leader'), {}, 'ACTION_ROLE_FORBIDDEN'],
        ['accept', staff('handler'), { extra: 1 }, 'ACTION_INPUT_INVALID'],
        ['fly', staff('handler'), {}, 'ACTION_UNKNOWN'],
      ];
      for (const [action, actor, input, code] of attempts) {
        await assert.rejects(act(caseId, action, actor, input, new Date()), (e: unknown) => e instanceof AppError && e.code === code);
      }
      const events = await database.backend.query('select count(*)::int as n from case_events where case_id = $1', [caseId], 'object');
      assert.equal((events.rows[0] as { n: number }).n, 1);
    });

    test('the sweep urges once as a clock nears its end and supervises once when it is overdue', async () => {
      const start = new Date('2026-03-02T09:00:00+08:00');
      const caseId = await open(start);
      await act(caseId, 'accept', staff('handler'), {}, start);
      const { due_at } = await clock(caseId);
      const nearEnd = new Date(start.getTime() + (due_at.getTime() - start.getTime()) * 0.9);
      const first = await Promise.all([sweepClocks(database, nearEnd), sweepClocks(database, nearEnd)]);
      assert.equal(first[0].warned + first[1].warned, 1, 'two sweeps at once urge only once');
      const late = await sweepClocks(database, new Date(due_at.getTime() + 1000));
      assert.equal(late.overdue, 1);
      assert.equal((await sweepClocks(database, new Date(due_at.getTime() + 5000))).overdue, 0);
      const types = await database.backend.query('select type from case_events where case_id = $1 order by seq', [caseId], 'array');
      assert.deepEqual(types.rows.map((r) => (r as [string])[0]), ['applied', 'accept', 'auto_urge', 'auto_supervise']);
    });

    test('audit verify passes on honest data and names the first edited event', async () => {
      const clean = await verifyAudit(database);
      assert.deepEqual(clean.findings, []);
      assert.ok(clean.events >= 5);
      const caseId = await open(new Date('2026-03-03T09:00:00+08:00'));
      await act(caseId, 'accept', staff('handler'), {}, new Date('2026-03-03T09:00:00+08:00'));
      await act(caseId, 'answer', staff('handler'), { text: '予以公开' }, new Date('2026-03-04T09:00:00+08:00'));
      // An edit behind the platform's back: change the answer stored in event 3.
      await database.backend.query(`update case_events set payload = jsonb_set(payload, '{input,text}', '"不予公开"') where case_id = $1 and seq = 3`, [caseId], 'object');
      const tampered = await verifyAudit(database);
      assert.deepEqual(tampered.findings, [{ caseId, seq: 3, reason: 'event_edited' }]);
      // Deleting the last event is caught too: the case head no longer matches.
      await database.backend.query('delete from case_events where case_id = $1 and seq = 3', [caseId], 'object');
      const truncated = await verifyAudit(database);
      assert.deepEqual(truncated.findings, [{ caseId, seq: 2, reason: 'head_mismatch' }]);
    });
  });
}
