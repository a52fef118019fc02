import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { freshDatabaseUrl } from '../../server/test/fresh-database-url.js';
import { testBackends } from '../../server/test/test-context.js';
import { startServerProcess, stopServerProcess } from '../../server/test/server-process.js';

const TOWNSHIP = '371302001';

async function submitUntilKilled(url: string, acknowledged: string[], stopAfter: number, onEnough: () => void): Promise<void> {
  let enough = false;
  const worker = async () => {
    for (let i = 0; i < 5000; i++) {
      try {
        const res = await fetch(`${url}/api/public/requests`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ content: `第${i}条：小区门口路灯不亮，晚上出行不便。`, townshipCode: TOWNSHIP }),
        });
        if (res.status === 201) acknowledged.push(((await res.json()) as { trackingCode: string }).trackingCode);
      } catch {
        return; // the server is gone
      }
      if (!enough && acknowledged.length >= stopAfter) {
        enough = true;
        onEnough();
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

for (const backend of testBackends()) {
  describe(`nothing acknowledged is lost (${backend.name})`, () => {
    test('requests acknowledged before a SIGKILL are all there after a restart', { timeout: 300_000 }, async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-kill-'));
      const database = backend.url ? await freshDatabaseUrl(backend.url) : null;
      const env = { FAZHI_DATA_DIR: dataDir, FAZHI_DEMO_REQUESTS: '0', ...(database ? { DATABASE_URL: database.url } : {}) };
      try {
        const first = await startServerProcess(env);
        const acknowledged: string[] = [];
        await submitUntilKilled(first.url, acknowledged, 300, () => first.child.kill('SIGKILL'));
        await stopServerProcess(first, 'SIGKILL');
        assert.ok(acknowledged.length >= 300, `only ${acknowledged.length} acknowledged before the kill`);

        const second = await startServerProcess(env);
        try {
          const missing: string[] = [];
          for (const code of acknowledged) {
            const res = await fetch(`${second.url}/api/public/requests/${code}`);
            if (res.status !== 200) missing.push(code);
          }
          assert.deepEqual(missing, [], `${missing.length} of ${acknowledged.length} acknowledged requests were lost`);
        } finally {
          await stopServerProcess(second);
        }
      } finally {
        await database?.drop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
}
