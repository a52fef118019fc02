import { timingSafeEqual } from 'node:crypto';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { requesterOf, type Actor } from '../../../platform/actor.js';
import type { Database, Db } from '../../../platform/db/database.js';
import { platformKeyring } from '../../../platform/keyring.js';
import { caseError } from '../cases.errors.js';
import { caseRequesterKeys } from '../cases.tables.js';
import { MAX_KEY_FAILURES, normaliseRequesterKey } from '../rules/requester-key.js';

const keyMac = (caseId: string, key: string) => platformKeyring().mac('requester.key', caseId.toLowerCase(), key);

/** Keeps the keyed hash of each new case's requester key, in the caller's transaction. */
export async function storeRequesterKeys(tx: Db, keys: Array<{ caseId: string; key: string }>): Promise<void> {
  if (keys.length === 0) return;
  await tx.insert(caseRequesterKeys).values(keys.map(({ caseId, key }) => ({ caseId, keyMac: keyMac(caseId, normaliseRequesterKey(key)!) })));
}

/**
 * The requester of the case, proved by their key; or the refusal. A wrong key is counted in a
 * transaction of its own, so the count stands although the caller's request then fails; after
 * MAX_KEY_FAILURES the case takes no key at all.
 */
export async function proveRequester(database: Database, caseId: string, key: string): Promise<Actor> {
  const [row] = await database.db.select().from(caseRequesterKeys).where(eq(caseRequesterKeys.caseId, caseId));
  if (!row) throw caseError('REQUESTER_KEY_MISSING');
  if (row.lockedAt) throw caseError('REQUESTER_KEY_LOCKED');
  const normalised = normaliseRequesterKey(key);
  const expected = Buffer.from(row.keyMac, 'hex');
  const given = Buffer.from(normalised ? keyMac(caseId, normalised) : '', 'hex');
  if (given.length === expected.length && timingSafeEqual(given, expected)) return requesterOf(caseId);
  const [counted] = await database.db
    .update(caseRequesterKeys)
    .set({
      failures: sql`${caseRequesterKeys.failures} + 1`,
      lockedAt: sql`case when ${caseRequesterKeys.failures} + 1 >= ${MAX_KEY_FAILURES} then now() else null end`,
    })
    .where(and(eq(caseRequesterKeys.caseId, caseId), isNull(caseRequesterKeys.lockedAt), lt(caseRequesterKeys.failures, MAX_KEY_FAILURES)))
    .returning({ lockedAt: caseRequesterKeys.lockedAt });
  throw caseError(counted?.lockedAt || !counted ? 'REQUESTER_KEY_LOCKED' : 'REQUESTER_KEY_INVALID');
}
