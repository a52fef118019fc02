import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { freshDatabaseUrl } from '../../server/test/fresh-database-url.js';
import { freePort, startServerProcess, stopServerProcess } from '../../server/test/server-process.js';
import { testBackends } from '../../server/test/test-context.js';
import { openPlatformKeyring } from '../../server/src/modules/audit/index.js';
import { verifyAudit } from '../../server/src/modules/cases/index.js';
import { DEMO_STREET_CASES } from '../../server/src/modules/demo/index.js';
import { compareRollupsWithEvents } from '../../server/src/modules/metrics/index.js';
import { openDatabase } from '../../server/src/platform/db/database.js';
import { repoPath } from '../../server/src/platform/repo-path.js';

// Defect 8 of the hardening review: a server killed while it loaded the demo county left half a
// demo, and the next start, finding units, took it for whole. Now the next start wipes the
// half-loaded county and loads it again.

const REQUESTS = 240;

for (const backend of testBackends()) {
  describe(`a demo load cut short by SIGKILL is loaded again whole (${backend.name})`, () => {
    test('kill mid-load, restart, and the county is complete and verifies', { timeout: 600_000 }, async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-demo-kill-'));
      const target = backend.url ? await freshDatabaseUrl(backend.url) : null;
      const env = { FAZHI_DATA_DIR: dataDir, FAZHI_DEMO_REQUESTS: String(REQUESTS), ...(target ? { DATABASE_URL: target.url } : {}) };
      const count = async () => {
        const database = await openDatabase(target ? { url: target.url } : { dataDir });
        try {
          return Number(((await database.backend.query('select count(*)::int as n from hotline_requests', [], 'array')).rows[0] as [number])[0]);
        } finally {
          await database.close();
        }
      };
      try {
        const port = await freePort();
        const first = spawn(process.execPath, [repoPath('bin', 'fazhi.js'), 'serve'], {
          env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let log = '';
        first.stdout.on('data', (c) => (log += c));
        first.stderr.on('data', (c) => (log += c));
        const exited = new Promise((resolve) => first.once('exit', resolve));
        for (const deadline = Date.now() + 120_000; !log.includes('正在生成演示数据'); await sleep(50)) {
          assert.ok(Date.now() < deadline && first.exitCode === null, `the server did not start loading:\n${log}`);
        }
        // Some requests in, far from all: on PostgreSQL watch them arrive, the embedded database is the server's alone.
        if (target) {
          while ((await count()) < 20) await sleep(100);
        } else {
          await sleep(4000);
        }
        first.kill('SIGKILL');
        await exited;
        assert.doesNotMatch(log, /已启动/, 'the kill came before the load finished');
        const partial = await count();
        assert.ok(partial < REQUESTS, `half a demo: ${partial} of ${REQUESTS}`);

        const second = await startServerProcess(env, { timeoutMs: 300_000 });
        await stopServerProcess(second);
        assert.match(second.output(), /重新生成/);
        // The random history, and the street township's own cases at its grids.
        assert.equal(await count(), REQUESTS + DEMO_STREET_CASES);

        const database = await openDatabase(target ? { url: target.url } : { dataDir });
        try {
          await openPlatformKeyring(database, join(dataDir, 'fazhi.key'), new Date());
          assert.deepEqual((await verifyAudit(database)).findings, []);
          assert.deepEqual((await compareRollupsWithEvents(database)).differences, []);
          const users = Number(((await database.backend.query(`select count(*)::int from users where username = 'operator'`, [], 'array')).rows[0] as [number])[0]);
          assert.equal(users, 1, 'one county, not two');
        } finally {
          await database.close();
        }
      } finally {
        await target?.drop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
}
