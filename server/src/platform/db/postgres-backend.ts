import pg from 'pg';
import { DatabaseError, type SqlBackend, type SqlRunner } from './connection.js';

function wrap(error: unknown): DatabaseError {
  const e = error as { message?: string; code?: string };
  return new DatabaseError(e?.message ?? String(error), e?.code);
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
