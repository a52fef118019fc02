import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freshDatabase, testBackends } from '../../../../test/test-context.js';
import { replaceHistoryModels } from '../operations/train-from-history.js';

const labelled = (topic: string) =>
  Array.from({ length: 40 }, (_, i) => ({ text: `${topic}：${i % 2 ? '小区路灯不亮' : '饭店油烟扰民'}，第${i}件`, label: String(i % 2) }));

for (const backend of testBackends()) {
  test(`two retrainings at once leave one model of each kind in use, and the one before it to restore (${backend.name})`, async () => {
    const { database, drop } = await freshDatabase(backend.url);
    try {
      // As when two app servers retrain together: both transactions overlap on the database.
      for (let round = 0; round < 3; round++) {
        await Promise.all([0, 1].map(() => replaceHistoryModels(database, { unit: labelled('单位'), category: labelled('类别') }, new Date())));
      }
      const rows = await database.backend.query('select kind, status, count(*)::int as n from routing_models group by kind, status order by kind, status', [], 'object');
      assert.deepEqual(rows.rows, [
        { kind: 'category', status: 'active', n: 1 }, { kind: 'category', status: 'previous', n: 1 },
        { kind: 'unit', status: 'active', n: 1 }, { kind: 'unit', status: 'previous', n: 1 },
      ]);
    } finally {
      await drop();
    }
  });
}
