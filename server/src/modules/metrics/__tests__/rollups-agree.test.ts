import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { freshDatabase, testBackends } from '../../../../test/test-context.js';
import type { Database } from '../../../platform/db/database.js';
import { migrate, releaseMigrations } from '../../../platform/db/migrate.js';
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
      // 一次办结率 has both sides: requests closed at their first dispatch, and closed after a return or a reopening.
      assert.ok((await count(`select sum(closed_at_first_dispatch) from hotline_daily_figures`)) > 0);
      assert.ok((await count(`select sum(closed_dispatched - closed_at_first_dispatch) from hotline_daily_figures`)) > 0);
      assert.ok((await count(`select count(*) from hotline_requests where closed_at is not null and reopened`)) > 0, 'a reopened request closed again');
      assert.ok((await count(`select count(*) from hotline_requests where closed_at is not null and lead_dispatches > 1`)) > 0, 'a re-dispatched request closed');
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

    test('an altered fact on a request row moves the rollups away from the events, and is caught', async () => {
      const picked = await database.backend.query(
        `select case_id, lead_dispatches from hotline_requests where closed_at is not null and reopened and first_lead_unit_id is not null order by case_id limit 1`, [], 'array');
      const [caseId, leadDispatches] = picked.rows[0] as [string, number];
      const set = (lead: number, reopened: boolean) =>
        database.backend.query('update hotline_requests set lead_dispatches = $2, reopened = $3 where case_id = $1', [caseId, lead, reopened], 'array');
      await set(1, false);
      const report = await compareRollupsWithEvents(database);
      assert.equal(report.differences.length, 1);
      const [difference] = report.differences;
      assert.equal(difference!.rollup!.closedAtFirstDispatch, difference!.events!.closedAtFirstDispatch! + 1);
      await set(leadDispatches, true);
      assert.deepEqual((await compareRollupsWithEvents(database)).differences, []);
    });

    // A database made before 一次办结率 (every migration before the one that adds it) holding the
    // same history: the migration gives its requests their facts and its rollups the new counts.
    test('an older database gets 一次办结率 for its past requests when it upgrades', async () => {
      const migrations = releaseMigrations();
      const added = migrations.findIndex((m) => m.sql.some((statement) => statement.includes('closed_at_first_dispatch')));
      assert.ok(added > 0);
      const older = await freshDatabase(backend.url, { migrate: false });
      try {
        await migrate(older.database, { only: new Set(migrations.slice(0, added).map((m) => m.hash)) });
        // The rows as the older release wrote them: its columns only; its triggers keep its rollups.
        for (const table of ['cases', 'case_events', 'hotline_dispatches', 'hotline_requests', 'hotline_evaluations']) {
          const columns = (await older.database.backend.query(
            `select column_name from information_schema.columns where table_schema = current_schema() and table_name = $1 order by ordinal_position`, [table], 'array',
          )).rows.map((r) => `"${(r as [string])[0]}"`).join(', ');
          const rows = (await database.backend.query(`select coalesce(json_agg(t), '[]') from (select ${columns} from ${table}) t`, [], 'array')).rows[0] as [unknown];
          await older.database.backend.query(`insert into ${table} (${columns}) select ${columns} from json_populate_recordset(null::${table}, $1::json)`, [JSON.stringify(rows[0])], 'array');
        }
        const olderCount = async (sql: string) => Number(((await older.database.backend.query(sql, [], 'array')).rows[0] as [number])[0]);
        assert.ok((await olderCount(`select count(*) from hotline_daily_figures`)) > 0);
        assert.equal(await migrate(older.database), migrations.length - added);
        const facts = `select case_id, lead_dispatches, first_lead_unit_id, reopened from hotline_requests order by case_id`;
        assert.deepEqual((await older.database.backend.query(facts, [], 'array')).rows, (await database.backend.query(facts, [], 'array')).rows);
        const sums = `select sum(closed_dispatched)::int, sum(closed_at_first_dispatch)::int from hotline_daily_figures`;
        const upgraded = (await older.database.backend.query(sums, [], 'array')).rows[0] as [number, number];
        assert.ok(upgraded[0] > upgraded[1] && upgraded[1] > 0);
        assert.deepEqual(upgraded, (await database.backend.query(sums, [], 'array')).rows[0]);
        assert.deepEqual((await compareRollupsWithEvents(older.database)).differences, []);
      } finally {
        await older.drop();
      }
    });

    test('a changed rollup row is caught', async () => {
      await database.backend.query(`update hotline_daily_figures set handling_met = handling_met + 1 where ctid = (select ctid from hotline_daily_figures limit 1)`, [], 'array');
      const report = await compareRollupsWithEvents(database);
      assert.equal(report.differences.length, 1);
      await database.backend.query('select rebuild_hotline_rollups()', [], 'array');
    });
  });
}
