// The backup file, one format for both databases: a gzip stream of
//
//   FAZHI-BACKUP {header as JSON}\n
//   TABLE {"name":"cases"}\n            one section per table, in the header's order:
//   <rows in PostgreSQL's COPY text format>
//   \.\n                                the end of the table's rows (COPY's own end marker)
//   …
//   END {trailer as JSON}\n             rows and SHA-256 of each table's rows, sequences,
//                                       and the SHA-256 of every byte before this line
//
// COPY text escapes backslashes and newlines inside values, so a line `\.` never occurs in the
// data and every row is exactly one line.
import { createHash, type Hash } from 'node:crypto';
import { BACKUP_CORRUPTION, BACKUP_ERROR_TEXT } from './backup.strings.js';
import type { CatalogueSequence } from './catalogue.js';

export const BACKUP_MAGIC = 'FAZHI-BACKUP';
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupHeader {
  formatVersion: number;
  createdAt: string;
  database: 'pglite' | 'postgres';
  /** The Fazhi release that wrote it (package.json), for people; restore goes by the migrations. */
  fazhiVersion: string;
  /** schema_migrations as it was: the schema the rows belong to. */
  migrations: Array<{ hash: string; createdAt: number; appliedAt: string }>;
  tables: Array<{ name: string; columns: string[] }>;
}

export interface BackupTableSummary {
  name: string;
  rows: number;
  sha256: string;
}

export interface BackupTrailer {
  tables: BackupTableSummary[];
  sequences: CatalogueSequence[];
  sha256: string;
}

export type BackupErrorCode = keyof typeof BACKUP_ERROR_TEXT;

/** A refusal with a stable code (docs/errors.md): nothing was written to the database. */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

export const corrupt = (detail: string) => new BackupError('BACKUP_CORRUPT', BACKUP_ERROR_TEXT.BACKUP_CORRUPT(detail));

const NEWLINE = 0x0a;
const END_OF_ROWS = Buffer.from('\\.\n');
const ROWS_THEN_END = Buffer.from('\n\\.\n');

export function controlLine(keyword: 'FAZHI-BACKUP' | 'TABLE' | 'END', value: unknown): Buffer {
  return Buffer.from(`${keyword} ${JSON.stringify(value)}\n`);
}

export const endOfRows = (): Buffer => Buffer.from(END_OF_ROWS);

/** SHA-256 and row count of one table's rows as they stream past. */
export class RowDigest {
  private readonly hash: Hash = createHash('sha256');
  rows = 0;

  add(chunk: Uint8Array): void {
    this.hash.update(chunk);
    for (let i = chunk.indexOf(NEWLINE); i >= 0; i = chunk.indexOf(NEWLINE, i + 1)) this.rows++;
  }

  summary(name: string): BackupTableSummary {
    return { name, rows: this.rows, sha256: this.hash.digest('hex') };
  }
}

/**
 * Reads a decompressed backup as control lines and row sections. Every byte before the END
 * line goes into `body`, the digest the trailer's sha256 is checked against.
 */
export class BackupReader {
  private buffer: Buffer = Buffer.alloc(0);
  private ended = false;
  private received = false;
  private lines = 0;
  /** Whether the last byte taken ended a line: only there can a `\.` line begin. */
  private atLineStart = true;
  /** A TABLE line was read and its rows' end marker not yet. */
  rowsPending = false;
  readonly body: Hash = createHash('sha256');
  private readonly source: AsyncIterator<Buffer>;

  constructor(source: AsyncIterable<Buffer>) {
    this.source = source[Symbol.asyncIterator]();
  }

  private async pull(): Promise<boolean> {
    if (this.ended) return false;
    let next: IteratorResult<Buffer>;
    try {
      next = await this.source.next();
    } catch (error) {
      const e = error as { code?: string; message?: string };
      // Not gzip at all (a pg_dump file, a photo …) fails before the first byte comes out.
      if (!this.received) throw new BackupError('BACKUP_NOT_A_BACKUP', BACKUP_ERROR_TEXT.BACKUP_NOT_A_BACKUP);
      throw corrupt(e.code === 'Z_BUF_ERROR' ? BACKUP_CORRUPTION.truncated : BACKUP_CORRUPTION.unreadable(e.message ?? String(error)));
    }
    if (next.done) {
      this.ended = true;
      return false;
    }
    this.received = true;
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, next.value]) : next.value;
    return true;
  }

  /** Takes the first `length` bytes of the buffer, into the body digest unless told otherwise. */
  private take(length: number, hashed = true): Buffer {
    const bytes = this.buffer.subarray(0, length);
    this.buffer = this.buffer.subarray(length);
    if (hashed) this.body.update(bytes);
    if (length) this.atLineStart = bytes[length - 1] === NEWLINE;
    return bytes;
  }

  /** The next `KEYWORD {json}` line; `hashed` false for the END line, which the body digest leaves out. */
  async control(hashed = true): Promise<{ keyword: string; value: unknown }> {
    let newline: number;
    let searched = 0;
    while ((newline = this.buffer.indexOf(NEWLINE, searched)) < 0) {
      searched = this.buffer.length;
      if (searched > 64 * 1048576) throw this.unrecognised(this.buffer.toString('utf8', 0, 40));
      if (!(await this.pull())) throw this.looksLikeBackup() ? corrupt(BACKUP_CORRUPTION.truncated) : this.unrecognised('');
    }
    const text = this.take(newline + 1, hashed).toString('utf8', 0, newline);
    const space = text.indexOf(' ');
    const keyword = space < 0 ? text : text.slice(0, space);
    let value: unknown;
    try {
      value = JSON.parse(text.slice(space + 1));
    } catch {
      throw this.unrecognised(text.slice(0, 40));
    }
    this.lines++;
    this.rowsPending = keyword === 'TABLE';
    return { keyword, value };
  }

  /** Past the first line, or at least starting as a backup does: damage, not a different kind of file. */
  private looksLikeBackup(): boolean {
    const head = this.buffer.subarray(0, BACKUP_MAGIC.length + 1).toString('latin1');
    return this.lines > 0 || (head.length > 0 && `${BACKUP_MAGIC} `.startsWith(head));
  }

  private unrecognised(what: string): BackupError {
    if (!this.looksLikeBackup()) return new BackupError('BACKUP_NOT_A_BACKUP', BACKUP_ERROR_TEXT.BACKUP_NOT_A_BACKUP);
    return corrupt(BACKUP_CORRUPTION.badLine(what.replace(/[\u0000-\u001f\u007f\ufffd]/g, '?')));
  }

  /**
   * One table's rows in chunks, up to and including its `\.` line (not yielded). Called again
   * after a reader stopped early, it goes on from where that one stopped.
   */
  async *rows(): AsyncGenerator<Buffer> {
    for (;;) {
      while (this.buffer.length < END_OF_ROWS.length) if (!(await this.pull())) throw corrupt(BACKUP_CORRUPTION.truncated);
      if (this.atLineStart && this.buffer.subarray(0, END_OF_ROWS.length).equals(END_OF_ROWS)) {
        this.take(END_OF_ROWS.length);
        this.rowsPending = false;
        return;
      }
      const end = this.buffer.indexOf(ROWS_THEN_END);
      if (end >= 0) {
        const rows = this.take(end + 1);
        this.take(END_OF_ROWS.length);
        this.rowsPending = false;
        yield rows;
        return;
      }
      // Keep the last bytes back: they may begin the end marker that the next chunk completes.
      const keep = ROWS_THEN_END.length - 1;
      if (this.buffer.length > keep) yield this.take(this.buffer.length - keep);
      if (!(await this.pull())) throw corrupt(BACKUP_CORRUPTION.truncated);
    }
  }

  /** After the END line: the stream must end here, and end cleanly (gzip checks its CRC last). */
  async finish(): Promise<void> {
    if (this.buffer.length || (await this.pull())) throw corrupt(BACKUP_CORRUPTION.trailingData);
  }
}

/** Checks what can be checked of the first line: that this is a backup, in a format this release reads. */
export function parseHeader(line: { keyword: string; value: unknown }): BackupHeader {
  const header = line.value as Partial<BackupHeader> | null;
  if (line.keyword !== BACKUP_MAGIC || typeof header !== 'object' || header === null) {
    throw new BackupError('BACKUP_NOT_A_BACKUP', BACKUP_ERROR_TEXT.BACKUP_NOT_A_BACKUP);
  }
  if (header.formatVersion !== BACKUP_FORMAT_VERSION) throw new BackupError('BACKUP_FORMAT_UNKNOWN', BACKUP_ERROR_TEXT.BACKUP_FORMAT_UNKNOWN(header.formatVersion));
  if (!Array.isArray(header.migrations) || !Array.isArray(header.tables)) throw corrupt(BACKUP_CORRUPTION.badLine(BACKUP_MAGIC));
  return header as BackupHeader;
}

function parseTrailer(line: { keyword: string; value: unknown }, header: BackupHeader): BackupTrailer {
  const trailer = line.value as Partial<BackupTrailer> | null;
  if (line.keyword !== 'END' || typeof trailer !== 'object' || trailer === null || !Array.isArray(trailer.tables) || !Array.isArray(trailer.sequences)) {
    throw corrupt(BACKUP_CORRUPTION.badLine(line.keyword));
  }
  if (trailer.tables.map((t) => t.name).join('\n') !== header.tables.map((t) => t.name).join('\n')) throw corrupt(BACKUP_CORRUPTION.tableList);
  return trailer as BackupTrailer;
}

/** The rows read against what the trailer says was written: counts, then each table's SHA-256, then the whole body. */
function checkAgainstTrailer(read: BackupTableSummary[], trailer: BackupTrailer, bodySha256: string): void {
  for (const [i, expected] of trailer.tables.entries()) {
    const found = read[i]!;
    if (found.rows !== expected.rows) throw corrupt(BACKUP_CORRUPTION.rowCount(expected.name, expected.rows, found.rows));
    if (found.sha256 !== expected.sha256) throw corrupt(BACKUP_CORRUPTION.checksum(expected.name));
  }
  if (bodySha256 !== trailer.sha256) throw corrupt(BACKUP_CORRUPTION.bodyChecksum);
}

/**
 * Reads every table section after the header, handing each table's rows to consume as they
 * stream past, then the trailer; checks counts and checksums once all is read. consume's work
 * stands only if this returns: the caller keeps it uncommitted until then.
 */
export async function readTables(
  reader: BackupReader,
  header: BackupHeader,
  consume: (table: BackupHeader['tables'][number], rows: AsyncIterable<Buffer>) => Promise<void>,
): Promise<BackupTrailer> {
  const read: BackupTableSummary[] = [];
  // When the database refuses rows, the file is still read to its end: a file that fails its
  // checks is reported as corrupt, which says more than the database's complaint about its bytes.
  let refusal: unknown = null;
  for (const table of header.tables) {
    const line = await reader.control();
    const name = (line.value as { name?: unknown } | null)?.name;
    if (line.keyword !== 'TABLE' || name !== table.name) throw corrupt(BACKUP_CORRUPTION.unexpectedTable(table.name, String(name ?? line.keyword)));
    const digest = new RowDigest();
    if (!refusal) {
      try {
        await consume(table, counted(reader.rows(), digest));
      } catch (error) {
        if (error instanceof BackupError && error.code === 'BACKUP_CORRUPT') throw error;
        refusal = error;
      }
    }
    if (reader.rowsPending) for await (const _rest of counted(reader.rows(), digest));
    read.push(digest.summary(table.name));
  }
  const body = reader.body.digest('hex');
  const trailer = parseTrailer(await reader.control(false), header);
  await reader.finish();
  checkAgainstTrailer(read, trailer, body);
  if (refusal) throw refusal;
  return trailer;
}

async function* counted(rows: AsyncIterable<Buffer>, digest: RowDigest): AsyncGenerator<Buffer> {
  for await (const chunk of rows) {
    digest.add(chunk);
    yield chunk;
  }
}
