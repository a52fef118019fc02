import { Worker } from 'node:worker_threads';
import { DatabaseError, type SqlBackend, type SqlRunner } from './connection.js';
import { claimDataDir } from './data-dir-lock.js';
import type { QueryResult, WorkerReply, WorkerRequest } from './pglite-protocol.js';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type RequestBody = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** Embedded PostgreSQL in a worker thread; dataDir null keeps it in memory. */
export async function openPgliteBackend(dataDir: string | null): Promise<SqlBackend> {
  const release = dataDir ? claimDataDir(dataDir) : () => undefined;
  try {
    return await startWorker(dataDir, release);
  } catch (error) {
    release();
    throw error;
  }
}

async function startWorker(dataDir: string | null, release: () => void): Promise<SqlBackend> {
  const worker = new Worker(new URL('./pglite-worker.js', import.meta.url), { workerData: { dataDir } });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let failure: Error | null = null;

  worker.on('message', (message: WorkerReply) => {
    const entry = pending.get(message.id);
    if (!entry) return;
    pending.delete(message.id);
    if (message.ok) entry.resolve(message.result);
    else entry.reject(new DatabaseError(message.error.message, message.error.code));
  });
  const failAll = (error: Error) => {
    failure = error;
    for (const entry of pending.values()) entry.reject(error);
    pending.clear();
  };
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new DatabaseError(`embedded database stopped (exit ${code})`)));

  const call = <T>(body: RequestBody, transfer: ArrayBuffer[] = []): Promise<T> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, ...body }, transfer);
    });
  };

  const runner = (txId?: number): SqlRunner => ({
    query: (sql, params, rowMode) =>
      call<QueryResult>({ op: 'query', sql, params, rowMode, ...(txId ? { txId } : {}) }),
    exec: (sql) => call<void>({ op: 'exec', sql, ...(txId ? { txId } : {}) }),
    async copyFrom(sql, chunks) {
      if (Array.isArray(chunks)) return call<void>({ op: 'copy', sql, chunks, ...(txId ? { txId } : {}) });
      // PGlite reads COPY input from one Blob, so streamed chunks are gathered into one buffer
      // of its own, handed to the worker without a copy.
      const parts: Uint8Array[] = [];
      for await (const chunk of chunks) parts.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      const whole = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
      let offset = 0;
      for (const p of parts) whole.set(p, (offset += p.byteLength) - p.byteLength);
      return call<void>({ op: 'copy', sql, chunks: [whole], ...(txId ? { txId } : {}) }, [whole.buffer]);
    },
    async *copyTo(sql) {
      const data = await call<Uint8Array>({ op: 'copyTo', sql, ...(txId ? { txId } : {}) });
      if (data.byteLength) yield data;
    },
  });

  await call({ op: 'ready' });
  const base = runner();
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    copyFrom: base.copyFrom,
    copyTo: base.copyTo,
    async inTransaction(fn) {
      const txId = await call<number>({ op: 'begin' });
      let result;
      try {
        result = await fn(runner(txId));
      } catch (error) {
        await call({ op: 'end', txId, commit: false }).catch(() => undefined);
        throw error;
      }
      await call({ op: 'end', txId, commit: true });
      return result;
    },
    async close() {
      await call({ op: 'close' }).catch(() => undefined);
      worker.removeAllListeners('exit');
      await worker.terminate();
      release();
    },
  };
}
