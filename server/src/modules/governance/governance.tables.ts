import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * A governance topic (每月一题): a hotspot a supervisor made a standing task, with a lead unit.
 * Its volume before and after `startedAt` is read from the requests, never stored.
 */
export const governanceTopics = pgTable(
  'governance_topics',
  {
    id: uuid('id').primaryKey(),
    title: text('title').notNull(),
    topicKey: text('topic_key').notNull(),
    /** Township region code; null for the whole county. */
    townshipCode: text('township_code'),
    leadUnitId: integer('lead_unit_id').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    createdBy: integer('created_by').notNull(),
  },
  (t) => [index('governance_topics_started_idx').on(t.startedAt)],
);
