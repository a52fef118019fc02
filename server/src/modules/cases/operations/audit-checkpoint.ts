import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { and, asc, desc, gt, inArray, lte, sql } from 'drizzle-orm';
import { canonicalJson } from '../../../platform/canonical-json.js';
import { advisoryLockKey, lockInTransaction } from '../../../platform/db/advisory-lock.js';
import type { Database, Db } from '../../../platform/db/database.js';
import { platformKeyring } from '../../../platform/keyring.js';
import { securityEvents } from '../../../platform/security-log/security-log.js';
import { auditCheckpoints, auditSealedHeads, caseEvents } from '../cases.tables.js';
import { addTerm, eventTerm, fromHex, headTerm, removeTerm, toHex } from '../rules/record-digest.js';

export type Checkpoint = typeof auditCheckpoints.$inferSelect;

const LOCK = 'fazhi.audit.checkpoint';
const ZERO = '0'.repeat(64);

/** The seal of a checkpoint: every field, and the seal of the one before. */
export function checkpointMac(row: Omit<Checkpoint, 'mac'> & { mac?: string }): string {
  const { prevMac, mac: _sealed, ...fields } = row;
  return platformKeyring().mac('audit.checkpoint', canonicalJson({ ...fields, at: row.at.toISOString() }), prevMac);
}

/** A witness line per checkpoint, in a file outside the database (beside the platform key). */
export interface WitnessLine {
  seq: number;
  at: string;
  mac: string;
}

export function readWitness(file: string | null | undefined): WitnessLine[] {
  if (!file || !existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as WitnessLine);
}

function witness(file: string | null | undefined, row: Checkpoint): void {
  if (file) appendFileSync(file, `${JSON.stringify({ seq: row.seq, at: row.at.toISOString(), mac: row.mac })}\n`, { mode: 0o600 });
}

async function takeLock(tx: Db, database: Database, wait: boolean): Promise<boolean> {
  if (database.kind !== 'postgres') return true;
  if (wait) {
    await lockInTransaction(tx, LOCK);
    return true;
  }
  const rows = await tx.execute(sql`select pg_try_advisory_xact_lock(${advisoryLockKey(LOCK)}::bigint) as got`);
  return (rows as unknown as { rows?: Array<{ got: boolean }> }).rows?.[0]?.got ?? (rows as unknown as Array<{ got: boolean }>)[0]?.got ?? false;
}

async function securityHead(tx: Db): Promise<{ seq: number; hash: string }> {
  const [head] = await tx.select({ seq: securityEvents.seq, hash: securityEvents.hash }).from(securityEvents).orderBy(desc(securityEvents.seq)).limit(1);
  return head ?? { seq: 0, hash: ZERO };
}

/** Highest gseq written so far, and the database's own clock just after reading it. */
async function writeHorizon(tx: Db): Promise<{ pending: number; madeAt: Date }> {
  const [row] = await tx.select({ pending: sql<number>`coalesce(max(${caseEvents.gseq}), 0)`, madeAt: sql<string>`clock_timestamp()` }).from(caseEvents);
  return { pending: Number(row!.pending), madeAt: new Date(row!.madeAt) };
}

/**
 * Folds the events written in (from, to] into the running digests and moves the sealed head
 * of every case they touched.
 */
async function fold(tx: Db, from: number, to: number, eventsDigest: bigint, headsDigest: bigint, checkpointSeq: number) {
  let events = 0;
  const touched = new Map<string, { seq: number; hash: string }>();
  for (let after = from; after < to; ) {
    const page = await tx.select({ caseId: caseEvents.caseId, seq: caseEvents.seq, hash: caseEvents.hash, gseq: caseEvents.gseq })
      .from(caseEvents).where(and(gt(caseEvents.gseq, after), lte(caseEvents.gseq, to))).orderBy(asc(caseEvents.gseq)).limit(5000);
    if (page.length === 0) break;
    for (const e of page) {
      events++;
      eventsDigest = addTerm(eventsDigest, eventTerm(e.hash));
      const known = touched.get(e.caseId);
      if (!known || e.seq > known.seq) touched.set(e.caseId, { seq: e.seq, hash: e.hash });
    }
    after = Number(page[page.length - 1]!.gseq);
  }
  let newHeads = 0;
  const ids = [...touched.keys()];
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    const old = new Map((await tx.select().from(auditSealedHeads).where(inArray(auditSealedHeads.caseId, chunk))).map((h) => [h.caseId, h]));
    for (const caseId of chunk) {
      const head = touched.get(caseId)!;
      const before = old.get(caseId);
      if (before) headsDigest = removeTerm(headsDigest, headTerm(caseId, before.seq, before.hash));
      else newHeads++;
      headsDigest = addTerm(headsDigest, headTerm(caseId, head.seq, head.hash));
    }
    await tx.insert(auditSealedHeads)
      .values(chunk.map((caseId) => ({ caseId, ...touched.get(caseId)!, checkpointSeq })))
      .onConflictDoUpdate({ target: auditSealedHeads.caseId, set: { seq: sql`excluded.seq`, hash: sql`excluded.hash`, checkpointSeq: sql`excluded.checkpoint_seq` } });
  }
  return { events, eventsDigest, headsDigest, newHeads };
}

export interface CheckpointOptions {
  /** Where this server keeps its witness lines (none in tests that do not look). */
  witnessFile?: string | null;
  /** Make none if the last is younger than this (several servers tick; one checkpoint a period is enough). */
  minIntervalMs?: number;
}

/**
 * The first checkpoint, when the record has none: it covers every event already written
 * (written by an earlier release, before events were sealed one by one). Made at start, before
 * the server takes requests, so nothing is being written meanwhile. If this server's witness
 * file remembers checkpoints, they were removed from the database: none is made, and
 * `fazhi audit verify` reports it.
 */
export async function ensureFirstCheckpoint(database: Database, now: Date, options: CheckpointOptions = {}): Promise<Checkpoint | null> {
  const row = await database.transaction(async (tx) => {
    await takeLock(tx, database, true);
    const [existing] = await tx.select().from(auditCheckpoints).limit(1);
    if (existing || readWitness(options.witnessFile).length > 0) return null;
    const { pending, madeAt } = await writeHorizon(tx);
    const folded = await fold(tx, 0, pending, 0n, 0n, 1);
    const security = await securityHead(tx);
    const fields = {
      seq: 1, at: now, coveredGseq: pending, pendingGseq: pending, horizonAt: madeAt, events: folded.events, eventsDigest: toHex(folded.eventsDigest),
      heads: folded.newHeads, headsDigest: toHex(folded.headsDigest), securitySeq: security.seq, securityHash: security.hash,
      keyId: platformKeyring().id, prevMac: ZERO,
    };
    const created = { ...fields, mac: checkpointMac(fields) };
    await tx.insert(auditCheckpoints).values(created);
    return created;
  });
  if (row) witness(options.witnessFile, row);
  return row;
}

/**
 * The next checkpoint: covers the events up to the write horizon the last one saw, so any
 * transaction that had taken a number below it has had a whole period to commit; if one is
 * still open (a long import), the checkpoint waits for a later tick. Null when another server
 * is making one, the last is recent, or a long transaction is still open.
 */
export async function makeCheckpoint(database: Database, now: Date, options: CheckpointOptions = {}): Promise<Checkpoint | null> {
  const row = await database.transaction(async (tx) => {
    if (!(await takeLock(tx, database, false))) return null;
    const [prev] = await tx.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.seq)).limit(1);
    if (!prev) return null;
    if (options.minIntervalMs && now.getTime() - prev.at.getTime() < options.minIntervalMs) return null;
    if (database.kind === 'postgres' && (await openSince(tx, prev.horizonAt))) return null;
    const folded = await fold(tx, prev.coveredGseq, prev.pendingGseq, fromHex(prev.eventsDigest), fromHex(prev.headsDigest), prev.seq + 1);
    const { pending, madeAt } = await writeHorizon(tx);
    const security = await securityHead(tx);
    const fields = {
      seq: prev.seq + 1, at: now, coveredGseq: prev.pendingGseq, pendingGseq: Math.max(pending, prev.pendingGseq), horizonAt: madeAt,
      events: prev.events + folded.events, eventsDigest: toHex(folded.eventsDigest), heads: prev.heads + folded.newHeads, headsDigest: toHex(folded.headsDigest),
      securitySeq: security.seq, securityHash: security.hash, keyId: platformKeyring().id, prevMac: prev.mac,
    };
    const created = { ...fields, mac: checkpointMac(fields) };
    await tx.insert(auditCheckpoints).values(created);
    return created;
  });
  if (row) witness(options.witnessFile, row);
  return row;
}

/**
 * Is a transaction still open that began before the last checkpoint read its horizon? (It may
 * hold an event numbered below that horizon that nobody can see yet.)
 */
async function openSince(tx: Db, since: Date): Promise<boolean> {
  const rows = (await tx.execute(sql`select count(*)::int as n from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null and xact_start < ${since.toISOString()}::timestamptz`)) as unknown;
  const list = (rows as { rows?: Array<{ n: number }> }).rows ?? (rows as Array<{ n: number }>);
  return Number(list[0]?.n ?? 0) > 0;
}

export async function latestCheckpoint(tx: Db): Promise<Checkpoint | undefined> {
  const [row] = await tx.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.seq)).limit(1);
  return row;
}

