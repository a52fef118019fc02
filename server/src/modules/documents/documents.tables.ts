import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../platform/db/columns.js';

/**
 * Files of a case (evidence, applications, decisions received), kept as stored: images
 * re-encoded, other types as sent. The event that brought a file into the case records its
 * SHA-256, so `fazhi audit verify` shows any change to these bytes. A row without a case was
 * staged by a public form before its case existed; only the hash of its one-time token is kept.
 */
export const caseAttachments = pgTable(
  'case_attachments',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id'),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    /** Hex SHA-256 of `bytes`. */
    sha256: text('sha256').notNull(),
    bytes: bytea('bytes').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
    addedByUserId: integer('added_by_user_id'),
    /** Hex SHA-256 of the token a staged upload was given; cleared when it is bound to its case. */
    stagingTokenHash: text('staging_token_hash'),
  },
  (t) => [index('case_attachments_case_idx').on(t.caseId)],
);

/**
 * Generated documents (Word), every version kept. Each case and template has versions 1, 2, 3 …;
 * drafts may follow drafts, and the one issued is a version of its own, `final`, numbered and
 * never changed again. Rows are written once: a new draft is a new row.
 */
export const caseDocuments = pgTable(
  'case_documents',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    templateId: text('template_id').notNull(),
    version: integer('version').notNull(),
    status: text('status', { enum: ['draft', 'final'] }).notNull(),
    /** What was filled in, as checked against the template. */
    fields: jsonb('fields').notNull(),
    /** The issuing organ whose name signs the document and whose sequence numbers it. */
    organUnitId: integer('organ_unit_id').notNull(),
    /** 兰政复决字〔2026〕第12号; null while a draft. */
    number: text('number'),
    /** Hex SHA-256 of `bytes` (the .docx). */
    sha256: text('sha256').notNull(),
    bytes: bytea('bytes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdByUserId: integer('created_by_user_id'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('case_documents_version_idx').on(t.caseId, t.templateId, t.version)],
);

/**
 * The last number handed out per issuing organ, sequence and year. Allocation is one
 * `insert … on conflict do update … returning`: the row stays locked until the issuing
 * transaction ends, so two servers wait their turn, and a transaction that rolls back takes
 * its number with it (no gaps).
 */
export const documentNumbers = pgTable(
  'document_numbers',
  {
    organUnitId: integer('organ_unit_id').notNull(),
    numberingKey: text('numbering_key').notNull(),
    year: integer('year').notNull(),
    lastN: integer('last_n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organUnitId, t.numberingKey, t.year] })],
);
