import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { DiscretionRow } from './rules/discretion.js';

/**
 * 执法主体: an organ that enforces in its own name, an organisation it entrusts (受委托组织,
 * acting in the entrusting organ's name), or a township's 综合行政执法队. Each is tied to a
 * unit of the tree, through which readers' scope reaches it.
 */
export const enforcementSubjects = pgTable(
  'xzzf_subjects',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id').notNull(),
    name: text('name').notNull().unique(),
    kind: text('kind', { enum: ['organ', 'entrusted', 'township_team'] }).notNull(),
    /** For an entrusted organisation: the subject in whose name it acts. */
    entrustedById: integer('entrusted_by_id'),
    /** The act that makes it a subject (三定方案, 委托书, the province's decision for townships). */
    basisText: text('basis_text').notNull(),
    /** The law and article it rests on. */
    basisArticle: text('basis_article').notNull(),
    /** GB/T 2260 codes of the places it enforces in. */
    regionCodes: jsonb('region_codes').$type<string[]>().notNull(),
    /** Keys of data/fields.json. */
    fields: jsonb('fields').$type<string[]>().notNull(),
    status: text('status', { enum: ['active', 'inactive'] }).notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('xzzf_subjects_unit_idx').on(t.unitId)],
);

/** 执法人员: a person of a subject, linked to their account where they have one. */
export const enforcementOfficers = pgTable(
  'xzzf_officers',
  {
    id: serial('id').primaryKey(),
    subjectId: integer('subject_id').notNull(),
    userId: integer('user_id'),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('xzzf_officers_subject_idx').on(t.subjectId), uniqueIndex('xzzf_officers_user_idx').on(t.userId).where(sql`${t.userId} is not null`)],
);

/** 执法证: what lets an officer act, in its fields, between its days, while 有效. */
export const enforcementCertificates = pgTable(
  'xzzf_certificates',
  {
    id: serial('id').primaryKey(),
    officerId: integer('officer_id').notNull(),
    number: text('number').notNull().unique(),
    issuer: text('issuer').notNull(),
    fields: jsonb('fields').$type<string[]>().notNull(),
    /** YYYY-MM-DD, both days included. */
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to').notNull(),
    status: text('status', { enum: ['valid', 'suspended', 'revoked', 'cancelled'] }).notNull().default('valid'),
    statusReason: text('status_reason'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
  },
  (t) => [index('xzzf_certificates_officer_idx').on(t.officerId), index('xzzf_certificates_valid_to_idx').on(t.validTo)],
);

/**
 * 执法对象: an enterprise (or other organisation) by its 统一社会信用代码, or a person. A person's
 * 居民身份证 number is never stored as such: `idNumberMasked` for display, `idNumberKey` (an HMAC
 * under the platform key) to find them by number, `idNumberSealed` (AES-GCM under the platform key)
 * for the documents that must carry it. A county's register (`governmentUnitId`) is shared by its subjects.
 */
export const enforcementObjects = pgTable(
  'xzzf_objects',
  {
    id: serial('id').primaryKey(),
    governmentUnitId: integer('government_unit_id').notNull(),
    kind: text('kind', { enum: ['enterprise', 'individual'] }).notNull(),
    name: text('name').notNull(),
    creditCode: text('credit_code'),
    legalRepresentative: text('legal_representative'),
    idNumberMasked: text('id_number_masked'),
    idNumberKey: text('id_number_key'),
    idNumberSealed: text('id_number_sealed'),
    address: text('address'),
    regionCode: text('region_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('xzzf_objects_credit_code_idx').on(t.governmentUnitId, t.creditCode).where(sql`${t.creditCode} is not null`),
    uniqueIndex('xzzf_objects_id_number_idx').on(t.governmentUnitId, t.idNumberKey).where(sql`${t.idNumberKey} is not null`),
    index('xzzf_objects_name_idx').on(t.name),
  ],
);

/** An object's history: each case and inspection that concerned it, appended by the code that opens them. */
export const enforcementObjectHistory = pgTable(
  'xzzf_object_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    objectId: integer('object_id').notNull(),
    kind: text('kind', { enum: ['case', 'inspection'] }).notNull(),
    /** The case's or inspection's id. */
    refId: text('ref_id').notNull(),
    /** The subject that handled it. */
    subjectId: integer('subject_id').notNull(),
    day: text('day').notNull(),
    summary: text('summary').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('xzzf_object_history_object_idx').on(t.objectId, t.day), uniqueIndex('xzzf_object_history_ref_idx').on(t.objectId, t.kind, t.refId)],
);

/** 执法事项: a power of the 权责清单 a subject enforces, with its 裁量基准 and its place on the 不罚 lists. */
export const enforcementMatters = pgTable(
  'xzzf_matters',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    field: text('field').notNull(),
    subjectId: integer('subject_id').notNull(),
    basis: text('basis').notNull(),
    /** The item's code in the 权责清单 (duty_items), when the file names it. */
    dutyCode: text('duty_code'),
    firstOffenceExempt: boolean('first_offence_exempt').notNull(),
    minorExempt: boolean('minor_exempt').notNull(),
    /** The item of the 首违不罚 / 轻微不罚 list as the list words it. */
    exemptionItem: text('exemption_item'),
    discretion: jsonb('discretion').$type<DiscretionRow[]>().notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('xzzf_matters_subject_idx').on(t.subjectId)],
);
