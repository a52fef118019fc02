import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** A path inside the repository, found from both server/src and the compiled dist/. */
export function repoPath(...segments: string[]): string {
  if (!root) {
    let dir = dirname(fileURLToPath(import.meta.url));
    while (!existsSync(join(dir, 'package.json'))) {
      const parent = dirname(dir);
      if (parent === dir) throw new Error('package.json not found above the running code');
      dir = parent;
    }
    root = dir;
  }
  return join(root, ...segments);
}
