import { integer, pgTable, timestamp } from 'drizzle-orm/pg-core';

/**
 * The demo county's loading, begun and finished. A server killed while loading leaves a row
 * without `finishedAt`: the next start wipes the half-loaded county and loads it again.
 */
export const demoLoads = pgTable('demo_loads', {
  id: integer('id').primaryKey(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});
