import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoPath } from '../../server/src/platform/repo-path.js';

// A citizen on a weak mobile connection: the first page may cost at most this much JavaScript,
// measured as the server sends it gzipped (the build's own .gz files).
const BUDGET_BYTES = 150 * 1024;
const DIST = repoPath('web', 'dist');
const built = existsSync(join(DIST, '.vite', 'manifest.json'));

type Manifest = Record<string, { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[]; css?: string[] }>;

if (!built) console.log('# citizen page weight SKIPPED: web/dist is not built (npm run build:web)');

test('the citizen’s first page loads at most 150 KB of JavaScript gzipped, and no antd or ECharts', { skip: built ? false : 'web/dist is not built' }, () => {
  const manifest = JSON.parse(readFileSync(join(DIST, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const entry = manifest['index.html'];
  assert.ok(entry?.isEntry, 'index.html is the entry');
  // Everything the entry imports statically loads with the first page; dynamic imports load later.
  const loaded = new Set<string>();
  const visit = (key: string) => {
    if (loaded.has(key)) return;
    loaded.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  visit('index.html');
  const files = [...loaded].map((key) => manifest[key]!.file);

  // The page shell names exactly these scripts: nothing else is fetched up front.
  const shell = readFileSync(join(DIST, 'index.html'), 'utf8');
  const named = [...shell.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/([^"]+\.js)"/g)].map((m) => m[1]!);
  assert.deepEqual(named.sort(), [...files].sort());

  let gzipped = 0;
  for (const file of files) {
    const gz = join(DIST, `${file}.gz`);
    gzipped += readFileSync(existsSync(gz) ? gz : join(DIST, file)).length;
    const code = readFileSync(join(DIST, file), 'utf8');
    assert.equal(/\bant-(btn|form|select)\b/.test(code), false, `${file} carries antd`);
    assert.equal(/echarts|zrender/i.test(code), false, `${file} carries ECharts`);
  }
  console.log(`# citizen first page: ${files.length} script(s), ${(gzipped / 1024).toFixed(1)} KB gzipped (budget ${BUDGET_BYTES / 1024} KB)`);
  assert.ok(gzipped <= BUDGET_BYTES, `${(gzipped / 1024).toFixed(1)} KB gzipped`);
  // The rest of the application is there, loaded on demand.
  assert.ok((entry.dynamicImports ?? []).length > 0, 'the staff and other pages are split off');
});
