import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * Absolute path of a repo-relative file, e.g. `repoPath('server/src/modules/orgs/data/demo-county.json')`.
 * The root is the nearest directory above this module that holds package.json, so the same call works
 * from `server/src` (tests, tsx) and from the compiled `dist/server/src`.
 */
export function repoPath(...segments: string[]): string {
  root ??= findRoot();
  return join(root, ...segments);
}

function findRoot(): string {
  const here = fileURLToPath(import.meta.url);
  for (let dir = dirname(here); ; ) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`repoPath: no package.json in any directory above ${here}`);
    dir = parent;
  }
}
