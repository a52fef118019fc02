import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { canonicalJson } from '../canonical-json.js';
import { lockInTransaction } from '../db/advisory-lock.js';
import type { Database, Db } from '../db/database.js';
import { platformKeyring } from '../keyring.js';
import { securityEvents } from './security-log.tables.js';

export { securityEvents };

export const SECURITY_LOG_GENESIS = '0'.repeat(64);

export interface SecurityEventInput {
  kind: string;
  at: Date;
  actorUserId?: number | null;
  username?: string | null;
  client?: string | null;
  details?: Record<string, unknown>;
}

type Row = typeof securityEvents.$inferSelect;

function entryHash(prevHash: string, row: Omit<Row, 'hash' | 'mac' | 'prevHash'>): string {
  const body = canonicalJson({
    seq: row.seq, at: row.at.toISOString(), kind: row.kind, actorUserId: row.actorUserId, username: row.username, client: row.client, details: row.details,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/**
 * Appends one entry in the caller's transaction, so an administrative change and its entry
 * commit together. Entries are numbered one after another under a lock: the log is small
 * (people's acts, not the cases'), and a gap would then mean an entry was removed.
 */
export async function recordSecurityEvent(tx: Db, input: SecurityEventInput): Promise<void> {
  await lockInTransaction(tx, 'fazhi.audit.security-log');
  const [last] = await tx.select({ seq: securityEvents.seq, hash: securityEvents.hash }).from(securityEvents).orderBy(desc(securityEvents.seq)).limit(1);
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: input.at,
    kind: input.kind,
    actorUserId: input.actorUserId ?? null,
    username: input.username ?? null,
    client: input.client ?? null,
    details: input.details ?? {},
  };
  const prevHash = last?.hash ?? SECURITY_LOG_GENESIS;
  const hash = entryHash(prevHash, row);
  await tx.insert(securityEvents).values({ ...row, prevHash, hash, mac: platformKeyring().mac('security.log', hash) });
}

/** The same in a transaction of its own (a failed sign-in is recorded although the request fails). */
export function recordSecurityEventNow(database: Database, input: SecurityEventInput): Promise<void> {
  return database.transaction((tx) => recordSecurityEvent(tx, input));
}

export interface SecurityLogQuery {
  from?: Date;
  to?: Date;
  kind?: string;
  username?: string;
  page: number;
  pageSize: number;
}

export async function listSecurityEvents(tx: Db, query: SecurityLogQuery, visibleUsernames?: SQL) {
  const where = and(
    query.from ? gte(securityEvents.at, query.from) : undefined,
    query.to ? lte(securityEvents.at, query.to) : undefined,
    query.kind ? eq(securityEvents.kind, query.kind) : undefined,
    query.username ? eq(securityEvents.username, query.username) : undefined,
    visibleUsernames,
  );
  const [{ total } = { total: 0 }] = await tx.select({ total: sql<number>`count(*)::int` }).from(securityEvents).where(where);
  const rows = await tx.select().from(securityEvents).where(where).orderBy(desc(securityEvents.seq))
    .limit(query.pageSize).offset((query.page - 1) * query.pageSize);
  return { total: Number(total), rows };
}

export interface SecurityLogProblem {
  seq: number;
  reason: 'entry_missing' | 'entry_edited' | 'entry_forged';
}

/** Walks the whole log: numbering, chain and seals; names each broken entry. */
export async function verifySecurityLog(database: Database): Promise<{ entries: number; head: { seq: number; hash: string } | null; problems: SecurityLogProblem[] }> {
  const keyring = platformKeyring();
  const problems: SecurityLogProblem[] = [];
  let expected = 1;
  let prevHash = SECURITY_LOG_GENESIS;
  let entries = 0;
  let head: { seq: number; hash: string } | null = null;
  for (let after = 0; ; ) {
    const page = await database.db.select().from(securityEvents).where(sql`${securityEvents.seq} > ${after}`).orderBy(asc(securityEvents.seq)).limit(5000);
    for (const row of page) {
      entries++;
      // After a gap the entry is checked against the link it claims, so one removal is one problem.
      const gap = row.seq !== expected;
      if (gap) problems.push({ seq: expected, reason: 'entry_missing' });
      const linked = gap ? row.prevHash : prevHash;
      if (entryHash(linked, row) !== row.hash || row.prevHash !== linked) problems.push({ seq: row.seq, reason: 'entry_edited' });
      else if (keyring.mac('security.log', row.hash) !== row.mac) problems.push({ seq: row.seq, reason: 'entry_forged' });
      prevHash = row.hash;
      expected = row.seq + 1;
      head = { seq: row.seq, hash: row.hash };
    }
    if (page.length < 5000) break;
    after = page[page.length - 1]!.seq;
  }
  return { entries, head, problems };
}
