import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Database } from '../../../platform/db/database.js';
import { defineModule, moduleJobRunner, registerModule } from '../index.js';

// The runner never touches the database itself; the jobs here only count.
const database = {} as Database;
const runs: Array<[string, string]> = [];
registerModule(defineModule({
  name: 'test_jobs',
  label: '定时任务（测试）',
  roles: {},
  caseTypes: [],
  jobs: [
    { name: 'hourly', everyMinutes: 60, run: async (_, now) => void runs.push(['hourly', now.toISOString()]) },
    { name: 'broken', everyMinutes: 10, run: async () => { throw new Error('the register is unreadable'); } },
    { name: 'daily', everyMinutes: 24 * 60, run: async (_, now) => void runs.push(['daily', now.toISOString()]) },
  ],
}));
const at = (time: string) => new Date(`2026-12-01T${time}:00+08:00`);
const mine = (ran: string[]) => ran.filter((key) => key.startsWith('test_jobs.'));

test('a module job runs at the first tick, then again only once its interval has passed', async () => {
  const run = moduleJobRunner();
  assert.deepEqual(mine(await run(database, at('08:00'))), ['test_jobs.hourly', 'test_jobs.daily']);
  assert.deepEqual(mine(await run(database, at('08:59'))), []);
  assert.deepEqual(mine(await run(database, at('09:00'))), ['test_jobs.hourly']);
  assert.deepEqual(runs.filter(([job]) => job === 'daily').length, 1);
});

test('a failing job is reported with its name, and the jobs after it still run', async () => {
  const failures: string[] = [];
  const run = moduleJobRunner();
  const ran = mine(await run(database, at('10:00'), (error, job) => failures.push(`${job}: ${(error as Error).message}`)));
  assert.deepEqual(ran, ['test_jobs.hourly', 'test_jobs.daily']);
  assert.deepEqual(failures, ['test_jobs.broken: the register is unreadable']);
  // It is tried again at its own interval, not at every tick.
  assert.deepEqual(mine(await run(database, at('10:05'), (_, job) => failures.push(job))), []);
  await run(database, at('10:10'), (_, job) => failures.push(job));
  assert.equal(failures.at(-1), 'test_jobs.broken');
});
