import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Daily sums of the 接诉即办 figures per unit, by the day (China time) of the deciding
 * moment of each contribution. Kept by database triggers on hotline_dispatches,
 * hotline_requests and hotline_evaluations in the same transaction as the row change,
 * so they cannot drift from the rows; `rebuild_hotline_rollups()` recomputes them.
 * Triggers and contribution functions: migrations/0005_hotline_rollup_triggers.sql, their
 * present form in migrations/0020_first_time_closing.sql; the covering index the dashboard reads
 * (hotline_daily_figures_covering_idx) is written by hand there too (first in 0006).
 */
export const hotlineDailyFigures = pgTable(
  'hotline_daily_figures',
  {
    day: date('day').notNull(),
    unitId: integer('unit_id').notNull(),
    dispatched: integer('dispatched').notNull().default(0),
    returned: integer('returned').notNull().default(0),
    responseDue: integer('response_due').notNull().default(0),
    responseMet: integer('response_met').notNull().default(0),
    handlingDue: integer('handling_due').notNull().default(0),
    handlingMet: integer('handling_met').notNull().default(0),
    closed: integer('closed').notNull().default(0),
    closedWithReply: integer('closed_with_reply').notNull().default(0),
    /** Closed requests that were dispatched, for the unit of their first lead dispatch (一次办结率's denominator). */
    closedDispatched: integer('closed_dispatched').notNull().default(0),
    /** Of those, closed at that first dispatch: never returned, re-dispatched or reopened. */
    closedAtFirstDispatch: integer('closed_at_first_dispatch').notNull().default(0),
    evaluations: integer('evaluations').notNull().default(0),
    resolved: integer('resolved').notNull().default(0),
    satisfied: integer('satisfied').notNull().default(0),
    basicallySatisfied: integer('basically_satisfied').notNull().default(0),
    ratings: integer('ratings').notNull().default(0),
    goodRatings: integer('good_ratings').notNull().default(0),
    badRatingsDue: integer('bad_ratings_due').notNull().default(0),
    badRatingsRectified: integer('bad_ratings_rectified').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.unitId] })],
);

/**
 * Daily counts of received requests (and of those merged into an earlier one) by one
 * dimension at a time: `all`, `channel`, `type`, `category1`, `category2`. `scope` is ''
 * for every request and the township's region code for those placed in a township.
 * Kept by a trigger on hotline_requests, like hotline_daily_figures. The partial index holds
 * the daily totals of every scope, so a ranking or the township map reads them from the index
 * alone instead of visiting the rows of every dimension.
 */
export const hotlineDailyVolume = pgTable(
  'hotline_daily_volume',
  {
    scope: text('scope').notNull(),
    day: date('day').notNull(),
    dimension: text('dimension').notNull(),
    value: text('value').notNull(),
    requests: integer('requests').notNull().default(0),
    merged: integer('merged').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.day, t.dimension, t.value] }),
    index('hotline_daily_volume_totals_idx').on(t.day, t.scope, t.requests, t.merged).where(sql`dimension = 'all'`),
  ],
);

/** The figures a county chooses to publish on the public statistics page (one row). */
export const publicStatisticsSettings = pgTable('public_statistics_settings', {
  id: integer('id').primaryKey(),
  figures: jsonb('figures').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: integer('updated_by'),
});
