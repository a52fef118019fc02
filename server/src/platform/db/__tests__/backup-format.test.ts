import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { repoPath } from '../../repo-path.js';
import { BACKUP_ERROR_TEXT } from '../backup.strings.js';
import { BACKUP_FORMAT_VERSION, BACKUP_MAGIC, BackupError, BackupReader, RowDigest, controlLine, endOfRows, parseHeader, readTables, type BackupHeader } from '../backup-format.js';

// Rows as COPY writes them: a value ending in an escaped backslash before a dot, a row that is
// one escaped backslash, an escaped newline; and an empty table between two others.
const TABLES: Array<[string, string]> = [
  ['a', '1\tx\\\\.\n2\t\\N\n3\t\\\\\n'],
  ['empty', ''],
  ['b', '\\\\\n.\n\\\\.\nline\\nbreak\n'],
];

function backupBody(tables = TABLES): Buffer {
  const header: BackupHeader = {
    formatVersion: BACKUP_FORMAT_VERSION, createdAt: '2026-01-01T00:00:00Z', database: 'pglite', fazhiVersion: 'test', migrations: [],
    tables: tables.map(([name]) => ({ name, columns: ['id', 'value'] })),
  };
  const parts = [controlLine(BACKUP_MAGIC, header)];
  const summaries = [];
  for (const [name, rows] of tables) {
    const digest = new RowDigest();
    digest.add(Buffer.from(rows));
    summaries.push(digest.summary(name));
    parts.push(controlLine('TABLE', { name }), Buffer.from(rows), endOfRows());
  }
  const sha256 = createHash('sha256').update(Buffer.concat(parts)).digest('hex');
  return Buffer.concat([...parts, controlLine('END', { tables: summaries, sequences: [], sha256 })]);
}

async function* inChunks(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function readAll(bytes: Buffer, size: number): Promise<Map<string, string>> {
  const reader = new BackupReader(inChunks(bytes, size));
  const header = parseHeader(await reader.control());
  const seen = new Map<string, string>();
  const trailer = await readTables(reader, header, async (table, rows) => {
    const chunks: Buffer[] = [];
    for await (const chunk of rows) chunks.push(chunk);
    seen.set(table.name, Buffer.concat(chunks).toString());
  });
  assert.deepEqual(trailer.tables.map((t) => t.rows), [3, 0, 4]);
  return seen;
}

test('rows come out whole however the stream is cut, even across the end marker', async () => {
  const body = backupBody();
  for (const size of [1, 2, 3, 4, 5, 7, 16, 64, body.length]) assert.deepEqual(await readAll(body, size), new Map(TABLES), `chunks of ${size}`);
});

test('a reader that stops early leaves the rest of its table to be read and checked', async () => {
  const body = backupBody();
  for (const size of [1, 3, 5]) {
    const reader = new BackupReader(inChunks(body, size));
    const header = parseHeader(await reader.control());
    const trailer = await readTables(reader, header, async (_table, rows) => {
      for await (const _chunk of rows) throw new Error('the database refused');
    }).catch((error: Error) => error.message);
    assert.equal(trailer, 'the database refused', `chunks of ${size}`);
  }
});

test('a file whose rows differ from its trailer, or which stops short, is corrupt', async () => {
  const body = backupBody();
  const edited = Buffer.from(body.toString().replace('line\\nbreak', 'line\\nbrake'));
  const refusal = (bytes: Buffer) => readAll(bytes, 64).then(() => 'read', (error: unknown) => (error instanceof BackupError ? error.code : String(error)));
  assert.equal(await refusal(edited), 'BACKUP_CORRUPT');
  for (const cut of [10, body.indexOf('TABLE {"name":"b"}') + 3, body.length - 5]) assert.equal(await refusal(body.subarray(0, cut)), 'BACKUP_CORRUPT', `cut at ${cut}`);
  assert.equal(await refusal(Buffer.from('hello\n')), 'BACKUP_NOT_A_BACKUP');
  assert.equal(await refusal(Buffer.concat([body, Buffer.from('x')])), 'BACKUP_CORRUPT');
});

test('docs/errors.md lists every code backup and restore refuse with', () => {
  const doc = readFileSync(repoPath('docs', 'errors.md'), 'utf8');
  for (const code of Object.keys(BACKUP_ERROR_TEXT)) assert.ok(doc.includes(`| \`${code}\` | 2 |`), `${code} is missing from docs/errors.md`);
});
