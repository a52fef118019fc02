/**
 * The platform key's registration and the security log's pages: the log itself (who signed in,
 * who changed what) is the platform's, `platform/security-log/`, written by every module.
 */
export { auditKeys } from './audit.tables.js';
export { openPlatformKeyring } from './operations/platform-key.js';
export { SECURITY_EVENT_LABELS } from './audit.strings.js';
export { auditError } from './audit.errors.js';
export { auditPlugin } from './audit.plugin.js';
