import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { open311ApiKeys } from '../open311.tables.js';
import { normaliseApiKey } from '../rules/api-key.js';
import { keyHash } from './key-rows.js';

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
