import { once } from 'node:events';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import { DatabaseError, type SqlBackend, type SqlRunner } from './connection.js';

function wrap(error: unknown): DatabaseError {
  const e = error as { message?: string; code?: string };
  return new DatabaseError(e?.message ?? String(error), e?.code);
}

async function copyInto(client: pg.PoolClient, sql: string, chunks: Array<string | Uint8Array>): Promise<void> {
  const stream = client.query(copyFromStdin(sql));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  try {
    for (const chunk of chunks) if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), finished]);
    stream.end();
    await finished;
  } catch (error) {
    throw wrap(error);
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
