import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../platform/db/columns.js';

/** A citizen's request (诉求): the 12345 facts of a case of type `hotline_request`. */
export const hotlineRequests = pgTable(
  'hotline_requests',
  {
    caseId: uuid('case_id').primaryKey(),
    trackingCode: text('tracking_code').notNull().unique(),
    channel: text('channel').notNull(),
    /** The program that sent it, for requests from other systems (an Open311 client's name). */
    channelClient: text('channel_client'),
    requestType: text('request_type'),
    categoryCode: text('category_code'),
    urgency: text('urgency', { enum: ['normal', 'urgent'] }).notNull().default('normal'),
    title: text('title'),
    content: text('content').notNull(),
    requesterName: text('requester_name'),
    requesterPhone: text('requester_phone'),
    townshipCode: text('township_code'),
    villageCode: text('village_code'),
    address: text('address'),
    /** Where the problem is (WGS84), when the requester's app gave it: erased with the address. */
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    requesterEmail: text('requester_email'),
    /** A picture of the problem kept on the sending app's server. */
    mediaUrl: text('media_url'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    recordedBy: integer('recorded_by'),
    replyText: text('reply_text'),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    repliedByUnitId: integer('replied_by_unit_id'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    ruleId: text('rule_id'),
    /** A hash of the requester's number, to link repeat calls without reading the number. */
    callerKey: text('caller_key'),
    /** The governance topic the text is about (routing's topic list), for hotspots. */
    topicKey: text('topic_key'),
    /** The request this one was merged into (same problem, same place); it follows that one's answer. */
    mergedInto: uuid('merged_into'),
    /** How many lead dispatches (派单, 改派, 裁定) the request has had: 一次办结率 counts those closed after one. */
    leadDispatches: integer('lead_dispatches').notNull().default(0),
    /** The unit of the first lead dispatch, which 一次办结率 holds to account. */
    firstLeadUnitId: integer('first_lead_unit_id'),
    /** The center reopened the request after it was closed (重办). */
    reopened: boolean('reopened').notNull().default(false),
  },
  (t) => [
    index('hotline_requests_received_idx').on(t.receivedAt),
    index('hotline_requests_township_idx').on(t.townshipCode, t.receivedAt),
    index('hotline_requests_caller_idx').on(t.callerKey),
    index('hotline_requests_merged_idx').on(t.mergedInto),
    index('hotline_requests_topic_idx').on(t.topicKey, t.receivedAt),
  ],
);

/**
 * One dispatch (派单) of a request to a unit: the lead (主办) the center sent it to, or an inner
 * dispatch that answers to the lead rather than to the center: a co-handler (协办) the lead
 * called in, or a community or grid its township sent it on to (下派).
 */
export const hotlineDispatches = pgTable(
  'hotline_dispatches',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    unitId: integer('unit_id').notNull(),
    role: text('role', { enum: ['lead', 'assist', 'sub'] }).notNull(),
    /** For an inner dispatch: the lead dispatch it answers to. */
    parentId: uuid('parent_id'),
    /** For an inner dispatch: what the lead asked of it (协办事项, 下派要求). */
    instruction: text('instruction'),
    /** For an inner dispatch: its answer to the lead (回复主办单位). */
    replyText: text('reply_text'),
    status: text('status', { enum: ['pending', 'signed', 'returned', 'replied', 'withdrawn'] }).notNull(),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }).notNull(),
    responseDueAt: timestamp('response_due_at', { withTimezone: true }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    contactedAt: timestamp('contacted_at', { withTimezone: true }),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    returnReason: text('return_reason'),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    extensionRequestedDays: integer('extension_requested_days'),
    extensionReason: text('extension_reason'),
    extended: boolean('extended').notNull().default(false),
    /** The response clock ran out before the unit contacted the requester (set by the clock sweep). */
    responseLapsed: boolean('response_lapsed').notNull().default(false),
    /** The handling clock ran out before the reply (set by the clock sweep; cleared by an extension). */
    handlingLapsed: boolean('handling_lapsed').notNull().default(false),
  },
  (t) => [
    index('hotline_dispatches_case_idx').on(t.caseId),
    index('hotline_dispatches_unit_idx').on(t.unitId, t.status),
    index('hotline_dispatches_unit_time_idx').on(t.unitId, t.dispatchedAt),
    // Open lead dispatches are few at any time; the dashboard counts them live from this
    // index alone (open, overdue, due soon need only these columns).
    index('hotline_dispatches_open_idx').on(t.unitId, t.dueAt, t.dispatchedAt).where(sql`role = 'lead' and status in ('pending', 'signed')`),
  ],
);

/** A follow-up (回访) or a citizen's own rating of the answer (评价). */
export const hotlineEvaluations = pgTable(
  'hotline_evaluations',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    source: text('source', { enum: ['citizen', 'followup'] }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    resolved: boolean('resolved').notNull(),
    satisfaction: text('satisfaction', { enum: ['satisfied', 'basically_satisfied', 'dissatisfied'] }).notNull(),
    comment: text('comment'),
    unitId: integer('unit_id'),
    rectificationDueAt: timestamp('rectification_due_at', { withTimezone: true }),
    rectifiedAt: timestamp('rectified_at', { withTimezone: true }),
    /** The rectification clock ran out before the unit answered again (set by the clock sweep). */
    rectificationLapsed: boolean('rectification_lapsed').notNull().default(false),
  },
  (t) => [index('hotline_evaluations_case_idx').on(t.caseId), index('hotline_evaluations_at_idx').on(t.at)],
);

export const hotlineAttachments = pgTable('hotline_attachments', {
  id: uuid('id').primaryKey(),
  caseId: uuid('case_id').notNull(),
  mimeType: text('mime_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  data: bytea('data').notNull(),
});

/** The request taxonomy (诉求分类), three levels, with the clock rule and usual owner of each leaf. */
export const hotlineCategories = pgTable('hotline_categories', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  level: integer('level').notNull(),
  parentCode: text('parent_code'),
  clockRule: text('clock_rule'),
  defaultUnitId: integer('default_unit_id'),
});

/** A person's named filters of the 12345 lists (常用筛选): their own, seen by no one else. */
export const hotlineSavedViews = pgTable(
  'hotline_saved_views',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id').notNull(),
    name: text('name').notNull(),
    /** The list's filters as the list route takes them (contracts/requests.ts RequestFilters). */
    filters: jsonb('filters').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('hotline_saved_views_user_name_idx').on(t.userId, t.name)],
);
