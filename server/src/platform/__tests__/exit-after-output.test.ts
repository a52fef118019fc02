import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const FIXTURE = join(fileURLToPath(new URL('.', import.meta.url)), 'fixtures', 'print-and-exit.js');

/**
 * Runs the fixture into a shell pipe whose reader starts late, as `fazhi stats --json | jq` on a
 * busy machine. (A pipe, not Node's own stdio, which is a socket with a far larger buffer.)
 */
function readSlowly(how: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', `"$0" "$1" "$2" | (sleep 0.3; cat)`, process.execPath, FIXTURE, how], { stdio: ['ignore', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

test('output larger than a pipe holds reaches a slow reader whole', async () => {
  const out = await readSlowly('exit-after-output');
  assert.ok(out.length > 64 * 1024, `only ${out.length} characters`);
  assert.equal((JSON.parse(out) as { rows: unknown[] }).rows.length, 20_000);
});

test('the same output cut short by process.exit, which is why the CLI waits', async () => {
  const out = await readSlowly('exit-at-once');
  assert.ok(out.length < 1_000_000, `process.exit lost nothing this time (${out.length} characters): the first test proves less than it claims`);
});
