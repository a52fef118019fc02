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

test('npx fazhi audit verify passes on the demo data and names an edited event and a case cut short', { timeout: 240_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-audit-'));
  const env = { FAZHI_DATA_DIR: dataDir, FAZHI_DEMO_REQUESTS: '30' };
  try {
    await stopServerProcess(await startServerProcess(env));
    const clean = fazhi(['audit', 'verify'], env);
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    assert.match(clean.stdout, /校验通过/);
    // The first checkpoint notes how far the record goes; the second covers it.
    for (let i = 0; i < 2; i++) {
      const made = fazhi(['audit', 'checkpoint'], env);
      assert.equal(made.status, 0, made.stdout + made.stderr);
    }

    const database = await openDatabase({ dataDir });
    const [caseId, seq] = (await database.backend.query('select case_id, seq from case_events where seq = 2 order by case_id limit 1', [], 'array')).rows[0] as [string, number];
    await database.backend.query(`update case_events set at = at + interval '1 hour' where case_id = $1 and seq = $2`, [caseId, seq], 'object');
    // Another case loses its last event, and its head is wound back to match: consistent, but short.
    const [victim, last] = (await database.backend.query('select id, last_seq from cases where last_seq > 2 and id <> $1 order by id limit 1', [caseId], 'array')).rows[0] as [string, number];
    const [previous] = (await database.backend.query('select hash from case_events where case_id = $1 and seq = $2', [victim, last - 1], 'array')).rows[0] as [string];
    await database.backend.query('delete from case_events where case_id = $1 and seq = $2', [victim, last], 'object');
    await database.backend.query('update cases set last_seq = $2, last_hash = $3 where id = $1', [victim, last - 1, previous], 'object');
    await database.close();

    const broken = fazhi(['audit', 'verify', '--json'], env);
    assert.equal(broken.status, 1);
    const report = JSON.parse(broken.stdout);
    assert.deepEqual(report.findings.find((f: { caseId?: string }) => f.caseId === caseId), { caseId, seq, reason: 'event_edited' });
    assert.equal(report.findings.find((f: { caseId?: string }) => f.caseId === victim)?.reason, 'case_truncated');
    const text = fazhi(['audit', 'verify'], env);
    assert.match(text.stdout, /案件记录被截短/);
    assert.match(text.stdout, /校验失败/);
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
