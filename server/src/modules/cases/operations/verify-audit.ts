import type { Database } from '../../../platform/db/database.js';
import { GENESIS_HASH, eventHash } from '../event-chain.js';

export interface BrokenLink {
  caseId: string;
  seq: number;
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'seq_gap' | 'head_mismatch';
}

export interface AuditReport {
  cases: number;
  events: number;
  broken: BrokenLink[];
  seconds: number;
}

type EventRow = [string, number, string, Date | string, number | null, number | null, string, unknown, string, string];

/**
 * Recomputes every case's hash chain from its stored events and compares it with
 * the stored hashes and the case's head, naming the first broken event per case.
 */
export async function verifyAudit(database: Database, options: { batchSize?: number; maxBroken?: number } = {}): Promise<AuditReport> {
  const started = process.hrtime.bigint();
  const batchSize = options.batchSize ?? 5000;
  const maxBroken = options.maxBroken ?? 100;
  const heads = new Map<string, { lastSeq: number; lastHash: string }>();
  const headRows = await database.backend.query('select id, last_seq, last_hash from cases', [], 'array');
  for (const [id, lastSeq, lastHash] of headRows.rows as Array<[string, number, string]>) heads.set(id, { lastSeq, lastHash });

  const broken: BrokenLink[] = [];
  const brokenCases = new Set<string>();
  let events = 0;
  let cursor: [string, number] = ['00000000-0000-0000-0000-000000000000', -1];
  let current: { caseId: string; seq: number; hash: string } | null = null;
  const report = (link: BrokenLink) => {
    if (brokenCases.has(link.caseId)) return;
    brokenCases.add(link.caseId);
    if (broken.length < maxBroken) broken.push(link);
  };
  const closeCase = (state: { caseId: string; seq: number; hash: string }) => {
    const head = heads.get(state.caseId);
    if (head && (head.lastSeq !== state.seq || head.lastHash !== state.hash)) report({ caseId: state.caseId, seq: state.seq, reason: 'head_mismatch' });
    heads.delete(state.caseId);
  };

  for (;;) {
    const page = await database.backend.query(
      `select case_id, seq, type, at, actor_user_id, actor_unit_id, actor_role, payload, prev_hash, hash
         from case_events where (case_id, seq) > ($1::uuid, $2::int) order by case_id, seq limit ${batchSize}`,
      cursor,
      'array',
    );
    const rows = page.rows as EventRow[];
    for (const [caseId, seq, type, at, actorUserId, actorUnitId, actorRole, payload, prevHash, hash] of rows) {
      events++;
      if (!current || current.caseId !== caseId) {
        if (current) closeCase(current);
        current = { caseId, seq: 0, hash: GENESIS_HASH };
      }
      if (seq !== current.seq + 1) report({ caseId, seq, reason: 'seq_gap' });
      else if (prevHash !== current.hash) report({ caseId, seq, reason: 'prev_hash_mismatch' });
      const recomputed = eventHash(current.hash, {
        caseId, seq, type, at: new Date(at), actorUserId, actorUnitId, actorRole, payload: typeof payload === 'string' ? JSON.parse(payload) : payload,
      });
      if (recomputed !== hash) report({ caseId, seq, reason: 'hash_mismatch' });
      current = { caseId, seq, hash: recomputed };
    }
    if (rows.length < batchSize) break;
    const last = rows[rows.length - 1]!;
    cursor = [last[0], last[1]];
  }
  if (current) closeCase(current);
  // A case whose events were all deleted still has a head that points somewhere.
  for (const [caseId, head] of heads) if (head.lastSeq > 0) report({ caseId, seq: 1, reason: 'seq_gap' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { cases: headRows.rows.length, events, broken, seconds };
}
