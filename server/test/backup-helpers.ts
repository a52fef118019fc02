import { Readable, Writable } from 'node:stream';
import { writeBackup, type BackupSummary } from '../src/platform/db/backup.js';
import { quoteIdent, listTables } from '../src/platform/db/catalogue.js';
import type { Database } from '../src/platform/db/database.js';
import { restoreBackup, type RestoreReport } from '../src/platform/db/restore.js';

/** A backup of the database, in memory. */
export async function backupToBuffer(database: Database, now?: Date): Promise<{ bytes: Buffer; summary: BackupSummary }> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const summary = await writeBackup(database, sink, now ? { now } : {});
  return { bytes: Buffer.concat(chunks), summary };
}

export function restoreFromBuffer(database: Database, bytes: Buffer): Promise<RestoreReport> {
  return restoreBackup(database, Readable.from([bytes]));
}

/** Rows per table of the public schema, by the catalogue (schema_migrations included). */
export async function rowCounts(database: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await listTables(database.backend)) {
    const result = await database.backend.query(`select count(*)::int as n from ${quoteIdent(table.name)}`, [], 'object');
    counts[table.name] = (result.rows[0] as { n: number }).n;
  }
  return counts;
}
