import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DatabaseError } from './connection.js';
import { DB_TEXT } from './db.strings.js';

/** Another live process has the embedded database's data directory open. */
export class DataDirInUse extends DatabaseError {
  readonly code = 'DATA_DIR_IN_USE';
}

const held = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims the data directory for this process with a pid file. PGlite takes no lock of its own,
 * and a second process opening a directory in use (a backup beside a running server) would read
 * a stale state and could write over the first one's files. A file left by a process that has
 * died (killed, power lost) is taken over. Returns the release.
 */
export function claimDataDir(dataDir: string): () => void {
  const dir = resolve(dataDir);
  const file = join(dir, 'fazhi.pid');
  for (;;) {
    try {
      if (held.has(dir)) throw new DataDirInUse(DB_TEXT.dataDirInUse(dataDir, process.pid));
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      held.add(dir);
      return () => {
        held.delete(dir);
        try {
          if (readFileSync(file, 'utf8').trim() === String(process.pid)) unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
      // Our own pid in the file without our claim: a reused pid (a container's 1) from before a crash.
      if (holder > 0 && holder !== process.pid && alive(holder)) throw new DataDirInUse(DB_TEXT.dataDirInUse(dataDir, holder));
      unlinkSync(file);
    }
  }
}
