import { index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The API keys of the systems that send requests by Open311 (a district's app, a WeChat
 * mini-program), one or more per client. Only a keyed hash of each key is kept: it is shown
 * once, when issued, and a copy of the database does not give it back.
 */
export const open311ApiKeys = pgTable(
  'open311_api_keys',
  {
    id: serial('id').primaryKey(),
    clientName: text('client_name').notNull(),
    /** HMAC-SHA256 of the key under the platform key's `open311.api-key` subkey. */
    keyHash: text('key_hash').notNull().unique(),
    /** The key's first characters, so an administrator can tell keys apart; not enough to use it. */
    keyPrefix: text('key_prefix').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** Who issued it; null when issued on the server's console. */
    createdBy: integer('created_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: integer('revoked_by'),
    /** The last request the key submitted. */
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [index('open311_api_keys_created_idx').on(t.createdAt)],
);
