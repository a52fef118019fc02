/** Sign-in, sessions (cookie + CSRF for the web, bearer for programs), role checks and account administration. */
export { sessions, signInThrottles } from './auth.tables.js';
export { authPlugin, requireCountyAdmin, requireModule, requireStaff, SESSION_COOKIE } from './auth.plugin.js';
export { usersPlugin } from './users.plugin.js';
export { hashPassword, verifyPassword } from './passwords.js';
export { signIn } from './operations/sign-in.js';
export { logout, resolveSession, endSessions } from './operations/sessions.js';
export { createUser, listGrants, setGrants, listUsers, resetPassword, unlockUser, lockUser, setUserDisabled, updateUser } from './operations/manage-users.js';
export { passwordProblem } from './rules/password-policy.js';
export { signInPolicy } from './sign-in-policy.js';
export { authError } from './auth.errors.js';
export { roleLabel } from './auth.strings.js';
export { runUsersCommand } from './users-cli.js';
