import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { freshDatabase, testBackends } from '../../../../test/test-context.js';
import type { Actor } from '../../../platform/actor.js';
import type { Database } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { caseDetail, defineCaseType, openCase, performAction, registerModule } from '../index.js';

// A form whose fields depend on the case: each case here carries its own sheet of items (as a
// review campaign chooses its scoring sheet), and the engine asks for and checks exactly those.
const nowhere = 'select null::uuid as case_id, null::int as unit_id where false';
const T0 = new Date('2026-05-06T09:00:00+08:00');
const sheets = new Map<string, Array<{ key: string; label: string; max: number }>>();

const sheetType = defineCaseType({
  name: 'test_case_fields', label: '评分', module: 'test_case_fields',
  states: { open: { label: '待评' }, scored: { label: '已评' } }, initialState: 'open', openEvent: 'opened', stakeholders: nowhere,
  actions: {
    score: {
      label: '评分', from: ['open'], to: 'scored', roles: ['scorer'],
      input: { type: 'object', properties: { note: { type: 'string', maxLength: 20 } }, required: [], additionalProperties: false },
      fieldsOnCase: async (ctx) => {
        const items = sheets.get(ctx.caseId) ?? [];
        return {
          properties: Object.fromEntries(items.map((i) => [i.key, { type: 'integer', minimum: 0, maximum: i.max, title: i.label }])),
          required: items.map((i) => i.key),
        };
      },
    },
  },
});
registerModule({ name: 'test_case_fields', label: '按案表单（测试）', roles: { scorer: { label: '评分人' } }, caseTypes: [sheetType] });

const scorer: Actor = { role: 'staff', userId: 1, unitId: 1, scopeUnitId: 1, scopePath: '/1/', displayName: '评分人', grants: [{ role: 'test_case_fields.scorer', unitId: 1, unitPath: '/1/' }] };

for (const backend of testBackends()) {
  describe(`fields a case adds to a form on ${backend.name}`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    before(async () => {
      ({ database, drop } = await freshDatabase(backend.url));
      await database.backend.query(`insert into units (id, path, name, kind) values (1, '/1/', '县人民政府', 'government')`, [], 'object');
    });
    after(async () => drop?.());

    const open = async (items: Array<{ key: string; label: string; max: number }>) => {
      const caseId = randomUUID();
      sheets.set(caseId, items);
      await database.transaction((tx) => openCase(tx, { caseId, caseType: 'test_case_fields', actor: scorer, at: T0, organUnitId: 1, payload: {} }));
      return caseId;
    };
    const score = (caseId: string, input: Record<string, unknown>) =>
      database.transaction((tx) => performAction(tx, { caseId, action: 'score', actor: scorer, input, now: T0 }));
    const refusal = async (caseId: string, input: Record<string, unknown>) => {
      const error = await score(caseId, input).then(() => null, (e: unknown) => e);
      assert.ok(error instanceof AppError, `expected a refusal for ${JSON.stringify(input)}`);
      return error.code;
    };

    test('the page shows each case its own fields, titled, required, with their bounds', async () => {
      const a = await open([{ key: 'evidence', label: '证据', max: 30 }, { key: 'procedure', label: '程序', max: 20 }]);
      const b = await open([{ key: 'documents', label: '文书', max: 10 }]);
      const formOf = async (caseId: string) => (await database.transaction((tx) => caseDetail(tx, scorer, caseId, T0))).actions.find((x) => x.action === 'score')!.input;
      const formA = await formOf(a);
      assert.deepEqual(Object.keys(formA.properties).sort(), ['evidence', 'note', 'procedure']);
      assert.deepEqual([...(formA.required ?? [])].sort(), ['evidence', 'procedure']);
      assert.equal((formA.properties.evidence as { title: string; maximum: number }).title, '证据');
      assert.equal((formA.properties.evidence as { maximum: number }).maximum, 30);
      assert.deepEqual(Object.keys((await formOf(b)).properties).sort(), ['documents', 'note']);
    });

    test('input is checked against the fields of its own case, and a refusal writes nothing', async () => {
      const a = await open([{ key: 'evidence', label: '证据', max: 30 }, { key: 'procedure', label: '程序', max: 20 }]);
      assert.equal(await refusal(a, { evidence: 10 }), 'ACTION_INPUT_INVALID'); // procedure missing
      assert.equal(await refusal(a, { evidence: 31, procedure: 5 }), 'ACTION_INPUT_INVALID'); // above the item's maximum
      assert.equal(await refusal(a, { evidence: 10, procedure: 5, documents: 3 }), 'ACTION_INPUT_INVALID'); // another case's item
      assert.equal(await refusal(a, { evidence: 10, procedure: 5, note: 'x'.repeat(21) }), 'ACTION_INPUT_INVALID'); // the action's own field still holds
      const events = await database.backend.query('select type from case_events where case_id = $1', [a], 'object');
      assert.equal(events.rows.length, 1);
      const done = await score(a, { evidence: 30, procedure: 0, note: '完整' });
      assert.equal(done.state, 'scored');
      const [event] = (await database.backend.query(`select payload from case_events where case_id = $1 and type = 'score'`, [a], 'object')).rows as Array<{ payload: { input: Record<string, unknown> } }>;
      assert.deepEqual(event!.payload.input, { evidence: 30, procedure: 0, note: '完整' });
    });
  });
}
