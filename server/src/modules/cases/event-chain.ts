import { createHash, randomBytes } from 'node:crypto';
import { canonicalJson } from '../../platform/canonical-json.js';
import { platformKeyring } from '../../platform/keyring.js';

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

/** The event's seal: its hash (which covers every event before it) keyed with the platform key. */
export function eventSeal(hash: string): string {
  return platformKeyring().mac('audit.event', hash);
}

/** What the record keeps of a piece of personal data: a hash with a salt kept beside the data, gone when the data goes. */
export function personalCommitment(value: string, salt: string): string {
  return createHash('sha256').update(salt).update('\n').update(value).digest('hex');
}

export function newSalt(): string {
  return randomBytes(16).toString('hex');
}
