import { boolean, integer, jsonb, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../platform/db/columns.js';

/**
 * Models trained on the platform's own history, kept in the database so every app server
 * uses the same one. Of each kind one is `active` (in use); an administrator's retraining adds a
 * `candidate` that is switched on only when they confirm, and the model it replaced stays as
 * `previous`, to be restored.
 */
export const routingModels = pgTable('routing_models', {
  id: uuid('id').primaryKey(),
  /** `unit`: text → the unit that finally owned the request; `category`: text → leaf category. */
  kind: text('kind', { enum: ['unit', 'category'] }).notNull(),
  trainedAt: timestamp('trained_at', { withTimezone: true }).notNull(),
  rows: integer('rows').notNull(),
  data: bytea('data').notNull(),
  status: text('status', { enum: ['active', 'candidate', 'previous'] }).notNull().default('active'),
  /** A candidate's figures beside the model in use, on the same held-out requests (contracts/routing.ts). */
  evaluation: jsonb('evaluation'),
  /** Who trained it (null: the command line or the demo). */
  trainedBy: integer('trained_by'),
});

/** A county's choice to dispatch without a person when the top suggestion is confident enough. */
export const autoDispatchRules = pgTable('routing_auto_dispatch_rules', {
  /** A category at any level; the most specific rule above a request's category applies. */
  categoryCode: text('category_code').primaryKey(),
  threshold: real('threshold').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: integer('updated_by'),
});

/** County-wide switches of smart dispatch (one row). */
export const routingSettings = pgTable('routing_settings', {
  id: integer('id').primaryKey(),
  /** Merge a new request into an open one without a person when the match is beyond doubt. */
  autoMerge: boolean('auto_merge').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: integer('updated_by'),
});
