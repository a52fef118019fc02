import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { SqlRunner } from './connection.js';
import type { Database, Db } from './database.js';

/**
 * A 64-bit lock key from a job's name (`fazhi.<area>.<name>`): the first 64 bits of the name's
 * SHA-256 as a signed integer, so each module names its own lock without a central list of
 * numbers. docs/deployment-multi-server.md lists the names in use.
 */
export function advisoryLockKey(name: string): string {
  return BigInt.asIntN(64, BigInt(`0x${createHash('sha256').update(name).digest('hex').slice(0, 16)}`)).toString();
}

/**
 * Runs fn while holding a transaction-scoped PostgreSQL advisory lock, so app servers sharing
 * one database take turns at it. fn may use other connections; the lock goes at the holding
 * transaction's end, or with its connection if the server dies. The embedded database serves
 * one process, so there fn just runs (a transaction there would shut fn's own queries out).
 */
export async function withAdvisoryLock<T>(database: Database, name: string, fn: () => Promise<T>): Promise<T> {
  if (database.kind !== 'postgres') return fn();
  return database.backend.inTransaction(async (runner) => {
    await lockRunner(runner, name);
    return fn();
  });
}

/** Inside the runner's transaction: waits for, then holds until commit, the named lock. */
export async function lockRunner(runner: SqlRunner, name: string): Promise<void> {
  await runner.query('select pg_advisory_xact_lock($1::bigint)', [advisoryLockKey(name)], 'object');
}

/** Inside the caller's transaction: waits for, then holds until commit, the named lock. */
export async function lockInTransaction(tx: Db, name: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${advisoryLockKey(name)}::bigint)`);
}
