/** Sign-in, sessions (cookie + CSRF for the web, bearer for programs) and role checks. */
export { sessions } from './auth.tables.js';
export { authPlugin, requireStaff, SESSION_COOKIE } from './auth.plugin.js';
export { hashPassword, verifyPassword } from './passwords.js';
export { login, logout, resolveSession } from './operations/sessions.js';
export { authError } from './auth.errors.js';
export { roleLabel } from './auth.strings.js';
