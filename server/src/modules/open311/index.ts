/**
 * Open311 (GeoReport v2) for the 12345 hotline: other systems (a district's app, a WeChat
 * mini-program) list the categories, submit citizens' requests with a key of their own, and
 * read any request's progress; the keys and who issued them (docs/open311.md).
 */
export { open311Plugin } from './open311.plugin.js';
export { open311ApiKeys } from './open311.tables.js';
export { open311Error } from './open311.errors.js';
export { createApiKey } from './operations/create-api-key.js';
export { listApiKeys } from './operations/list-api-keys.js';
export { revokeApiKey } from './operations/revoke-api-key.js';
export type { ApiKeyView, KeyManager } from './operations/key-rows.js';
export { runOpen311Command } from './open311-cli.js';
