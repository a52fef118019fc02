import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { repoPath } from '../repo-path.js';
import { BACKUP_FORMAT_VERSION, BACKUP_MAGIC, BackupError, RowDigest, controlLine, endOfRows, type BackupHeader, type BackupTableSummary, type BackupTrailer } from './backup-format.js';
import { BACKUP_ERROR_TEXT } from './backup.strings.js';
import { copyOutStatement, listSequences, listTables } from './catalogue.js';
import type { SqlRunner } from './connection.js';
import type { Database } from './database.js';
import { appliedMigrations } from './migrate.js';

export interface BackupSummary {
  header: BackupHeader;
  trailer: BackupTrailer;
}

/**
 * Values come out as the same text on every server and in every session: the table checksums
 * then depend on the rows alone, and a backup of a restored database matches the original.
 */
async function canonicalText(runner: SqlRunner): Promise<void> {
  await runner.exec(`SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL IntervalStyle = 'postgres';
    SET LOCAL extra_float_digits = 1; SET LOCAL bytea_output = 'hex'; SET LOCAL statement_timeout = 0; SET LOCAL lock_timeout = 0;
    SET LOCAL idle_in_transaction_session_timeout = 0`);
}

function fazhiVersion(): string {
  return (JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as { version: string }).version;
}

/**
 * Writes every table of the database (found in the catalogue) to output as one gzip stream
 * (format in backup-format.ts). All tables are read in one snapshot: a REPEATABLE READ, READ ONLY
 * transaction on PostgreSQL, while the app servers keep working; the embedded database's
 * transactions are exclusive, so there nothing else runs until the backup is written.
 */
export async function writeBackup(database: Database, output: Writable, options: { now?: Date } = {}): Promise<BackupSummary> {
  return database.backend.inTransaction(async (runner) => {
    await runner.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    await canonicalText(runner);
    const migrations = await appliedMigrations(runner);
    if (!migrations.length) throw new BackupError('BACKUP_SOURCE_EMPTY', BACKUP_ERROR_TEXT.BACKUP_SOURCE_EMPTY);
    // schema_migrations travels in the header: restore rebuilds it by applying those migrations.
    const tables = (await listTables(runner)).filter((t) => t.name !== 'schema_migrations');
    const header: BackupHeader = {
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: (options.now ?? new Date()).toISOString(),
      database: database.kind,
      fazhiVersion: fazhiVersion(),
      migrations,
      tables: tables.map((t) => ({ name: t.name, columns: t.columns })),
    };
    const summaries: BackupTableSummary[] = [];
    let trailer: BackupTrailer | undefined;

    async function* body(): AsyncGenerator<Buffer> {
      const digest = createHash('sha256');
      const hashed = (bytes: Buffer) => (digest.update(bytes), bytes);
      yield hashed(controlLine(BACKUP_MAGIC, header));
      for (const table of tables) {
        yield hashed(controlLine('TABLE', { name: table.name }));
        const rows = new RowDigest();
        for await (const chunk of runner.copyTo(copyOutStatement(table))) {
          rows.add(chunk);
          yield hashed(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        }
        yield hashed(endOfRows());
        summaries.push(rows.summary(table.name));
      }
      trailer = { tables: summaries, sequences: await listSequences(runner), sha256: digest.digest('hex') };
      yield controlLine('END', trailer);
    }

    await pipeline(body, createGzip(), output);
    return { header, trailer: trailer! };
  });
}
