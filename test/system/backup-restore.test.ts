import assert from 'node:assert/strict';
import { gunzipSync, gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { backupToBuffer, restoreFromBuffer, rowCounts } from '../../server/test/backup-helpers.js';
import { freshDatabase, testBackends } from '../../server/test/test-context.js';
import { noiseImage } from '../../server/test/test-images.js';
import { buildApp } from '../../server/src/app.js';
import { verifyAudit } from '../../server/src/modules/cases/index.js';
import { seedDemo } from '../../server/src/modules/demo/index.js';
import { compareRollupsWithEvents } from '../../server/src/modules/metrics/index.js';
import { BackupError } from '../../server/src/platform/db/backup-format.js';
import { listTables } from '../../server/src/platform/db/catalogue.js';
import type { Database } from '../../server/src/platform/db/database.js';
import { lockRunner } from '../../server/src/platform/db/advisory-lock.js';
import { MIGRATION_LOCK, migrate, releaseMigrations } from '../../server/src/platform/db/migrate.js';
import { fixedTime } from '../../server/src/platform/time.js';

const NOW = new Date('2026-06-15T10:00:00+08:00');

/** The demo county with a few dozen requests, and one submission with a photo and awkward characters. */
async function seeded(url: string | null): Promise<{ database: Database; drop: () => Promise<void> }> {
  const fresh = await freshDatabase(url);
  try {
    return await seedInto(fresh);
  } catch (error) {
    await fresh.drop(); // an open embedded database would keep the test process alive
    throw error;
  }
}

async function seedInto(fresh: { database: Database; drop: () => Promise<void> }): Promise<{ database: Database; drop: () => Promise<void> }> {
  await seedDemo(fresh.database, { requests: 24, now: NOW });
  const app = await buildApp({ database: fresh.database, time: fixedTime(NOW), config: { intakeRateLimitPerMinute: 1000, webDist: null, secureCookies: false } });
  // A real photo (the server decodes and re-encodes it): its stored bytes hold backslashes, NULs and newlines for the COPY text to escape.
  const photo = (await noiseImage('png', 16, 16)).toString('base64');
  const res = await app.inject({
    method: 'POST',
    url: '/api/public/requests',
    payload: { content: '路灯坏了\\.\n第二行\t制表符 \\N 反斜杠\\\\结尾\\', townshipCode: '371302001', photo: { mimeType: 'image/png', dataBase64: photo } },
  });
  assert.equal(res.statusCode, 201, res.body);
  await app.close();
  return fresh;
}

const assertRefused = async (promise: Promise<unknown>, code: string, message?: RegExp) => {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof BackupError, String(error));
    assert.equal(error.code, code, error.message);
    if (message) assert.match(error.message, message);
    return true;
  });
};

/** No table at all: the failed restore rolled back its migrations too. */
const assertUntouched = async (database: Database) => assert.deepEqual((await listTables(database.backend)).map((t) => t.name), []);

const recompress = (bytes: Buffer, edit: (text: string) => string) => gzipSync(Buffer.from(edit(gunzipSync(bytes).toString('utf8'))));

type Backup = Awaited<ReturnType<typeof backupToBuffer>>;
/** Each suite's backup of its seeded database, for the test across databases. */
const backups = new Map<string, Backup>();

for (const backend of testBackends()) {
  describe(`backup and restore on ${backend.name}`, () => {
    let source: { database: Database; drop: () => Promise<void> };
    let backup: Backup;
    before(async () => {
      source = await seeded(backend.url);
      backup = await backupToBuffer(source.database, NOW);
      backups.set(backend.name, backup);
    });
    after(async () => source?.drop());

    test('a restore into an empty database has the same rows, checksums, event chains and rollups', async () => {
      const target = await freshDatabase(backend.url, { migrate: false });
      try {
        const report = await restoreFromBuffer(target.database, backup.bytes);
        assert.equal(report.migrationsAfter, 0);
        assert.deepEqual(await rowCounts(target.database), await rowCounts(source.database));
        const again = await backupToBuffer(target.database, NOW);
        assert.deepEqual(again.summary.trailer.tables, backup.summary.trailer.tables);
        assert.ok(backup.summary.trailer.tables.find((t) => t.name === 'hotline_attachments')!.rows > 0);
        const audit = await verifyAudit(target.database);
        assert.ok(audit.events > 50);
        assert.deepEqual(audit.findings, []);
        assert.deepEqual((await compareRollupsWithEvents(target.database)).differences, []);
        const text = await target.database.backend.query(`select content from hotline_requests where content like '路灯坏了%'`, [], 'array');
        assert.deepEqual(text.rows, [['路灯坏了\\.\n第二行\t制表符 \\N 反斜杠\\\\结尾\\']]);

        // Into a database that now holds data: refused, and nothing changes.
        await assertRefused(restoreFromBuffer(target.database, backup.bytes), 'RESTORE_TARGET_NOT_EMPTY', /目标数据库已有数据/);
        assert.deepEqual((await backupToBuffer(target.database, NOW)).summary.trailer, again.summary.trailer);
      } finally {
        await target.drop();
      }
    });

    test('a truncated, flipped, edited or foreign file is refused before anything is committed', async () => {
      const target = await freshDatabase(backend.url, { migrate: false });
      try {
        await assertRefused(restoreFromBuffer(target.database, backup.bytes.subarray(0, Math.floor(backup.bytes.length * 0.7))), 'BACKUP_CORRUPT', /截断/);
        const flipped = Buffer.from(backup.bytes);
        flipped[Math.floor(flipped.length / 2)]! ^= 0x10;
        await assertRefused(restoreFromBuffer(target.database, flipped), 'BACKUP_CORRUPT');
        // Valid gzip, one value changed: only the table's checksum can tell.
        const edited = recompress(backup.bytes, (text) => text.replace('\t兰山街道\t', '\t兰山街适\t'));
        await assertRefused(restoreFromBuffer(target.database, edited), 'BACKUP_CORRUPT', /表 \w+ 的数据与备份记录的 SHA-256 校验值不符/);
        const rowLost = recompress(backup.bytes, (text) => text.replace(/\n[^\n]*\n\\\.\nTABLE \{"name":"users"\}/, '\n\\.\nTABLE {"name":"users"}'));
        await assertRefused(restoreFromBuffer(target.database, rowLost), 'BACKUP_CORRUPT', /应有 [\d,]+ 行/);
        const newer = recompress(backup.bytes, (text) => text.replace('"migrations":[', '"migrations":[{"hash":"f00dfeed0000","createdAt":1,"appliedAt":"2030-01-01T00:00:00Z"},'));
        await assertRefused(restoreFromBuffer(target.database, newer), 'BACKUP_FROM_NEWER_RELEASE', /请先把 Fazhi 升级/);
        await assertRefused(restoreFromBuffer(target.database, gzipSync('PGDMP custom dump')), 'BACKUP_NOT_A_BACKUP');
        await assertRefused(restoreFromBuffer(target.database, Buffer.from('not gzip at all')), 'BACKUP_NOT_A_BACKUP');
        await assertUntouched(target.database);
      } finally {
        await target.drop();
      }
    });

    test('a backup from an older schema is restored at that schema, then migrated; foreign keys, triggers and sequences of any table survive', async () => {
      const all = releaseMigrations();
      const older = new Set(all.slice(0, 4).map((m) => m.hash));
      // A table no module knows, built the same way in source and target: a tree whose child
      // row sorts before its parent, a trigger that refuses every insert, and a sequence.
      const extraTable = `create table test_tree (id serial primary key, parent_id int references test_tree (id), label text);
        create function test_tree_refuse() returns trigger language plpgsql as $$ begin raise exception 'test_tree is frozen'; end $$;`;
      const old = await freshDatabase(backend.url, { migrate: false });
      const target = await freshDatabase(backend.url, { migrate: false });
      try {
        await migrate(old.database, { only: older });
        await old.database.backend.exec(`${extraTable}
          insert into test_tree (parent_id, label) values (null, 'root'), (null, 'later parent'), (2, 'child');
          update test_tree set parent_id = 3 where id = 1;
          create trigger test_tree_frozen before insert on test_tree for each row execute function test_tree_refuse();
          insert into regions (code, name, level, parent_code) values ('371302', '兰山区', 'county', null), ('371302001', '兰山街道', 'township', '371302')`);
        const { bytes } = await backupToBuffer(old.database);
        await target.database.backend.exec(`${extraTable} create trigger test_tree_frozen before insert on test_tree for each row execute function test_tree_refuse();`);

        const report = await restoreFromBuffer(target.database, bytes);
        assert.equal(report.migrationsBefore, 4);
        assert.equal(report.migrationsAfter, all.length - 4);
        const applied = await target.database.backend.query('select hash from schema_migrations order by created_at', [], 'array');
        assert.deepEqual(applied.rows.flat(), all.map((m) => m.hash));
        assert.deepEqual((await target.database.backend.query('select id, parent_id, label from test_tree order by id', [], 'array')).rows, [[1, 3, 'root'], [2, null, 'later parent'], [3, 2, 'child']]);
        assert.equal(((await target.database.backend.query('select count(*)::int from regions', [], 'array')).rows[0] as [number])[0], 2);
        const keys = await target.database.backend.query(`select count(*)::int from pg_constraint where conrelid = 'test_tree'::regclass and contype = 'f'`, [], 'array');
        assert.deepEqual(keys.rows, [[1]]);
        await assert.rejects(target.database.backend.query(`update test_tree set parent_id = 99 where id = 1`, [], 'object'), /foreign key/);
        assert.deepEqual((await target.database.backend.query(`select last_value::int, is_called from test_tree_id_seq`, [], 'array')).rows, [[3, true]]);
        await assert.rejects(target.database.backend.query(`insert into test_tree (label) values ('x')`, [], 'object'), /test_tree is frozen/);
        // The rollup tables that arrived with the later migrations are there and empty.
        assert.equal((await rowCounts(target.database)).hotline_daily_figures, 0);
      } finally {
        await old.drop();
        await target.drop();
      }
    });

    if (backend.url) {
      test('restore waits for the migration lock that starting app servers take', async () => {
        const target = await freshDatabase(backend.url, { migrate: false });
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        let locked!: () => void;
        const taken = new Promise<void>((resolve) => (locked = resolve));
        try {
          const holder = target.database.backend.inTransaction(async (runner) => {
            await lockRunner(runner, MIGRATION_LOCK);
            locked();
            await held;
          });
          await taken;
          let done = false;
          const restoring = restoreFromBuffer(target.database, backup.bytes).then(() => (done = true));
          await new Promise((resolve) => setTimeout(resolve, 500));
          assert.equal(done, false, 'restore went ahead under the migration lock');
          release();
          await holder;
          await restoring;
          assert.equal(await migrate(target.database), 0);
        } finally {
          release();
          await target.drop();
        }
      });
    }
  });
}

const serverUrl = process.env.FAZHI_TEST_DATABASE_URL;
if (serverUrl) {
  test('a backup of the embedded database restores into PostgreSQL, and back, with the same checksums', async () => {
    const original = backups.get('PGlite')!;
    assert.equal(original.summary.header.database, 'pglite');
    const postgres = await freshDatabase(serverUrl, { migrate: false });
    const embedded = await freshDatabase(null, { migrate: false });
    try {
      await restoreFromBuffer(postgres.database, original.bytes);
      const fromPostgres = await backupToBuffer(postgres.database, NOW);
      assert.equal(fromPostgres.summary.header.database, 'postgres');
      assert.deepEqual(fromPostgres.summary.trailer.tables, original.summary.trailer.tables);
      assert.deepEqual((await verifyAudit(postgres.database)).findings, []);
      assert.deepEqual((await compareRollupsWithEvents(postgres.database)).differences, []);
      await restoreFromBuffer(embedded.database, fromPostgres.bytes);
      assert.deepEqual((await backupToBuffer(embedded.database, NOW)).summary.trailer.tables, original.summary.trailer.tables);
    } finally {
      await postgres.drop();
      await embedded.drop();
    }
  });
}
