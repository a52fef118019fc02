import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { BackupError, BackupReader, corrupt, parseHeader, readTables, type BackupHeader, type BackupTrailer } from './backup-format.js';
import { BACKUP_CORRUPTION, BACKUP_ERROR_TEXT } from './backup.strings.js';
import { copyInStatement, listEnabledTriggers, listForeignKeys, listSequences, listTables, quoteIdent } from './catalogue.js';
import { DatabaseError, type SqlRunner } from './connection.js';
import type { Database } from './database.js';
import { appliedMigrations, applyMigrations, lockMigrations, releaseMigrations } from './migrate.js';

export interface RestoreReport {
  header: BackupHeader;
  trailer: BackupTrailer;
  /** Migrations applied to rebuild the backup's schema, then those that brought it to this release. */
  migrationsBefore: number;
  migrationsAfter: number;
  seconds: number;
}

/** The decompressed backup, with errors of the file or of gzip surfacing from the reader. */
function readerFor(input: Readable): BackupReader {
  const gunzip = createGunzip();
  pipeline(input, gunzip).catch(() => undefined);
  return new BackupReader(gunzip);
}

/** Refuses a database that holds anything, or whose schema went past the backup's. */
async function refuseUnlessEmpty(runner: SqlRunner, backupMigrations: ReadonlySet<string>): Promise<void> {
  const tables = (await listTables(runner)).filter((t) => t.name !== 'schema_migrations');
  if (tables.length) {
    const holding = await runner.query(
      tables.map((t, i) => `select $${i + 1}::text as name where exists (select 1 from ${quoteIdent(t.name)})`).join(' union all '),
      tables.map((t) => t.name),
      'object',
    );
    const names = (holding.rows as Array<{ name: string }>).map((r) => r.name);
    if (names.length) throw new BackupError('RESTORE_TARGET_NOT_EMPTY', BACKUP_ERROR_TEXT.RESTORE_TARGET_NOT_EMPTY(names));
  }
  const ahead = (await appliedMigrations(runner)).filter((m) => !backupMigrations.has(m.hash));
  if (ahead.length) throw new BackupError('RESTORE_TARGET_SCHEMA_AHEAD', BACKUP_ERROR_TEXT.RESTORE_TARGET_SCHEMA_AHEAD(ahead.length));
}

/** A database's refusal while loading names the table; a corrupt file keeps its own error. */
async function loading<T>(what: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof DatabaseError) throw new BackupError('RESTORE_LOAD_FAILED', BACKUP_ERROR_TEXT.RESTORE_LOAD_FAILED(what, error.message));
    throw error;
  }
}

/**
 * Loads a backup into an empty database, all or nothing, in one transaction under the migration
 * lock (so an app server starting meanwhile waits rather than migrating underneath): applies the
 * backup's migrations, loads every table with triggers and foreign keys off (the rollups are in
 * the backup; the keys are checked whole once the rows are in), checks row counts and checksums,
 * then applies the migrations this release adds. Anything wrong rolls all of it back.
 */
export async function restoreBackup(database: Database, input: Readable): Promise<RestoreReport> {
  const started = performance.now();
  const reader = readerFor(input);
  const header = parseHeader(await reader.control());
  const known = new Set(releaseMigrations().map((m) => m.hash));
  const unknown = header.migrations.filter((m) => !known.has(m.hash)).map((m) => m.hash);
  if (unknown.length) throw new BackupError('BACKUP_FROM_NEWER_RELEASE', BACKUP_ERROR_TEXT.BACKUP_FROM_NEWER_RELEASE(unknown));
  const backupMigrations = new Set(header.migrations.map((m) => m.hash));

  return database.backend.inTransaction(async (runner) => {
    await lockMigrations(runner, database.kind);
    await runner.exec('SET LOCAL statement_timeout = 0; SET LOCAL lock_timeout = 0; SET LOCAL idle_in_transaction_session_timeout = 0');
    await refuseUnlessEmpty(runner, backupMigrations);
    const migrationsBefore = await applyMigrations(runner, { only: backupMigrations });
    for (const m of header.migrations) {
      await runner.query('update schema_migrations set applied_at = $2::timestamptz where hash = $1', [m.hash, m.appliedAt], 'object');
    }

    const target = new Map((await listTables(runner)).map((t) => [t.name, t]));
    for (const table of header.tables) {
      const columns = target.get(table.name)?.columns;
      if (!columns || columns.length !== table.columns.length || !table.columns.every((c) => columns.includes(c))) {
        throw new BackupError('BACKUP_SCHEMA_MISMATCH', BACKUP_ERROR_TEXT.BACKUP_SCHEMA_MISMATCH(table.name));
      }
    }
    // As pg_dump does: rows first, then the keys (a row may point at one later in the file) and triggers.
    const foreignKeys = await listForeignKeys(runner);
    for (const fk of foreignKeys) await runner.exec(`ALTER TABLE ${quoteIdent(fk.table)} DROP CONSTRAINT ${quoteIdent(fk.name)}`);
    const triggers = await listEnabledTriggers(runner);
    for (const t of triggers) await runner.exec(`ALTER TABLE ${quoteIdent(t.table)} DISABLE TRIGGER ${quoteIdent(t.name)}`);

    const trailer = await readTables(reader, header, (table, rows) => loading(table.name, () => runner.copyFrom(copyInStatement(table), rows)));
    await checkLoadedCounts(runner, trailer);

    for (const fk of foreignKeys) {
      await loading(fk.name, () => runner.exec(`ALTER TABLE ${quoteIdent(fk.table)} ADD CONSTRAINT ${quoteIdent(fk.name)} ${fk.definition}`));
    }
    for (const t of triggers) await runner.exec(`ALTER TABLE ${quoteIdent(t.table)} ENABLE TRIGGER ${quoteIdent(t.name)}`);
    await restoreSequences(runner, trailer);
    const migrationsAfter = await applyMigrations(runner);
    return { header, trailer, migrationsBefore, migrationsAfter, seconds: (performance.now() - started) / 1000 };
  });
}

/** What the database now holds, against the trailer: COPY read exactly the rows the file has. */
async function checkLoadedCounts(runner: SqlRunner, trailer: BackupTrailer): Promise<void> {
  if (!trailer.tables.length) return;
  // One row of scalar subqueries: the branches of a UNION ALL may come back in any order.
  const counts = await runner.query(`select ${trailer.tables.map((t) => `(select count(*) from ${quoteIdent(t.name)})::float8`).join(', ')}`, [], 'array');
  const row = counts.rows[0] as number[];
  for (const [i, t] of trailer.tables.entries()) {
    const found = row[i] ?? 0;
    if (found !== t.rows) throw corrupt(BACKUP_CORRUPTION.loadedCount(t.name, t.rows, found));
  }
}

async function restoreSequences(runner: SqlRunner, trailer: BackupTrailer): Promise<void> {
  const present = new Set((await listSequences(runner)).map((s) => s.name));
  for (const s of trailer.sequences) {
    if (!present.has(s.name)) throw new BackupError('BACKUP_SCHEMA_MISMATCH', BACKUP_ERROR_TEXT.BACKUP_SCHEMA_MISMATCH(s.name));
    await runner.query('select setval($1::regclass, $2::bigint, $3)', [quoteIdent(s.name), s.lastValue, s.isCalled], 'object');
  }
}

/** Reads a whole backup file and checks it as restore would, without a database. */
export async function checkBackup(input: Readable): Promise<{ header: BackupHeader; trailer: BackupTrailer }> {
  const reader = readerFor(input);
  const header = parseHeader(await reader.control());
  const trailer = await readTables(reader, header, async (_table, rows) => {
    for await (const _chunk of rows);
  });
  return { header, trailer };
}
