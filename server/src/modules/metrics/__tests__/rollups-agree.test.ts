import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { freshDatabase, testBackends } from '../../../../test/test-context.js';
import type { Database } from '../../../platform/db/database.js';
import { migrate } from '../../../platform/db/migrate.js';
import { seedDemo } from '../../demo/index.js';
import { compareRollupsWithEvents } from '../operations/recompute-from-events.js';

const NOW = new Date('2026-06-30T18:00:00+08:00');

// The demo's generated history walks requests through every path the figures care about.
for (const backend of testBackends()) {
  describe(`rollups on generated data on ${backend.name}`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    before(async () => {
      ({ database, drop } = await freshDatabase(backend.url));
      await migrate(database);
      await seedDemo(database, { requests: 260, now: NOW, seed: 20260630 });
    });
    after(async () => drop?.());

    const count = async (sql: string) => Number(((await database.backend.query(sql, [], 'array')).rows[0] as [number])[0]);

    test('the history has returned, extended, reopened, merged, lapsed, rectified and co-handled requests', async () => {
      const events = (type: string) => count(`select count(distinct case_id) from case_events where type = '${type}'`);
      for (const type of ['return', 'approve_extension', 'reopen', 'merge', 'follow_parent', 'citizen_evaluate', 'auto_supervise', 'dispatch_down', 'invite_assist', 'reply_lead']) {
        assert.ok((await events(type)) > 0, `no ${type} in the generated history`);
      }
      assert.ok((await count(`select count(*) from hotline_dispatches where handling_lapsed or response_lapsed`)) > 0);
      assert.ok((await count(`select count(*) from hotline_evaluations where rectified_at is not null`)) > 0);
    });

    test('the rollups kept by the triggers equal a replay of the events', async () => {
      const report = await compareRollupsWithEvents(database);
      assert.ok(report.cases >= 260 && report.events > 1000);
      assert.deepEqual(report.differences.slice(0, 5), []);
    });

    test('the rollups kept by the triggers equal a rebuild from the rows', async () => {
      const snapshot = async () => [
        (await database.backend.query(`select * from hotline_daily_figures where dispatched + returned + response_due + handling_due + closed + evaluations + bad_ratings_due > 0 order by day, unit_id`, [], 'array')).rows,
        (await database.backend.query(`select * from hotline_daily_volume where requests > 0 order by scope, day, dimension, value`, [], 'array')).rows,
      ];
      const incremental = await snapshot();
      await database.backend.query('select rebuild_hotline_rollups()', [], 'array');
      assert.deepEqual(await snapshot(), incremental);
    });

    test('a changed rollup row is caught', async () => {
      await database.backend.query(`update hotline_daily_figures set handling_met = handling_met + 1 where ctid = (select ctid from hotline_daily_figures limit 1)`, [], 'array');
      const report = await compareRollupsWithEvents(database);
      assert.equal(report.differences.length, 1);
      await database.backend.query('select rebuild_hotline_rollups()', [], 'array');
    });
  });
}
