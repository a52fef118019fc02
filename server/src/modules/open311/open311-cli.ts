// `fazhi open311 keys …`: keys from the server's console, for a county without an administrator at hand.
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { OPEN311_CLI_TEXT as T } from './open311.strings.js';
import { createApiKey } from './operations/create-api-key.js';
import { listApiKeys } from './operations/list-api-keys.js';
import { revokeApiKey } from './operations/revoke-api-key.js';

export async function runOpen311Command(database: Database, args: string[], now: Date): Promise<{ exitCode: number; output: string }> {
  const [group, command, ...rest] = args;
  if (group !== 'keys') return { exitCode: 2, output: T.usage };
  try {
    if (command === 'create' && rest.length > 0) {
      const created = await createApiKey(database, 'cli', rest.join(' '), now);
      return { exitCode: 0, output: T.created(created.id, created.clientName, created.key) };
    }
    if (command === 'list' && rest.length === 0) {
      const keys = await listApiKeys(database.db);
      return { exitCode: 0, output: keys.length ? keys.map(T.row).join('\n') : T.none };
    }
    if (command === 'revoke' && rest.length === 1 && /^\d{1,9}$/.test(rest[0]!)) {
      const revoked = await revokeApiKey(database, 'cli', Number(rest[0]), now);
      return { exitCode: 0, output: T.revoked(revoked.id, revoked.clientName) };
    }
    return { exitCode: 2, output: T.usage };
  } catch (error) {
    if (error instanceof AppError) return { exitCode: 2, output: T.failed(error.message, error.code) };
    throw error;
  }
}
