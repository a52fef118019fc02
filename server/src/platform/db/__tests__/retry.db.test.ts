import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { freshDatabase } from '../../../../test/test-context.js';
import type { Database } from '../database.js';
import { DatabaseError } from '../connection.js';
import { isRetryable, withRetry } from '../retry.js';

test('only deadlocks and serialization conflicts are run again, and only so often', async () => {
  assert.equal(isRetryable(new DatabaseError('deadlock detected', '40P01')), true);
  assert.equal(isRetryable(new DatabaseError('could not serialize access', '40001')), true);
  assert.equal(isRetryable(new DatabaseError('duplicate key', '23505')), false);
  // As the query builder throws it: its own error, the driver's as the cause.
  assert.equal(isRetryable(Object.assign(new Error('Failed query: update …'), { cause: new DatabaseError('deadlock detected', '40P01') })), true);
  let tries = 0;
  await assert.rejects(withRetry(async () => {
    tries++;
    throw new DatabaseError('deadlock detected', '40P01');
  }, { attempts: 3, baseDelayMs: 1 }), /deadlock/);
  assert.equal(tries, 3);
  tries = 0;
  await assert.rejects(withRetry(async () => {
    tries++;
    throw new DatabaseError('duplicate key', '23505');
  }, { attempts: 3, baseDelayMs: 1 }));
  assert.equal(tries, 1, 'a refusal is not a conflict: it is not tried again');
});

// Two transactions lock two rows in opposite orders: PostgreSQL kills one as a deadlock. The
// loser is run again from the start, so the user sees two successes, not an error.
const url = process.env.FAZHI_TEST_DATABASE_URL;
describe('a transaction that loses a deadlock on PostgreSQL is run again', { skip: url ? false : 'FAZHI_TEST_DATABASE_URL is not set' }, () => {
  let database: Database;
  let drop: () => Promise<void>;
  before(async () => {
    ({ database, drop } = await freshDatabase(url!));
    await database.backend.exec('create table retry_probe (id int primary key, n int not null); insert into retry_probe values (1, 0), (2, 0)');
  });
  after(async () => drop?.());

  test('both succeed, each exactly once in effect', async () => {
    let runs = 0;
    const crossing = (first: number, second: number) =>
      database.transaction(async (tx) => {
        runs++;
        await tx.execute(sql`update retry_probe set n = n + 1 where id = ${first}`);
        await sleep(200); // both hold their first row before either asks for its second
        await tx.execute(sql`update retry_probe set n = n + 1 where id = ${second}`);
      });
    await Promise.all([crossing(1, 2), crossing(2, 1)]);
    assert.ok(runs >= 3, `one of the two was run again (${runs} runs)`);
    const rows = (await database.backend.query('select n from retry_probe order by id', [], 'array')).rows as Array<[number]>;
    assert.deepEqual(rows, [[2], [2]], 'the loser’s first attempt was rolled back');
  });
});
