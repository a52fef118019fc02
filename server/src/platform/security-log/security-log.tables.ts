import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The security log (安全审计日志): sign-ins, lockouts and every administrative change, kept for
 * good and queryable. One chain over all entries, numbered without gaps and sealed with the
 * platform key, so an entry edited, removed or forged behind the platform's back shows.
 */
export const securityEvents = pgTable(
  'security_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    kind: text('kind').notNull(),
    /** Who did it (null: someone not signed in, or the platform). */
    actorUserId: integer('actor_user_id'),
    /** The account it concerns, as typed at sign-in or as stored. */
    username: text('username'),
    /** The client's address as the server sees it (behind a trusted proxy: the forwarded one). */
    client: text('client'),
    details: jsonb('details').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    mac: text('mac').notNull(),
  },
  (t) => [index('security_events_at_idx').on(t.at), index('security_events_user_idx').on(t.username, t.at)],
);
