import type { IssuedOpen311ApiKey } from '../../../../../contracts/open311.js';
import type { Database } from '../../../platform/db/database.js';
import { recordSecurityEvent } from '../../../platform/security-log/security-log.js';
import { open311Error } from '../open311.errors.js';
import { open311ApiKeys } from '../open311.tables.js';
import { keyPrefix, newApiKey } from '../rules/api-key.js';
import { keyHash, keyView, managedBy, managerId, type KeyManager } from './key-rows.js';

/** Issues a key for a client system; the key is returned this once and the security log records the issue. */
export async function createApiKey(database: Database, manager: KeyManager, clientName: string, now: Date, client?: string): Promise<IssuedOpen311ApiKey> {
  const name = clientName.trim();
  if (!name || [...name].length > 50) throw open311Error('OPEN311_CLIENT_NAME_INVALID', { field: 'clientName' });
  const key = newApiKey();
  const row = await database.transaction(async (tx) => {
    const [inserted] = await tx.insert(open311ApiKeys)
      .values({ clientName: name, keyHash: keyHash(key), keyPrefix: keyPrefix(key), createdAt: now, createdBy: managerId(manager) })
      .returning();
    await recordSecurityEvent(tx, {
      kind: 'open311_key_created', at: now, actorUserId: managerId(manager), client: client ?? null,
      details: { keyId: inserted!.id, clientName: name, keyPrefix: inserted!.keyPrefix, by: managedBy(manager) },
    });
    return inserted!;
  });
  return { ...keyView(row), key };
}
