import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import '../../../app.js';
import { errorCatalogue } from '../app-error.js';
import { repoPath } from '../../repo-path.js';

test('docs/errors.md lists every error code with its HTTP status and message', () => {
  const doc = readFileSync(repoPath('docs', 'errors.md'), 'utf8');
  const catalogue = errorCatalogue();
  assert.ok(catalogue.size > 30);
  for (const [code, spec] of catalogue) {
    const row = doc.split('\n').find((line) => line.startsWith(`| \`${code}\` |`));
    assert.ok(row, `${code} is missing from docs/errors.md`);
    assert.ok(row.includes(`| ${spec.status} |`), `${code}: status ${spec.status} not in its row`);
    assert.ok(row.includes(spec.message), `${code}: message differs`);
  }
});
