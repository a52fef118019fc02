import { withAdvisoryLock } from '../../../platform/db/advisory-lock.js';
import type { Database } from '../../../platform/db/database.js';
import { createKeyFile, installKeyring, readKeyFile, type Keyring } from '../../../platform/keyring.js';
import { auditKeys } from '../audit.tables.js';
import { AUDIT_TEXT } from '../audit.strings.js';
import { recordSecurityEvent } from '../../../platform/security-log/security-log.js';

/**
 * Loads the platform key for this database and makes it the process's key. A new database
 * gets a new key (or the one already in the file); a database whose record another key sealed
 * refuses to start with a key it does not know, or with none: a fresh key would make every
 * seal so far look forged. Several app servers take turns here.
 */
export async function openPlatformKeyring(database: Database, keyFile: string, now: Date): Promise<Keyring> {
  return withAdvisoryLock(database, 'fazhi.audit.platform-key', async () => {
    const registered = (await database.db.select({ keyId: auditKeys.keyId }).from(auditKeys)).map((r) => r.keyId);
    const existing = readKeyFile(keyFile);
    if (!existing && registered.length > 0) throw new Error(AUDIT_TEXT.keyMissing(keyFile, registered.join(', ')));
    const keyring = existing ?? createKeyFile(keyFile, now);
    if (registered.length > 0 && !registered.includes(keyring.id)) throw new Error(AUDIT_TEXT.keyMismatch(keyFile, keyring.id, registered.join(', ')));
    installKeyring(keyring);
    if (registered.length === 0) {
      await database.transaction(async (tx) => {
        await tx.insert(auditKeys).values({ keyId: keyring.id, registeredAt: now }).onConflictDoNothing();
        await recordSecurityEvent(tx, { kind: 'key_registered', at: now, details: { keyId: keyring.id } });
      });
    }
    return keyring;
  });
}
