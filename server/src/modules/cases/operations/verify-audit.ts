import { asc, gt, sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/database.js';
import { platformKeyring } from '../../../platform/keyring.js';
import { verifySecurityLog } from '../../../platform/security-log/security-log.js';
import { getCaseType } from '../case-registry.js';
import { auditCheckpoints, auditSealedHeads, caseEvents, casePersonalData, cases } from '../cases.tables.js';
import { GENESIS_HASH, eventHash, eventSeal, personalCommitment } from '../event-chain.js';
import { PERSONAL_KEY } from '../personal-data.js';
import { addTerm, eventTerm, headTerm, toHex } from '../rules/record-digest.js';
import { checkpointMac, readWitness, type Checkpoint } from './audit-checkpoint.js';

/**
 * Every kind of tampering the check names. Per case: an event edited in place, a chain cut or
 * spliced, a chain recomputed without the key (forged), an event without a seal, the case row's
 * head or state not what the events say, a case cut short or deleted after a checkpoint saw it,
 * a case row gone, a type's own rows (text, reply, requester) not what the events replay to,
 * personal data not what the record's hash says. For the whole record: events removed or added
 * before the latest checkpoint, sealed heads altered, checkpoints removed or forged, the
 * security log edited, cut or forged.
 */
export type FindingReason =
  | 'event_edited' | 'chain_broken' | 'event_forged' | 'event_unsealed' | 'head_mismatch' | 'state_mismatch'
  | 'case_truncated' | 'case_deleted' | 'case_rewritten' | 'case_row_missing' | 'projection_mismatch' | 'personal_data_mismatch'
  | 'events_missing' | 'events_added' | 'record_digest_mismatch' | 'sealed_heads_altered'
  | 'checkpoint_missing' | 'checkpoint_forged' | 'checkpoint_key_unknown'
  | 'security_log_entry_missing' | 'security_log_entry_edited' | 'security_log_entry_forged' | 'security_log_truncated';

export interface AuditFinding {
  reason: FindingReason;
  caseId?: string;
  seq?: number;
  field?: string;
  detail?: string;
}

export interface AuditReport {
  cases: number;
  events: number;
  checkpoints: number;
  latestCheckpoint: { seq: number; at: string; coveredEvents: number } | null;
  securityLogEntries: number;
  findings: AuditFinding[];
  seconds: number;
}

export interface ProjectionFinding {
  caseId: string;
  field: string;
  detail?: string;
}

const PAGE = 5000;

/** Reads a table in key order, a page at a time, so memory stays flat at city scale. */
async function* paged<T>(fetch: (after: T | null) => Promise<T[]>): AsyncGenerator<T> {
  let last: T | null = null;
  for (;;) {
    const rows = await fetch(last);
    yield* rows;
    if (rows.length < PAGE) return;
    last = rows[rows.length - 1]!;
  }
}

type CaseRow = { id: string; caseType: string; state: string; lastSeq: number; lastHash: string };
type EventRow = { caseId: string; seq: number; type: string; at: Date; actorUserId: number | null; actorUnitId: number | null; actorRole: string; payload: unknown; prevHash: string; hash: string; mac: string | null; gseq: number };
type HeadRow = typeof auditSealedHeads.$inferSelect;

/** A stream with one row of look-ahead, for merging streams keyed by case id. */
class Cursor<T> {
  current: T | undefined;
  constructor(private readonly source: AsyncGenerator<T>) {}
  async next(): Promise<void> {
    const r = await this.source.next();
    this.current = r.done ? undefined : r.value;
  }
}

/**
 * Checks the whole record against itself, the platform key and the latest checkpoint, and
 * names every kind of tampering it finds (the first per case). Cases, events and sealed heads
 * are read side by side in case order, so memory does not grow with the record.
 */
export async function verifyAudit(database: Database, options: { maxFindings?: number; witnessFile?: string | null } = {}): Promise<AuditReport> {
  const started = process.hrtime.bigint();
  const maxFindings = options.maxFindings ?? 200;
  const findings: AuditFinding[] = [];
  const flagged = new Set<string>();
  const report = (f: AuditFinding) => {
    if (f.caseId) {
      if (flagged.has(f.caseId)) return;
      flagged.add(f.caseId);
    }
    if (findings.length < maxFindings) findings.push(f);
  };
  const db = database.db;

  const checkpoints = await db.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.seq));
  verifyCheckpoints(checkpoints, readWitness(options.witnessFile), report);
  const latest = checkpoints.at(-1);
  // Events of the first checkpoint were written before events were sealed one by one.
  const unsealedUpTo = checkpoints[0]?.coveredGseq ?? Number.MAX_SAFE_INTEGER;

  const caseStream = new Cursor(paged<CaseRow>((after) =>
    db.select({ id: cases.id, caseType: cases.caseType, state: cases.state, lastSeq: cases.lastSeq, lastHash: cases.lastHash })
      .from(cases).where(after ? gt(cases.id, after.id) : undefined).orderBy(asc(cases.id)).limit(PAGE)));
  const eventStream = new Cursor(paged<EventRow>((after) =>
    db.select().from(caseEvents)
      .where(after ? sql`(${caseEvents.caseId}, ${caseEvents.seq}) > (${after.caseId}::uuid, ${after.seq}::int)` : undefined)
      .orderBy(asc(caseEvents.caseId), asc(caseEvents.seq)).limit(PAGE) as Promise<EventRow[]>));
  const headStream = new Cursor(paged<HeadRow>((after) =>
    db.select().from(auditSealedHeads).where(after ? gt(auditSealedHeads.caseId, after.caseId) : undefined).orderBy(asc(auditSealedHeads.caseId)).limit(PAGE)));
  await Promise.all([caseStream.next(), eventStream.next(), headStream.next()]);

  let caseCount = 0;
  let eventCount = 0;
  let coveredEvents = 0;
  let eventsDigest = 0n;
  let headCount = 0;
  let headsDigest = 0n;
  for (;;) {
    const ids = [caseStream.current?.id, eventStream.current?.caseId, headStream.current?.caseId].filter((id): id is string => id !== undefined);
    if (ids.length === 0) break;
    const caseId = ids.reduce((a, b) => (a < b ? a : b));
    const row = caseStream.current?.id === caseId ? caseStream.current : undefined;
    if (row) {
      caseCount++;
      await caseStream.next();
    }
    const head = headStream.current?.caseId === caseId ? headStream.current : undefined;
    if (head) {
      headCount++;
      headsDigest = addTerm(headsDigest, headTerm(head.caseId, head.seq, head.hash));
      await headStream.next();
    }
    // The case's chain, checked as it streams by.
    let seq = 0;
    let prev = GENESIS_HASH;
    let state = row && caseTypeKnown(row.caseType) ? getCaseType(row.caseType).initialState : undefined;
    let reachedHead = false;
    while (eventStream.current?.caseId === caseId) {
      const e = eventStream.current;
      eventCount++;
      if (e.gseq <= (latest?.coveredGseq ?? 0)) {
        coveredEvents++;
        eventsDigest = addTerm(eventsDigest, eventTerm(e.hash));
      }
      const payload = (typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload) as Record<string, unknown>;
      const recomputed = eventHash(prev, { ...e, at: new Date(e.at), payload });
      if (e.seq !== seq + 1 || e.prevHash !== prev) report({ reason: 'chain_broken', caseId, seq: e.seq });
      else if (recomputed !== e.hash) report({ reason: 'event_edited', caseId, seq: e.seq });
      else if (e.mac === null ? e.gseq > unsealedUpTo : e.mac !== eventSeal(e.hash)) report({ reason: e.mac === null ? 'event_unsealed' : 'event_forged', caseId, seq: e.seq });
      if (head && e.seq === head.seq && e.hash === head.hash) reachedHead = true;
      if (typeof payload.toState === 'string') state = payload.toState;
      seq = e.seq;
      prev = e.hash;
      await eventStream.next();
    }
    if (head && !reachedHead) {
      report(seq === 0 ? { reason: 'case_deleted', caseId, detail: `sealed at event ${head.seq}` }
        : seq < head.seq ? { reason: 'case_truncated', caseId, seq, detail: `sealed at event ${head.seq}` }
        : { reason: 'case_rewritten', caseId, seq: head.seq });
    }
    if (seq > 0 && !row) report({ reason: 'case_row_missing', caseId });
    else if (row && (row.lastSeq !== seq || row.lastHash !== prev)) report({ reason: 'head_mismatch', caseId, seq });
    else if (row && state !== undefined && row.state !== state) report({ reason: 'state_mismatch', caseId, seq, detail: `${row.state} ≠ ${state}` });
  }

  if (latest) {
    if (coveredEvents < latest.events) report({ reason: 'events_missing', detail: `${latest.events - coveredEvents} of ${latest.events} events of checkpoint ${latest.seq}` });
    else if (coveredEvents > latest.events) report({ reason: 'events_added', detail: `${coveredEvents - latest.events} events before checkpoint ${latest.seq} that it did not see` });
    else if (toHex(eventsDigest) !== latest.eventsDigest) report({ reason: 'record_digest_mismatch', detail: `checkpoint ${latest.seq}` });
    if (headCount !== latest.heads || toHex(headsDigest) !== latest.headsDigest) report({ reason: 'sealed_heads_altered', detail: `checkpoint ${latest.seq}` });
  }

  await verifyPersonalData(database, report);
  for (const type of typesInUse(await db.selectDistinct({ caseType: cases.caseType }).from(cases))) {
    await type.verifyProjection?.(database, (f) => report({ reason: 'projection_mismatch', ...f }));
  }

  const security = await verifySecurityLog(database);
  for (const p of security.problems) report({ reason: `security_log_${p.reason}` as FindingReason, seq: p.seq });
  if (latest && latest.securitySeq > 0 && (!security.head || security.head.seq < latest.securitySeq)) {
    report({ reason: 'security_log_truncated', detail: `checkpoint ${latest.seq} saw entry ${latest.securitySeq}` });
  }

  return {
    cases: caseCount,
    events: eventCount,
    checkpoints: checkpoints.length,
    latestCheckpoint: latest ? { seq: latest.seq, at: latest.at.toISOString(), coveredEvents: latest.events } : null,
    securityLogEntries: security.entries,
    findings,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
  };
}

function caseTypeKnown(name: string): boolean {
  try {
    getCaseType(name);
    return true;
  } catch {
    return false;
  }
}

function typesInUse(rows: Array<{ caseType: string }>) {
  return rows.filter((r) => caseTypeKnown(r.caseType)).map((r) => getCaseType(r.caseType));
}

/** The chain of checkpoints: numbered without gaps, each sealed over the one before, and every one this server witnessed still there. */
function verifyCheckpoints(rows: Checkpoint[], witnessed: Array<{ seq: number; mac: string }>, report: (f: AuditFinding) => void): void {
  const keyId = platformKeyring().id;
  let prevMac = '0'.repeat(64);
  for (const [i, row] of rows.entries()) {
    if (row.seq !== i + 1) {
      report({ reason: 'checkpoint_missing', seq: i + 1 });
      prevMac = row.prevMac;
    }
    if (row.keyId !== keyId) report({ reason: 'checkpoint_key_unknown', seq: row.seq, detail: row.keyId });
    else if (row.prevMac !== prevMac || checkpointMac(row) !== row.mac) report({ reason: 'checkpoint_forged', seq: row.seq });
    prevMac = row.mac;
  }
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  for (const w of witnessed) {
    const row = bySeq.get(w.seq);
    if (!row) report({ reason: 'checkpoint_missing', seq: w.seq, detail: 'witnessed by this server' });
    else if (row.mac !== w.mac) report({ reason: 'checkpoint_forged', seq: w.seq, detail: 'differs from what this server witnessed' });
  }
}

/** Personal values kept beside the record must be what the record's salted hashes say. */
async function verifyPersonalData(database: Database, report: (f: AuditFinding) => void): Promise<void> {
  type Row = { caseId: string; seq: number; field: string; value: string | null; salt: string | null; payload: unknown };
  const rows = paged<Row>((after) =>
    database.db
      .select({ caseId: casePersonalData.caseId, seq: casePersonalData.seq, field: casePersonalData.field, value: casePersonalData.value, salt: casePersonalData.salt, payload: caseEvents.payload })
      .from(casePersonalData)
      .innerJoin(caseEvents, sql`${caseEvents.caseId} = ${casePersonalData.caseId} and ${caseEvents.seq} = ${casePersonalData.seq}`)
      .where(after ? sql`(${casePersonalData.caseId}, ${casePersonalData.seq}, ${casePersonalData.field}) > (${after.caseId}::uuid, ${after.seq}::int, ${after.field})` : undefined)
      .orderBy(asc(casePersonalData.caseId), asc(casePersonalData.seq), asc(casePersonalData.field))
      .limit(PAGE));
  for await (const r of rows) {
    if (r.value === null || r.salt === null) continue; // erased
    const payload = (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Record<string, Record<string, unknown>>;
    const recorded = r.seq === 1 && payload.personal ? payload.personal[r.field] : (payload.input?.[r.field] as Record<string, unknown> | undefined)?.[PERSONAL_KEY];
    if (recorded !== personalCommitment(r.value, r.salt)) report({ reason: 'personal_data_mismatch', caseId: r.caseId, seq: r.seq, field: r.field });
  }
}
