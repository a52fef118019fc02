/**
 * The security log and the platform key: who signed in, who changed what, and the key that
 * seals the record. Case chains live with the cases; this module knows nothing of cases.
 */
export { securityEvents, auditKeys } from './audit.tables.js';
export { recordSecurityEvent, recordSecurityEventNow, listSecurityEvents, verifySecurityLog, type SecurityEventInput, type SecurityLogQuery, type SecurityLogProblem } from './operations/security-log.js';
export { openPlatformKeyring } from './operations/platform-key.js';
export { SECURITY_EVENT_LABELS } from './audit.strings.js';
export { auditError } from './audit.errors.js';
export { auditPlugin } from './audit.plugin.js';
