import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openDatabase } from '../../server/src/platform/db/database.js';
import { repoPath } from '../../server/src/platform/repo-path.js';
import { startServerProcess, stopServerProcess } from '../../server/test/server-process.js';

const fazhi = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, [repoPath('bin', 'fazhi.js'), ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });

test('npx fazhi audit verify passes on the demo data and names an event edited behind its back', { timeout: 240_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-audit-'));
  const env = { FAZHI_DATA_DIR: dataDir, FAZHI_DEMO_REQUESTS: '30' };
  try {
    await stopServerProcess(await startServerProcess(env));
    const clean = fazhi(['audit', 'verify'], env);
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    assert.match(clean.stdout, /校验通过/);

    const database = await openDatabase({ dataDir });
    const [caseId, seq] = (await database.backend.query('select case_id, seq from case_events where seq = 2 order by case_id limit 1', [], 'array')).rows[0] as [string, number];
    await database.backend.query(`update case_events set at = at + interval '1 hour' where case_id = $1 and seq = $2`, [caseId, seq], 'object');
    await database.close();

    const broken = fazhi(['audit', 'verify', '--json'], env);
    assert.equal(broken.status, 1);
    const report = JSON.parse(broken.stdout);
    assert.deepEqual(report.broken, [{ caseId, seq, reason: 'hash_mismatch' }]);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('npx fazhi deadline prints the due date and refuses unknown years', () => {
  const ok = fazhi(['deadline', 'xzfy.decision', '2025-06-10', '--extend'], {});
  assert.equal(ok.stdout.trim(), '2025-09-08');
  const unknown = fazhi(['deadline', 'rx12345.general', '2027-03-01'], {});
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /CALENDAR_YEAR_UNKNOWN/);
});
