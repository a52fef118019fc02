// Messages between the request thread and the PGlite worker.
export type WorkerRequest =
  | { id: number; op: 'ready' }
  | { id: number; op: 'query'; sql: string; params: unknown[]; rowMode: 'array' | 'object'; txId?: number }
  | { id: number; op: 'exec'; sql: string; txId?: number }
  | { id: number; op: 'copy'; sql: string; chunks: Array<string | Uint8Array>; txId?: number }
  | { id: number; op: 'copyTo'; sql: string; txId?: number }
  | { id: number; op: 'begin' }
  | { id: number; op: 'end'; txId: number; commit: boolean }
  | { id: number; op: 'close' };

export type WorkerReply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: { message: string; code?: string } };

export interface QueryResult {
  rows: unknown[];
  affectedRows: number;
}
