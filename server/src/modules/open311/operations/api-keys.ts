import { and, desc, eq, isNull } from 'drizzle-orm';
import type { IssuedOpen311ApiKey, Open311ApiKeyView } from '../../../../../contracts/open311.js';
import type { Database, Db } from '../../../platform/db/database.js';
import { platformKeyring } from '../../../platform/keyring.js';
import { recordSecurityEvent } from '../../audit/index.js';
import { open311Error } from '../open311.errors.js';
import { open311ApiKeys } from '../open311.tables.js';
import { keyPrefix, newApiKey, normaliseApiKey } from '../rules/api-key.js';

/** Who issues or revokes a key: an administrator, or the server's console. */
export type KeyManager = { userId: number; username: string } | 'cli';

export type ApiKeyView = Open311ApiKeyView;

const keyHash = (key: string) => platformKeyring().mac('open311.api-key', key);
const managerId = (manager: KeyManager) => (manager === 'cli' ? null : manager.userId);

function view(row: typeof open311ApiKeys.$inferSelect): ApiKeyView {
  return {
    id: row.id,
    clientName: row.clientName,
    keyPrefix: row.keyPrefix,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

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
      details: { keyId: inserted!.id, clientName: name, keyPrefix: inserted!.keyPrefix, by: manager === 'cli' ? 'command line' : 'administrator' },
    });
    return inserted!;
  });
  return { ...view(row), key };
}

export async function listApiKeys(tx: Db): Promise<ApiKeyView[]> {
  return (await tx.select().from(open311ApiKeys).orderBy(desc(open311ApiKeys.id))).map(view);
}

/** Revokes a key at once: the next request with it is refused. Recorded in the security log. */
export async function revokeApiKey(database: Database, manager: KeyManager, id: number, now: Date, client?: string): Promise<ApiKeyView> {
  return database.transaction(async (tx) => {
    const [row] = await tx.select().from(open311ApiKeys).where(eq(open311ApiKeys.id, id)).for('update');
    if (!row) throw open311Error('OPEN311_KEY_NOT_FOUND');
    if (row.revokedAt) throw open311Error('OPEN311_KEY_REVOKED');
    const [revoked] = await tx.update(open311ApiKeys).set({ revokedAt: now, revokedBy: managerId(manager) }).where(eq(open311ApiKeys.id, id)).returning();
    await recordSecurityEvent(tx, {
      kind: 'open311_key_revoked', at: now, actorUserId: managerId(manager), client: client ?? null,
      details: { keyId: id, clientName: row.clientName, keyPrefix: row.keyPrefix, by: manager === 'cli' ? 'command line' : 'administrator' },
    });
    return view(revoked!);
  });
}

/** The client system a key belongs to, or null for anything but a key in force. */
export async function clientOfKey(tx: Db, given: string): Promise<{ id: number; clientName: string } | null> {
  const key = normaliseApiKey(given);
  if (!key) return null;
  const [row] = await tx.select({ id: open311ApiKeys.id, clientName: open311ApiKeys.clientName }).from(open311ApiKeys)
    .where(and(eq(open311ApiKeys.keyHash, keyHash(key)), isNull(open311ApiKeys.revokedAt)));
  return row ?? null;
}

/** Marks the key used, after a request it sent was received. */
export async function markKeyUsed(tx: Db, id: number, now: Date): Promise<void> {
  await tx.update(open311ApiKeys).set({ lastUsedAt: now }).where(eq(open311ApiKeys.id, id));
}
