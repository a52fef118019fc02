// Hosts the embedded PostgreSQL (PGlite) on its own thread: PGlite runs
// synchronously inside WebAssembly, so on the request thread one slow query
// would stall every other request.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { WorkerReply, WorkerRequest } from './pglite-protocol.js';

interface OpenTransaction {
  tx: Transaction;
  finish: (commit: boolean) => void;
  done: Promise<unknown>;
}

const { dataDir } = workerData as { dataDir: string | null };
const pg = dataDir ? new PGlite(dataDir) : new PGlite();
const transactions = new Map<number, OpenTransaction>();
let nextTxId = 1;

function reply(message: WorkerReply, transfer: ArrayBuffer[] = []): void {
  parentPort!.postMessage(message, transfer);
}

function describeError(error: unknown): { message: string; code?: string } {
  const e = error as { message?: string; code?: string };
  return { message: e?.message ?? String(error), ...(e?.code ? { code: e.code } : {}) };
}

async function beginTransaction(): Promise<number> {
  const txId = nextTxId++;
  let opened!: (tx: Transaction) => void;
  const ready = new Promise<Transaction>((resolve) => (opened = resolve));
  let finish!: (commit: boolean) => void;
  const decision = new Promise<boolean>((resolve) => (finish = resolve));
  // PGlite's own lock keeps every other query out until this callback returns.
  const done = pg.transaction(async (tx) => {
    opened(tx);
    const commit = await decision;
    if (!commit) await tx.rollback();
  });
  const tx = await Promise.race([ready, done.then(() => null)]);
  if (!tx) throw new Error('transaction ended before it began');
  transactions.set(txId, { tx, finish, done });
  return txId;
}

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.op) {
    case 'ready':
      await pg.waitReady;
      return null;
    case 'query': {
      const target = request.txId ? transactions.get(request.txId)?.tx : pg;
      if (!target) throw new Error(`unknown transaction ${request.txId}`);
      const result = await target.query(request.sql, request.params, { rowMode: request.rowMode });
      return { rows: result.rows, affectedRows: result.affectedRows ?? 0 };
    }
    case 'exec': {
      const target = request.txId ? transactions.get(request.txId)?.tx : pg;
      if (!target) throw new Error(`unknown transaction ${request.txId}`);
      await target.exec(request.sql);
      return null;
    }
    case 'copy': {
      const target = request.txId ? transactions.get(request.txId)?.tx : pg;
      if (!target) throw new Error(`unknown transaction ${request.txId}`);
      // PGlite reads COPY … FROM '/dev/blob' from the blob passed with the query.
      await target.query(request.sql.replace(/\bFROM\s+STDIN\b/i, "FROM '/dev/blob'"), [], { blob: new Blob(request.chunks) });
      return null;
    }
    case 'copyTo': {
      const target = request.txId ? transactions.get(request.txId)?.tx : pg;
      if (!target) throw new Error(`unknown transaction ${request.txId}`);
      // PGlite writes COPY … TO '/dev/blob' into a Blob on the result (none when no row).
      const result = await target.query(request.sql.replace(/\bTO\s+STDOUT\b/i, "TO '/dev/blob'"));
      return result.blob ? new Uint8Array(await result.blob.arrayBuffer()) : new Uint8Array(0);
    }
    case 'begin':
      return beginTransaction();
    case 'end': {
      const open = transactions.get(request.txId);
      if (!open) throw new Error(`unknown transaction ${request.txId}`);
      transactions.delete(request.txId);
      open.finish(request.commit);
      await open.done;
      return null;
    }
    case 'close':
      await pg.close();
      return null;
  }
}

parentPort!.on('message', (request: WorkerRequest) => {
  handle(request).then(
    (result) => (result instanceof Uint8Array ? reply({ id: request.id, ok: true, result }, [result.buffer as ArrayBuffer]) : reply({ id: request.id, ok: true, result })),
    (error: unknown) => reply({ id: request.id, ok: false, error: describeError(error) }),
  );
});
