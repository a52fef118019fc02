import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { repoPath } from '../../../platform/repo-path.js';
import { IMPORT_ERROR_CODES } from '../index.js';
import { IMPORT_MESSAGES } from '../reconsideration.strings.js';

it('docs/errors.md lists every import problem code, and no other, under `fazhi xzfy import`', () => {
  const doc = readFileSync(repoPath('docs', 'errors.md'), 'utf8');
  const start = doc.indexOf('## `fazhi xzfy import`');
  assert.ok(start >= 0, 'docs/errors.md has no `fazhi xzfy import` section');
  const end = doc.indexOf('\n## ', start + 1);
  const section = doc.slice(start, end < 0 ? undefined : end);
  const listed = [...section.matchAll(/^\| `([A-Z_]+)` \|/gmu)].map((m) => m[1]);
  assert.deepEqual(listed, [...IMPORT_ERROR_CODES]);
  assert.deepEqual(Object.keys(IMPORT_MESSAGES), [...IMPORT_ERROR_CODES]);
});
