// Runs every compiled test file with Node's own test runner. The browser test is
// included when Chromium is installed and says plainly when it is skipped.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function testFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...testFiles(path));
    else if (name.endsWith('.test.js')) out.push(path);
  }
  return out;
}

const files = [...testFiles('dist/server'), ...testFiles('dist/test')].sort();
if (!process.env.FAZHI_TEST_DATABASE_URL) {
  console.log('FAZHI_TEST_DATABASE_URL is not set: the API suites run on the embedded database only.');
}
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
