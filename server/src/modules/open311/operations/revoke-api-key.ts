import { eq } from 'drizzle-orm';
import type { Database } from '../../../platform/db/database.js';
import { recordSecurityEvent } from '../../../platform/security-log/security-log.js';
import { open311Error } from '../open311.errors.js';
import { open311ApiKeys } from '../open311.tables.js';
import { keyView, managedBy, managerId, type ApiKeyView, type KeyManager } from './key-rows.js';

/** Revokes a key at once: the next request with it is refused. Recorded in the security log. */
export async function revokeApiKey(database: Database, manager: KeyManager, id: number, now: Date, client?: string): Promise<ApiKeyView> {
  return database.transaction(async (tx) => {
    const [row] = await tx.select().from(open311ApiKeys).where(eq(open311ApiKeys.id, id)).for('update');
    if (!row) throw open311Error('OPEN311_KEY_NOT_FOUND');
    if (row.revokedAt) throw open311Error('OPEN311_KEY_REVOKED');
    const [revoked] = await tx.update(open311ApiKeys).set({ revokedAt: now, revokedBy: managerId(manager) }).where(eq(open311ApiKeys.id, id)).returning();
    await recordSecurityEvent(tx, {
      kind: 'open311_key_revoked', at: now, actorUserId: managerId(manager), client: client ?? null,
      details: { keyId: id, clientName: row.clientName, keyPrefix: row.keyPrefix, by: managedBy(manager) },
    });
    return keyView(revoked!);
  });
}
