import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoPath } from '../../repo-path.js';
import { advisoryLockKey } from '../advisory-lock.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '__tests__' ? [] : sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

test('docs/deployment-multi-server.md lists every advisory lock with its key', () => {
  const doc = readFileSync(repoPath('docs', 'deployment-multi-server.md'), 'utf8');
  const names = new Set<string>();
  for (const file of sources(repoPath('server', 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:withAdvisoryLock|lockInTransaction|lockRunner)\(\s*[\w.]+,\s*(?:'([^']+)'|(\w+))/g)) {
      if (m[2] === 'name') continue; // the helpers themselves pass their parameter on
      // A lock named by a constant: the constant's string, from the same file.
      const name = m[1] ?? text.match(new RegExp(`\\b${m[2]} = '([^']+)'`))?.[1];
      assert.ok(name, `${file}: cannot tell which lock ${m[0]} takes`);
      names.add(name);
    }
  }
  assert.ok(names.size >= 3, [...names].join(', '));
  for (const name of names) {
    assert.match(name, /^fazhi\.[a-z]+\.[a-z-]+$/, `lock names follow fazhi.<area>.<name>: ${name}`);
    assert.ok(doc.includes(`| \`${name}\` | ${advisoryLockKey(name)} |`), `${name} (key ${advisoryLockKey(name)}) is missing from docs/deployment-multi-server.md`);
  }
});
