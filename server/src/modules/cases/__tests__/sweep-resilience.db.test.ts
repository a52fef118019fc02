import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { freshDatabase, testBackends } from '../../../../test/test-context.js';
import { SYSTEM } from '../../../platform/actor.js';
import type { Database } from '../../../platform/db/database.js';
import { defineCaseType, openCase, registerModule, sweepClocks, SWEEP_RETRY_MS } from '../index.js';

// A case type's reaction to a lapsed clock can fail (a limit in a year the holiday calendar
// does not know yet): that case waits and is tried again later, and every other case is still
// urged in the same sweep.
const T0 = new Date('2026-03-02T09:00:00+08:00');
const failing = new Set<string>();

const type = defineCaseType({
  name: 'test_sweep_case',
  label: '测试',
  module: 'test_sweep',
  states: { open: { label: '办理中' } },
  initialState: 'open',
  openEvent: 'opened',
  stakeholders: 'select null::uuid as case_id, null::int as unit_id where false',
  clocks: { review: { label: '审查期限' } },
  openingClocks: [{ name: 'review', rule: () => 'xzfy.accept.review' }],
  actions: {},
  onClockLapsed: async (_tx, clock) => {
    if (failing.has(clock.caseId)) throw new Error('limit falls in a year the calendar does not know');
  },
});
registerModule({ name: 'test_sweep', label: '测试', roles: {}, caseTypes: [type] });

for (const backend of testBackends()) {
  describe(`the sweep on ${backend.name}`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    before(async () => ({ database, drop } = await freshDatabase(backend.url)));
    after(async () => drop?.());

    test('a case whose lapse cannot be handled is put off; the others are urged in the same sweep', async () => {
      const open = async () => {
        const caseId = randomUUID();
        await database.transaction((tx) => openCase(tx, { caseId, caseType: type.name, actor: SYSTEM, at: T0, organUnitId: null, payload: {} }));
        return caseId;
      };
      const [bad, good1, good2] = [await open(), await open(), await open()];
      failing.add(bad);
      const at = new Date('2026-03-20T09:00:00+08:00');
      const errors: string[] = [];
      const result = await sweepClocks(database, at, { onError: (_e, clock) => errors.push(clock.caseId) });
      assert.deepEqual(errors, [bad]);
      assert.equal(result.failed, 1);
      assert.equal(result.overdue, 2);
      const clocks = (await database.backend.query('select case_id, urge_level, next_urge_at from case_clocks', [], 'object')).rows as Array<{ case_id: string; urge_level: number; next_urge_at: Date | null }>;
      const of = (id: string) => clocks.find((c) => c.case_id === id)!;
      assert.equal(of(good1).urge_level, 2);
      assert.equal(of(good2).urge_level, 2);
      assert.equal(of(bad).urge_level, 0, 'nothing of the failed step was kept');
      assert.equal(new Date(of(bad).next_urge_at!).getTime(), at.getTime() + SWEEP_RETRY_MS);

      // Within the hour it is left alone; once its trouble is gone it is urged like the rest.
      assert.equal((await sweepClocks(database, new Date(at.getTime() + 60_000))).failed, 0);
      failing.delete(bad);
      const later = await sweepClocks(database, new Date(at.getTime() + SWEEP_RETRY_MS));
      assert.deepEqual([later.overdue, later.failed], [1, 0]);
    });
  });
}
