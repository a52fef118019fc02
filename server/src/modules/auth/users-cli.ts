// `fazhi users …`: accounts from the server's own console, for the first administrator of a
// county that went live without the demo, and for when no administrator can sign in.
import { STAFF_ROLES, type StaffRole } from '../../platform/actor.js';
import type { Database } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { findUnit, findUnitByKey, findUserByUsername } from '../orgs/index.js';
import { USERS_CLI_TEXT as T } from './auth.strings.js';
import { createUser, listGrants, listUsers, resetPassword, setGrants, setUserDisabled, unlockUser } from './operations/manage-users.js';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function runUsersCommand(database: Database, args: string[], now: Date): Promise<{ exitCode: number; output: string }> {
  const [command, username] = args;
  try {
    if (command === 'list') return { exitCode: 0, output: (await listUsers(database.db, 'cli', now)).map(T.row).join('\n') };
    if (!username) return { exitCode: 2, output: T.usage };
    if (command === 'add') {
      const role = option(args, '--role') as StaffRole | undefined;
      if (!role || !STAFF_ROLES.includes(role)) return { exitCode: 2, output: role ? T.unknownRole(role) : T.usage };
      const unitId = await unitOf(database, option(args, '--unit'));
      if (unitId === null) return { exitCode: 2, output: T.unknownUnit(option(args, '--unit') ?? '') };
      const scopeArg = option(args, '--scope');
      const scopeUnitId = scopeArg ? await unitOf(database, scopeArg) : undefined;
      if (scopeUnitId === null) return { exitCode: 2, output: T.unknownUnit(scopeArg!) };
      const { temporaryPassword } = await createUser(database, 'cli', { username, displayName: option(args, '--name') ?? username, role, unitId, ...(scopeUnitId ? { scopeUnitId } : {}) }, now);
      return { exitCode: 0, output: T.created(username, temporaryPassword) };
    }
    const user = await findUserByUsername(database.db, username);
    if (!user) return { exitCode: 2, output: T.unknownUser(username) };
    switch (command) {
      case 'reset-password':
        return { exitCode: 0, output: T.reset(username, (await resetPassword(database, 'cli', user.id, now)).temporaryPassword) };
      case 'unlock':
        await unlockUser(database, 'cli', user.id, now);
        return { exitCode: 0, output: T.unlocked(username) };
      case 'disable':
      case 'enable':
        await setUserDisabled(database, 'cli', user.id, command === 'disable', now);
        return { exitCode: 0, output: command === 'disable' ? T.disabled(username) : T.enabled(username) };
      case 'grants': {
        const grants = await listGrants(database.db, 'cli', user.id);
        return { exitCode: 0, output: grants.length ? grants.map(T.grantRow).join('\n') : T.noGrants(username) };
      }
      case 'grant':
      case 'revoke': {
        const role = args[2];
        const unitArg = option(args, '--unit');
        if (!role || role.startsWith('--') || !unitArg) return { exitCode: 2, output: T.usage };
        const unitId = await unitOf(database, unitArg);
        if (unitId === null) return { exitCode: 2, output: T.unknownUnit(unitArg) };
        const held = await listGrants(database.db, 'cli', user.id);
        const others = held.filter((g) => !(g.role === role && g.unitId === unitId));
        await setGrants(database, 'cli', user.id, command === 'grant' ? [...others, { role, unitId }] : others, now);
        return { exitCode: 0, output: command === 'grant' ? T.granted(username, role, unitArg) : T.revoked(username, role, unitArg) };
      }
    }
    return { exitCode: 2, output: T.usage };
  } catch (error) {
    if (error instanceof AppError) return { exitCode: 2, output: T.failed(error.message, error.code) };
    throw error;
  }
}

/** A unit by its number or its key ("government", "center", "township:371302001"); null when there is none. */
async function unitOf(database: Database, given: string | undefined): Promise<number | null> {
  if (!given) return null;
  const unit = /^\d+$/.test(given) ? await findUnit(database.db, Number(given)) : await findUnitByKey(database.db, given);
  return unit?.id ?? null;
}
