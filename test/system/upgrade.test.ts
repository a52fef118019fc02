import assert from 'node:assert/strict';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { rowCounts } from '../../server/test/backup-helpers.js';
import { freshDatabase, testBackends } from '../../server/test/test-context.js';
import { buildApp } from '../../server/src/app.js';
import { ensureFirstCheckpoint, makeCheckpoint, verifyAudit, type Checkpoint } from '../../server/src/modules/cases/index.js';
import { openPlatformKeyring } from '../../server/src/modules/audit/index.js';
import { DEMO_PASSWORD } from '../../server/src/modules/demo/index.js';
import { chinaDate, compareRollupsWithEvents } from '../../server/src/modules/metrics/index.js';
import type { BackupHeader, BackupTrailer } from '../../server/src/platform/db/backup-format.js';
import type { Database } from '../../server/src/platform/db/database.js';
import { releaseMigrations } from '../../server/src/platform/db/migrate.js';
import { checkBackup, restoreBackup, type RestoreReport } from '../../server/src/platform/db/restore.js';
import { repoPath } from '../../server/src/platform/repo-path.js';
import { fixedTime } from '../../server/src/platform/time.js';

// Release 0.1.0's demo county with 60 requests, as its first start left it (test/fixtures/README.md).
const FIXTURE = repoPath('test', 'fixtures', 'release-0.1.0.fazhi-backup');

for (const backend of testBackends()) {
  describe(`upgrade from release 0.1.0 on ${backend.name}`, () => {
    let fixture: { header: BackupHeader; trailer: BackupTrailer };
    let target: { database: Database; drop: () => Promise<void> };
    let report: RestoreReport;
    let app: FastifyInstance;
    let now: Date;
    let keyDir = '';
    let genesis: Checkpoint | null;
    before(async () => {
      fixture = await checkBackup(createReadStream(FIXTURE));
      target = await freshDatabase(backend.url, { migrate: false });
      report = await restoreBackup(target.database, createReadStream(FIXTURE));
      now = new Date(Date.parse(fixture.header.createdAt) + 60_000);
      // As the first start of this release does: a platform key for the database, and the first
      // checkpoint sealing everything 0.1.0 wrote (its events carry no seals of their own).
      keyDir = mkdtempSync(join(tmpdir(), 'fazhi-upgrade-'));
      await openPlatformKeyring(target.database, join(keyDir, 'fazhi.key'), now);
      genesis = await ensureFirstCheckpoint(target.database, now);
      app = await buildApp({ database: target.database, time: fixedTime(now), config: { intakeRateLimitPerMinute: 1000, webDist: null, secureCookies: false, demo: true } });
    });
    after(async () => {
      await app?.close();
      await target?.drop();
      if (keyDir) rmSync(keyDir, { recursive: true, force: true });
    });

    const signIn = async (username: string) => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
      assert.equal(res.statusCode, 200, `${username}: ${res.body}`);
      return { authorization: `Bearer ${res.json().token}` };
    };
    const query = async <T>(sql: string, params: unknown[] = []) => (await target.database.backend.query(sql, params, 'object')).rows as T[];

    test('the restore applies 0.1.0\'s migrations, then this release\'s, and keeps every row', async () => {
      assert.equal(fixture.header.fazhiVersion, '0.1.0');
      assert.equal(report.migrationsBefore, fixture.header.migrations.length);
      assert.equal(report.migrationsAfter, releaseMigrations().length - fixture.header.migrations.length);
      const counts = await rowCounts(target.database);
      // The rollups are derived from the rows: 0020 rebuilds them (for 一次办结率), which leaves out the
      // days whose sums had come down to zero. The next test checks them against the events.
      const derived = new Set(['hotline_daily_figures', 'hotline_daily_volume']);
      for (const table of fixture.trailer.tables) if (!derived.has(table.name)) assert.equal(counts[table.name], table.rows, table.name);
      const nonZero = await query<{ n: number }>(`select count(*)::int as n from hotline_daily_figures where closed_dispatched > 0`);
      assert.ok(nonZero[0]!.n > 0, 'the requests 0.1.0 closed count in 一次办结率');
      assert.equal(counts.schema_migrations, releaseMigrations().length);
    });

    test('every event chain verifies and the rollups agree with the events', async () => {
      assert.equal(genesis?.events, fixture.trailer.tables.find((t) => t.name === 'case_events')!.rows, 'the first checkpoint covers every old event');
      const audit = await verifyAudit(target.database);
      assert.equal(audit.events, fixture.trailer.tables.find((t) => t.name === 'case_events')!.rows);
      assert.deepEqual(audit.findings, []);
      assert.deepEqual((await compareRollupsWithEvents(target.database)).differences, []);
    });

    test('the request list, a request, and the dashboard read over HTTP', async () => {
      const dispatcher = await signIn('dispatcher');
      const list = await app.inject({ url: '/api/requests?view=all&pageSize=200', headers: dispatcher });
      assert.equal(list.statusCode, 200, list.body);
      assert.equal(list.json().total, fixture.trailer.tables.find((t) => t.name === 'hotline_requests')!.rows);
      const [closed] = await query<{ id: string }>(`select id from cases where state = 'closed' order by id limit 1`);
      const detail = await app.inject({ url: `/api/requests/${closed!.id}`, headers: dispatcher });
      assert.equal(detail.statusCode, 200, detail.body);
      assert.equal(detail.json().state, 'closed');
      assert.ok(detail.json().timeline.length >= 4);

      const [government] = await query<{ id: number }>(`select id from units where parent_id is null`);
      const from = chinaDate(new Date(now.getTime() - 60 * 86_400_000));
      const dashboard = await app.inject({ url: `/api/stats/dashboard?unitId=${government!.id}&from=${from}&to=${chinaDate(now)}`, headers: await signIn('leader') });
      assert.equal(dashboard.statusCode, 200, dashboard.body);
      assert.equal(dashboard.json().volume.total.current, list.json().total);
    });

    test('a department takes up a request 0.1.0 dispatched to it, and the chain goes on from the old events', async () => {
      const [pending] = await query<{ caseId: string; username: string; seq: number }>(
        `select d.case_id as "caseId", u.username, c.last_seq as seq
           from hotline_dispatches d join cases c on c.id = d.case_id
           join users u on u.unit_id = d.unit_id and u.role = 'handler'
          where d.status = 'pending' and d.role = 'lead' and c.state = 'dispatched'
          order by d.case_id, u.username limit 1`,
      );
      assert.ok(pending, 'the fixture has a dispatched request nobody signed yet');
      const handler = await signIn(pending.username);
      const signed = await app.inject({ method: 'POST', url: `/api/requests/${pending.caseId}/actions/sign`, headers: handler, payload: {} });
      assert.equal(signed.statusCode, 200, signed.body);
      const replied = await app.inject({ method: 'POST', url: `/api/requests/${pending.caseId}/actions/reply`, headers: handler, payload: { reply: '经现场核查，问题已处理完毕，已电话告知诉求人。' } });
      assert.equal(replied.statusCode, 200, replied.body);
      const detail = (await app.inject({ url: `/api/requests/${pending.caseId}`, headers: handler })).json();
      assert.equal(detail.timeline.at(-1).type, 'reply');
      const [head] = await query<{ seq: number }>(`select last_seq as seq from cases where id = $1`, [pending.caseId]);
      assert.equal(head!.seq, pending.seq + 2);
      assert.deepEqual((await verifyAudit(target.database)).findings, []);
      assert.deepEqual((await compareRollupsWithEvents(target.database)).differences, []);
      assert.ok(await makeCheckpoint(target.database, new Date(now.getTime() + 120_000)), 'the next checkpoint covers the new events');
      assert.deepEqual((await verifyAudit(target.database)).findings, []);
    });

    test('an old case cut short behind the platform’s back is named, though 0.1.0 never sealed its events', async () => {
      const [victim] = await query<{ id: string; seq: number }>(`select id, last_seq as seq from cases where last_seq > 3 order by id limit 1`);
      const [previous] = await query<{ hash: string }>(`select hash from case_events where case_id = $1 and seq = $2`, [victim!.id, victim!.seq - 1]);
      await query(`delete from case_events where case_id = $1 and seq = $2`, [victim!.id, victim!.seq]);
      await query(`update cases set last_seq = $2, last_hash = $3 where id = $1`, [victim!.id, victim!.seq - 1, previous!.hash]);
      const reasons = (await verifyAudit(target.database)).findings.map((f) => `${f.reason}${f.caseId ? ` ${f.caseId}` : ''}`);
      assert.ok(reasons.includes(`case_truncated ${victim!.id}`), reasons.join('; '));
      assert.ok(reasons.includes('events_missing'));
    });
  });
}
