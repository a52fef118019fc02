import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { freshDatabase, testBackends } from '../../../../test/test-context.js';
import type { Database } from '../../../platform/db/database.js';
import { verifyAudit } from '../../cases/index.js';
import { registerModules } from '../../../module-registry.js';
import { compareRollupsWithEvents } from '../../metrics/index.js';
import { readCityDivisions } from '../../orgs/index.js';
import { readCityMix } from '../city/city-data.js';
import { COPY_TABLES } from '../city/copy-text.js';
import { describeIndexes } from '../city/load-indexes.js';
import { seedCity } from '../city/seed-city.js';
import { CityGenerationRefused, generateCity, PGLITE_MAX_REQUESTS } from '../index.js';
import { caseRecord, differences, replayCases, retireClocks } from './city-replay.js';

registerModules();

// A Friday morning: the night's requests still wait at the center, the week's are being handled.
const NOW = new Date('2026-11-20T08:10:00+08:00');
const REQUESTS = 3000;
const SEED = 7;

async function scalar(database: Database, sql: string): Promise<number> {
  return Number(((await database.backend.query(sql, [], 'array')).rows[0] as [number])[0]);
}

async function rollups(database: Database): Promise<unknown[]> {
  const figures = await database.backend.query('select * from hotline_daily_figures order by 1, 2', [], 'array');
  const volume = await database.backend.query('select * from hotline_daily_volume order by 1, 2, 3, 4', [], 'array');
  return [JSON.stringify(figures.rows), JSON.stringify(volume.rows)];
}

test('the same seed and end give the same city, request for request and hash for hash', async () => {
  const digests: string[] = [];
  for (let run = 0; run < 2; run++) {
    const { database, drop } = await freshDatabase(null);
    try {
      await generateCity(database, { requests: 400, years: 0.25, city: '3713', seed: 11, now: NOW });
      const [digest] = (await database.backend.query(`select md5(string_agg(id::text || last_hash, ',' order by id)) from cases`, [], 'array')).rows[0] as [string];
      digests.push(digest);
    } finally {
      await drop();
    }
  }
  assert.equal(digests[0], digests[1]);
});

for (const backend of testBackends()) {
  describe(`city generator on ${backend.name}`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    let indexesBefore: string[];
    let report: Awaited<ReturnType<typeof generateCity>>;

    before(async () => {
      ({ database, drop } = await freshDatabase(backend.url));
      indexesBefore = await database.backend.inTransaction((runner) => describeIndexes(runner, COPY_TABLES));
      // Indexes are dropped around the load as for a large city, so that path is tested too.
      report = await generateCity(database, { requests: REQUESTS, years: 1, city: '3713', seed: SEED, now: NOW, dropIndexes: true, batchSize: 700 });
    });
    after(async () => drop?.());

    test('the city is the real 临沂市: its counties, townships and hundreds of units', async () => {
      const divisions = readCityDivisions('3713')!;
      assert.equal(await scalar(database, `select count(*) from regions where level = 'county'`), divisions.counties.length);
      assert.equal(await scalar(database, `select count(*) from units where kind = 'township'`), divisions.counties.reduce((n, c) => n + c.townships.length, 0));
      assert.equal(await scalar(database, `select count(*) from units where kind = 'government' and parent_id is not null`), divisions.counties.length);
      assert.ok(await scalar(database, `select count(*) from units`) > 500);
      const perCounty = (await database.backend.query(
        `select count(*) from units d join units g on g.id = d.parent_id where d.kind = 'department' and g.kind = 'government' and g.parent_id is not null and g.name not like '%开发区%' group by g.id`,
        [], 'array')).rows as Array<[number]>;
      for (const [n] of perCounty) assert.ok(n >= 25 && n <= 35, `a county has ${n} departments`);
      assert.equal(await scalar(database, `select count(*) from regions where level = 'city' and code = '371300'`), 1);
      assert.equal(report.requests, REQUESTS);
      assert.equal(await scalar(database, 'select count(*) from hotline_requests'), REQUESTS);
    });

    test('every case’s hash chain verifies', async () => {
      const audit = await verifyAudit(database);
      assert.equal(audit.cases, REQUESTS);
      assert.deepEqual(audit.findings, []);
      assert.equal(audit.events, report.events);
    });

    test('the indexes and constraints are the migrations’ again after the load', async () => {
      assert.deepEqual(await database.backend.inTransaction((runner) => describeIndexes(runner, COPY_TABLES)), indexesBefore);
    });

    test('the rollup tables equal a rebuild from the rows, and the figures recomputed from the events alone', async () => {
      const loaded = await rollups(database);
      assert.ok(await scalar(database, 'select count(*) from hotline_daily_figures') > 0);
      await database.backend.query('select rebuild_hotline_rollups()', [], 'array');
      assert.deepEqual(await rollups(database), loaded);
      assert.deepEqual((await compareRollupsWithEvents(database)).differences, []);
    });

    test('every kind of life occurred, and recent requests are still open with running clocks', async () => {
      const count = (sql: string) => scalar(database, sql);
      for (const type of ['answer_directly', 'dispatch', 'return', 'redispatch', 'request_extension', 'approve_extension', 'reject_extension', 'reopen', 'merge', 'follow_parent', 'citizen_evaluate', 'auto_urge', 'auto_supervise', 'classify']) {
        assert.ok((report.eventCounts[type] ?? 0) > 0, `no ${type} event`);
      }
      assert.ok(await count('select count(*) from hotline_dispatches where handling_lapsed') > 0, 'overdue');
      assert.ok(await count('select count(*) from hotline_dispatches where response_lapsed') > 0, 'late contact');
      assert.ok(await count(`select count(*) from hotline_evaluations where satisfaction = 'dissatisfied' and rectified_at is not null`) > 0, 'rectified');
      assert.ok(await count('select count(*) from hotline_evaluations where rectification_lapsed') > 0, 'rectification lapsed');
      for (const state of ['received', 'dispatched', 'handling', 'replied', 'closed']) {
        assert.ok(await count(`select count(*) from cases where state = '${state}'`) > 0, `no case ${state}`);
      }
      assert.ok(await count(`select count(*) from case_clocks c join cases k on k.id = c.case_id where c.stopped_at is null and k.state in ('dispatched', 'handling')`) > 0);
      // Open cases are recent; closed ones have every running clock stopped.
      assert.equal(await count(`select count(*) from case_clocks c join cases k on k.id = c.case_id where c.stopped_at is null and k.state = 'closed'`), 0);
      assert.ok(await count(`select count(*) from cases where state in ('dispatched', 'handling') and created_at < '${NOW.toISOString()}'::timestamptz - interval '90 days'`) === 0);
    });

    test('the shares are where the mix puts them', async () => {
      const mix = readCityMix();
      const share = async (part: string, whole: string) => (await scalar(database, part)) / (await scalar(database, whole));
      const direct = await share(`select count(*) from case_events where type = 'answer_directly'`, 'select count(*) from hotline_requests');
      assert.ok(direct > 0.18 && direct < 0.32, `answered directly ${direct}`);
      const phone = await share(`select count(*) from hotline_requests where channel = 'phone'`, 'select count(*) from hotline_requests');
      assert.ok(Math.abs(phone - mix.channels.weights.phone!) < 0.04, `phone ${phone}`);
      // A duplicate needs an open original in its township: few in a city of eight requests a day, so fewer merge than at scale.
      const merged = await share('select count(*) from hotline_requests where merged_into is not null', 'select count(*) from hotline_requests');
      assert.ok(merged > 0.001 && merged <= mix.lifecycle.merge, `merged ${merged}`);
      const good = await share(`select count(*) from hotline_evaluations where satisfaction <> 'dissatisfied'`, 'select count(*) from hotline_evaluations');
      assert.ok(good > 0.84 && good < 0.93, `satisfied or basically satisfied ${good}`);
      const late = await share('select count(*) from hotline_dispatches where handling_lapsed or replied_at > due_at', 'select count(*) from hotline_dispatches where replied_at is not null');
      assert.ok(late > 0.03 && late < 0.14, `replied late ${late}`);
      const returned = await share(`select count(*) from hotline_dispatches where status = 'returned'`, 'select count(*) from hotline_dispatches');
      assert.ok(returned > 0.03 && returned < 0.11, `returned ${returned}`);
      // Weekdays are busier than weekends, working hours than the night (China time).
      const perDay = async (days: string) => scalar(database,
        `select count(*)::float / count(distinct (received_at at time zone 'Asia/Shanghai')::date) from hotline_requests where extract(isodow from received_at at time zone 'Asia/Shanghai') in (${days})`);
      assert.ok((await perDay('1,2,3,4,5')) > (await perDay('6,7')) * 1.15);
      const hours = async (from: number, to: number) => scalar(database,
        `select count(*) from hotline_requests where extract(hour from received_at at time zone 'Asia/Shanghai') between ${from} and ${to}`);
      assert.ok((await hours(9, 10)) > 4 * (await hours(1, 4)));
      // Most dispatches go to the counties' own departments and townships, some to the city's.
      const city = await share(`select count(*) from hotline_dispatches d join units u on u.id = d.unit_id where u.parent_id = 1`, 'select count(*) from hotline_dispatches');
      assert.ok(city > 0.04 && city < 0.3, `dispatched to city departments ${city}`);
    });

    test('replayed through the app, the generated cases leave the same rows and events', async () => {
      const { database: replay, drop: dropReplay } = await freshDatabase(null);
      try {
        const divisions = readCityDivisions('3713')!;
        await seedCity(replay, divisions, { seed: SEED, passwordHash: 'x', staff: readCityMix().staff });
        const pick = async (sql: string) => ((await database.backend.query(sql, [], 'array')).rows as Array<[string]>).map(([id]) => id);
        const groups: string[][] = [];
        const children = await database.backend.query(
          `select merged_into, array_agg(case_id::text order by received_at) from hotline_requests where merged_into is not null group by 1 order by 1 limit 8`, [], 'array');
        for (const [parent, kids] of children.rows as Array<[string, string[]]>) groups.push([parent, ...kids]);
        const inGroups = new Set(groups.flat());
        const single = new Set<string>();
        const alone = `and case_id not in (select case_id from hotline_requests where merged_into is not null union select merged_into from hotline_requests where merged_into is not null)`;
        for (const type of ['answer_directly', 'classify', 'return', 'reject_extension', 'approve_extension', 'reopen', 'citizen_evaluate', 'auto_urge', 'auto_supervise', 'contact', 'reply']) {
          for (const id of await pick(`select distinct case_id::text from case_events where type = '${type}' ${alone} order by 1 limit 4`)) single.add(id);
        }
        for (const state of ['received', 'dispatched', 'handling', 'replied', 'rectifying', 'returned']) {
          for (const id of await pick(`select id::text from cases where state = '${state}' and id not in (select case_id from hotline_requests where merged_into is not null union select merged_into from hotline_requests where merged_into is not null) order by 1 limit 3`)) single.add(id);
        }
        for (const id of await pick(`select case_id::text from hotline_evaluations where rectification_lapsed ${alone} order by 1 limit 3`)) single.add(id);
        for (const id of single) if (!inGroups.has(id)) groups.push([id]);
        assert.ok(groups.length > 40);
        for (const group of groups) {
          await replayCases(database, replay, group);
          assert.deepEqual(differences(await caseRecord(database, group), await caseRecord(replay, group)), []);
          await retireClocks(replay, group);
        }
      } finally {
        await dropReplay();
      }
    });

    test('a second run refuses a database with requests unless told to append, then appends', async () => {
      await assert.rejects(generateCity(database, { requests: 100, years: 1, city: '3713', seed: SEED, now: NOW }), CityGenerationRefused);
      assert.equal(await scalar(database, 'select count(*) from hotline_requests'), REQUESTS);
      const more = await generateCity(database, { requests: 400, years: 0.5, city: '3713', seed: SEED, now: NOW, append: true });
      assert.equal(more.requests, 400);
      assert.equal(await scalar(database, 'select count(*) from hotline_requests'), REQUESTS + 400);
      assert.deepEqual((await verifyAudit(database)).findings, []);
      const loaded = await rollups(database);
      await database.backend.query('select rebuild_hotline_rollups()', [], 'array');
      assert.deepEqual(await rollups(database), loaded);
    });

    test('a city without divisions, or beyond the embedded limit, is refused before anything is written', async () => {
      await assert.rejects(generateCity(database, { requests: 10, years: 1, city: '3701', seed: 1, now: NOW, append: true }), CityGenerationRefused);
      if (database.kind === 'pglite') {
        await assert.rejects(generateCity(database, { requests: PGLITE_MAX_REQUESTS + 1, years: 1, city: '3713', seed: 1, now: NOW, append: true }), CityGenerationRefused);
      }
      assert.equal(await scalar(database, 'select count(*) from hotline_requests'), REQUESTS + 400);
    });
  });
}
