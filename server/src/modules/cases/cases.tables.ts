import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** One row per case of any type; the type's own facts live in its module's tables. */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey(),
    caseType: text('case_type').notNull(),
    state: text('state').notNull(),
    /** The organ that received the case and runs it (the hotline center, a reconsideration organ). */
    organUnitId: integer('organ_unit_id'),
    /** The unit that currently owns the case (lead unit); null while at intake. */
    ownerUnitId: integer('owner_unit_id'),
    regionCode: text('region_code'),
    lastSeq: integer('last_seq').notNull().default(0),
    lastHash: text('last_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('cases_type_state_idx').on(t.caseType, t.state), index('cases_owner_idx').on(t.ownerUnitId)],
);

/**
 * The append-only record of every step (全流程留痕). Each event's hash covers the
 * previous hash and a canonical encoding of the event, so any edit breaks the chain.
 * Stored JSON: changing an event's payload shape needs a migration.
 */
export const caseEvents = pgTable(
  'case_events',
  {
    caseId: uuid('case_id').notNull(),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorUserId: integer('actor_user_id'),
    actorUnitId: integer('actor_unit_id'),
    actorRole: text('actor_role').notNull(),
    payload: jsonb('payload').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.seq] }), index('case_events_at_idx').on(t.at)],
);

/**
 * Running statutory clocks. A sweep reads the due ones; `urgeLevel` records how far
 * the platform has escalated so a sweep never urges twice for the same level.
 */
export const caseClocks = pgTable(
  'case_clocks',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    name: text('name').notNull(),
    ruleId: text('rule_id').notNull(),
    subjectId: uuid('subject_id'),
    unitId: integer('unit_id'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    extended: integer('extended').notNull().default(0),
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    stoppedAt: timestamp('stopped_at', { withTimezone: true }),
    urgeLevel: integer('urge_level').notNull().default(0),
  },
  (t) => [index('case_clocks_case_idx').on(t.caseId), index('case_clocks_running_due_idx').on(t.stoppedAt, t.dueAt)],
);

/**
 * The requester's own key to act on their case (e.g. to rate the answer), shown to them once
 * at submission or sent by SMS. Only a keyed hash is kept; wrong tries are counted so the key
 * cannot be guessed online.
 */
export const caseRequesterKeys = pgTable('case_requester_keys', {
  caseId: uuid('case_id').primaryKey(),
  keyMac: text('key_mac').notNull(),
  failures: integer('failures').notNull().default(0),
  lockedAt: timestamp('locked_at', { withTimezone: true }),
});
