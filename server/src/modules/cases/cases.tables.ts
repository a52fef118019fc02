import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
  (t) => [index('cases_type_state_idx').on(t.caseType, t.state), index('cases_owner_idx').on(t.ownerUnitId), index('cases_updated_idx').on(t.updatedAt)],
);

/**
 * The append-only record of every step (全流程留痕). Each event's hash covers the
 * previous hash and a canonical encoding of the event, so any edit breaks the chain; its
 * seal (`mac`, keyed with the platform key kept outside the database) means a chain cannot
 * be recomputed by someone who can only write to the database. `gseq` numbers events in the
 * order they were written across all cases, so checkpoints can cover "everything so far".
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
    /** HMAC of the hash under the platform key; null only for events written before keys existed (a checkpoint covers those). */
    mac: text('mac'),
    gseq: bigserial('gseq', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.seq] }), index('case_events_at_idx').on(t.at), index('case_events_gseq_idx').on(t.gseq)],
);

/**
 * Periodic signed checkpoints of the whole record: how many events up to a point in the
 * write order, a keyed digest of all of them, a keyed digest of every case's sealed head, and
 * the security log's head. Each seals the one before, and a copy of each is appended to a
 * file beside the platform key. Deleting a case, cutting a chain short or rewinding a head
 * after a checkpoint then shows, even though every row left looks consistent.
 */
export const auditCheckpoints = pgTable('audit_checkpoints', {
  seq: integer('seq').primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  /** Events with gseq up to this are covered. */
  coveredGseq: bigint('covered_gseq', { mode: 'number' }).notNull(),
  /** The highest gseq visible when this checkpoint was made: the next one covers up to here. */
  pendingGseq: bigint('pending_gseq', { mode: 'number' }).notNull(),
  /** The database's clock just after pendingGseq was read: a transaction begun before it may still hold a lower number. */
  horizonAt: timestamp('horizon_at', { withTimezone: true }).notNull(),
  events: bigint('events', { mode: 'number' }).notNull(),
  eventsDigest: text('events_digest').notNull(),
  heads: bigint('heads', { mode: 'number' }).notNull(),
  headsDigest: text('heads_digest').notNull(),
  securitySeq: bigint('security_seq', { mode: 'number' }).notNull(),
  securityHash: text('security_hash').notNull(),
  keyId: text('key_id').notNull(),
  prevMac: text('prev_mac').notNull(),
  mac: text('mac').notNull(),
});

/** Each case's head as of the latest checkpoint that saw it change: the record must still reach it. */
export const auditSealedHeads = pgTable('audit_sealed_heads', {
  caseId: uuid('case_id').primaryKey(),
  seq: integer('seq').notNull(),
  hash: text('hash').notNull(),
  checkpointSeq: integer('checkpoint_seq').notNull(),
});

/**
 * Personal data an action carried (a note naming the requester, a citizen's comment), kept
 * beside the record rather than in it: the event holds a salted hash, so erasing the row (on
 * request, or after the retention period) leaves the chain whole.
 */
export const casePersonalData = pgTable(
  'case_personal_data',
  {
    caseId: uuid('case_id').notNull(),
    seq: integer('seq').notNull(),
    field: text('field').notNull(),
    value: text('value'),
    salt: text('salt'),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.seq, t.field] })],
);

/**
 * Statutory clocks, one row each, so a case may run two of one rule (two 补正 requests).
 * `urgeLevel` counts the escalation steps taken, so a sweep never urges twice for the same
 * step; `nextUrgeAt` is when the next step falls due (null when none is left, or while the
 * clock stands still, `pausedAt` set), which is all the sweep reads.
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
    nextUrgeAt: timestamp('next_urge_at', { withTimezone: true }),
  },
  (t) => [
    index('case_clocks_case_idx').on(t.caseId),
    index('case_clocks_running_due_idx').on(t.stoppedAt, t.dueAt),
    index('case_clocks_next_urge_idx').on(t.nextUrgeAt).where(sql`${t.nextUrgeAt} is not null`),
    // Clocks past their limit, running or stopped late: few among millions, read by oversight views.
    index('case_clocks_running_late_idx').on(t.dueAt, t.name, t.caseId).where(sql`${t.stoppedAt} is null and ${t.pausedAt} is null`),
    index('case_clocks_stopped_late_idx').on(t.name, t.caseId).where(sql`${t.stoppedAt} > ${t.dueAt}`),
  ],
);

/** Each span a clock stood still (中止 … 恢复): the limit is recomputed from all of them on resumption. */
export const caseClockPauses = pgTable(
  'case_clock_pauses',
  {
    clockId: uuid('clock_id').notNull(),
    pausedAt: timestamp('paused_at', { withTimezone: true }).notNull(),
    resumedAt: timestamp('resumed_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.clockId, t.pausedAt] })],
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

/**
 * Typed links between cases (a 12345 complaint converted into a mediation, a reconsideration
 * whose decision is sued in court), one row per link from the case that names the other. Each
 * link is also an event on both cases, so the record shows it on either side.
 */
export const caseLinks = pgTable(
  'case_links',
  {
    fromCaseId: uuid('from_case_id').notNull(),
    toCaseId: uuid('to_case_id').notNull(),
    /** A kind a module declares, e.g. `appealed_as`. */
    kind: text('kind').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.fromCaseId, t.toCaseId, t.kind] }), index('case_links_to_idx').on(t.toCaseId)],
);
