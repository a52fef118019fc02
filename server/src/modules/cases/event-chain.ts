import { createHash } from 'node:crypto';
import { canonicalJson } from '../../platform/canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedEventFields {
  caseId: string;
  seq: number;
  type: string;
  at: Date;
  actorUserId: number | null;
  actorUnitId: number | null;
  actorRole: string;
  payload: unknown;
}

/** SHA-256 over the previous hash and the canonical encoding of the event. */
export function eventHash(prevHash: string, event: ChainedEventFields): string {
  const body = canonicalJson({
    caseId: event.caseId,
    seq: event.seq,
    type: event.type,
    at: event.at.toISOString(),
    actorUserId: event.actorUserId,
    actorUnitId: event.actorUnitId,
    actorRole: event.actorRole,
    payload: event.payload,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}
