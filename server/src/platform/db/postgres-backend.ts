import { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFromStdin, to as copyToStdout } from 'pg-copy-streams';
import { DatabaseError, type CopyChunks, type SqlBackend, type SqlRunner } from './connection.js';

function wrap(error: unknown): DatabaseError {
  const e = error as { message?: string; code?: string };
  return new DatabaseError(e?.message ?? String(error), e?.code);
}

async function copyInto(client: pg.PoolClient, sql: string, chunks: CopyChunks): Promise<void> {
  // A failing source destroys the COPY stream, which sends CopyFail: the server rolls the COPY back.
  try {
    await pipeline(Readable.from(chunks, { objectMode: false }), client.query(copyFromStdin(sql)));
  } catch (error) {
    // The server's refusal becomes ours; the source's own error (a bad file …) passes unchanged.
    throw error instanceof pg.DatabaseError ? wrap(error) : error;
  }
}

async function* copyOut(client: pg.PoolClient, sql: string): AsyncGenerator<Uint8Array> {
  const stream = client.query(copyToStdout(sql));
  let complete = false;
  try {
    for await (const chunk of stream.iterator({ destroyOnReturn: false })) yield chunk as Buffer;
    complete = true;
  } catch (error) {
    throw wrap(error);
  } finally {
    // A reader that stops early must still let the COPY finish, or the connection stays stuck in it.
    if (!complete && !stream.destroyed) {
      stream.resume();
      await finished(stream).catch(() => undefined);
    }
  }
}

function runnerFor(client: pg.Pool | pg.PoolClient): SqlRunner {
  return {
    async query(sql, params, rowMode) {
      try {
        const result = await client.query({ text: sql, values: params, ...(rowMode === 'array' ? { rowMode: 'array' } : {}) });
        return { rows: result.rows, affectedRows: result.rowCount ?? 0 };
      } catch (error) {
        throw wrap(error);
      }
    },
    async exec(sql) {
      try {
        await client.query(sql);
      } catch (error) {
        throw wrap(error);
      }
    },
    async copyFrom(sql, chunks) {
      if (!(client instanceof pg.Pool)) return copyInto(client, sql, chunks);
      const own = await client.connect();
      try {
        await copyInto(own, sql, chunks);
      } finally {
        own.release();
      }
    },
    async *copyTo(sql) {
      if (!(client instanceof pg.Pool)) return yield* copyOut(client, sql);
      const own = await client.connect();
      try {
        yield* copyOut(own, sql);
      } finally {
        own.release();
      }
    },
  };
}

export async function openPostgresBackend(url: string, poolSize = 10): Promise<SqlBackend> {
  // Counts (int8) come back as JS numbers, as they do from the embedded database.
  pg.types.setTypeParser(20, (value) => Number(value));
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => undefined);
  const base = runnerFor(pool);
  await base.query('select 1', [], 'object');
  return {
    kind: 'postgres',
    query: base.query,
    exec: base.exec,
    copyFrom: base.copyFrom,
    copyTo: base.copyTo,
    async inTransaction(fn) {
      const client = await pool.connect();
      const runner = runnerFor(client);
      try {
        await runner.exec('BEGIN');
        const result = await fn(runner);
        await runner.exec('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
