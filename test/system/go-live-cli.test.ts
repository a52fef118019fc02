import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoPath } from '../../server/src/platform/repo-path.js';
import { startServerProcess, stopServerProcess } from '../../server/test/server-process.js';

const fazhi = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, [repoPath('bin', 'fazhi.js'), ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });

// A county going live without the demo: its unit tree from the command line, its first
// administrator with a one-time password that must be replaced at the first sign-in.
test('fazhi org init and fazhi users add give a county without the demo its first administrator', { timeout: 240_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-live-'));
  const env = { FAZHI_DATA_DIR: dataDir, FAZHI_DEMO: '0' };
  try {
    const init = fazhi(['org', 'init'], env);
    assert.equal(init.status, 0, init.stdout + init.stderr);
    assert.equal(fazhi(['org', 'init'], env).status, 2, 'a second init changes nothing');
    assert.equal(fazhi(['users', 'add', 'wang.admin', '--role', 'superuser', '--unit', 'government'], env).status, 2);
    const added = fazhi(['users', 'add', 'wang.admin', '--role', 'admin', '--unit', 'government', '--name', '王管理员'], env);
    assert.equal(added.status, 0, added.stdout + added.stderr);
    const password = /一次性密码（只显示这一次）：(\S+)/.exec(added.stdout)![1]!;

    const server = await startServerProcess(env);
    try {
      const login = async (pw: string) => fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'wang.admin', password: pw }) });
      const first = (await (await login(password)).json()) as { token: string; mustChangePassword: boolean };
      assert.equal(first.mustChangePassword, true);
      const auth = { authorization: `Bearer ${first.token}`, 'content-type': 'application/json' };
      assert.equal((await fetch(`${server.url}/api/admin/users`, { headers: auth })).status, 403, 'nothing before a password of one’s own');
      const changed = await fetch(`${server.url}/api/auth/password`, { method: 'POST', headers: auth, body: JSON.stringify({ currentPassword: password, newPassword: 'Lanshan#Admin-2027' }) });
      assert.equal(changed.status, 200, await changed.text());
      assert.equal((await fetch(`${server.url}/api/admin/users`, { headers: auth })).status, 200);
      // No demo account exists, so the demo's password opens nothing.
      const demo = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'Fazhi@2026' }) });
      assert.equal(demo.status, 401);
    } finally {
      await stopServerProcess(server);
    }
    const listed = fazhi(['users', 'list'], env);
    assert.match(listed.stdout, /wang\.admin\s+王管理员，系统管理员/);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
