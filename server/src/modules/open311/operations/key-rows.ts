import type { Open311ApiKeyView } from '../../../../../contracts/open311.js';
import { platformKeyring } from '../../../platform/keyring.js';
import type { open311ApiKeys } from '../open311.tables.js';

/** Who issues or revokes a key: an administrator, or the server's console. */
export type KeyManager = { userId: number; username: string } | 'cli';

export type ApiKeyView = Open311ApiKeyView;

/** The keyed hash a key is kept and found by. */
export const keyHash = (key: string) => platformKeyring().mac('open311.api-key', key);
export const managerId = (manager: KeyManager) => (manager === 'cli' ? null : manager.userId);
/** How the security log names the way a key was issued or revoked (as it does for accounts). */
export const managedBy = (manager: KeyManager) => (manager === 'cli' ? 'command line' : 'administrator');

export function keyView(row: typeof open311ApiKeys.$inferSelect): ApiKeyView {
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
