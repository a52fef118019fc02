import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { freshDatabaseUrl } from '../../server/test/fresh-database-url.js';
import '../../server/src/app.js';
import { openPlatformKeyring } from '../../server/src/modules/audit/index.js';
import { seedDemo } from '../../server/src/modules/demo/index.js';
import { openDatabase } from '../../server/src/platform/db/database.js';
import { migrate } from '../../server/src/platform/db/migrate.js';
import { repoPath } from '../../server/src/platform/repo-path.js';

const fazhi = (args: string[], env: Record<string, string>) => {
  const { DATABASE_URL: _inherited, ...base } = process.env;
  return spawnSync(process.execPath, [repoPath('bin', 'fazhi.js'), ...args], { env: { ...base, ...env }, encoding: 'utf8' });
};

/** The pid of a process that has just ended: what a killed server leaves in its pid file. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

test('npx fazhi backup and restore: a complete private file, refusals with exit 2, and a data directory one process at a time', { timeout: 300_000 }, async () => {
  const work = mkdtempSync(join(tmpdir(), 'fazhi-backup-cli-'));
  const source = join(work, 'source');
  const file = join(work, 'county.fazhi-backup');
  const pg = process.env.FAZHI_TEST_DATABASE_URL ? await freshDatabaseUrl(process.env.FAZHI_TEST_DATABASE_URL) : null;
  try {
    const missing = fazhi(['backup', file], { FAZHI_DATA_DIR: join(work, 'typo') });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /数据目录不存在.*\[BACKUP_DATA_DIR_MISSING\]/);
    assert.equal(existsSync(join(work, 'typo')), false, 'a backup never creates a data directory');

    const database = await openDatabase({ dataDir: source });
    await migrate(database);
    await openPlatformKeyring(database, join(source, 'fazhi.key'), new Date('2026-06-15T10:00:00+08:00'));
    await seedDemo(database, { requests: 6, now: new Date('2026-06-15T10:00:00+08:00') });
    const busy = fazhi(['backup', file], { FAZHI_DATA_DIR: source });
    assert.equal(busy.status, 2);
    assert.match(busy.stderr, new RegExp(`pid ${process.pid}.*\\[DATA_DIR_IN_USE\\]`));
    assert.equal(existsSync(file), false);
    await database.close();

    // A pid file left by a server that was killed does not lock the directory.
    writeFileSync(join(source, 'fazhi.pid'), `${await deadPid()}\n`);
    const written = fazhi(['backup', file], { FAZHI_DATA_DIR: source });
    assert.equal(written.status, 0, written.stderr);
    assert.match(written.stdout, /已备份 \d+ 张表/);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(existsSync(`${file}.partial`), false);
    assert.equal(existsSync(join(source, 'fazhi.pid')), false);
    const again = fazhi(['backup', file], { FAZHI_DATA_DIR: source });
    assert.equal(again.status, 2);
    assert.match(again.stderr, /\[BACKUP_FILE_EXISTS\]/);

    const restoredDir = join(work, 'restored');
    const restored = fazhi(['restore', file], { FAZHI_DATA_DIR: restoredDir });
    assert.equal(restored.status, 0, restored.stderr);
    assert.match(restored.stdout, /已恢复 \d+ 张表/);
    const twice = fazhi(['restore', file], { FAZHI_DATA_DIR: restoredDir });
    assert.equal(twice.status, 2);
    assert.match(twice.stderr, /目标数据库已有数据.*\[RESTORE_TARGET_NOT_EMPTY\]/);

    const truncated = join(work, 'truncated.fazhi-backup');
    writeFileSync(truncated, readFileSync(file).subarray(0, 20_000));
    const broken = fazhi(['backup', '--check', truncated], {});
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /备份文件已损坏.*\[BACKUP_CORRUPT\]/);

    if (pg) {
      // The embedded database's backup moves to PostgreSQL.
      const moved = fazhi(['restore', file], { DATABASE_URL: pg.url });
      assert.equal(moved.status, 0, moved.stderr);
    }
  } finally {
    await pg?.drop();
    rmSync(work, { recursive: true, force: true });
  }
});
