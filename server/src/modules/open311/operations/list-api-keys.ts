import { desc } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { open311ApiKeys } from '../open311.tables.js';
import { keyView, type ApiKeyView } from './key-rows.js';

/** Every key issued, newest first, revoked ones too: never the key itself. */
export async function listApiKeys(tx: Db): Promise<ApiKeyView[]> {
  return (await tx.select().from(open311ApiKeys).orderBy(desc(open311ApiKeys.id))).map(keyView);
}
