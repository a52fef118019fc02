import { index, integer, pgTable, primaryKey, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * A knowledge entry (知识库条目): the facts of a case of type `kb_entry`, as its events replay
 * them. The owning unit is the case's organ: it answers for the entry and sees it in every state.
 */
export const knowledgeEntries = pgTable(
  'kb_entries',
  {
    caseId: uuid('case_id').primaryKey(),
    ownerUnitId: integer('owner_unit_id').notNull(),
    question: text('question').notNull(),
    /** The answer as an operator gives it (答复口径). */
    answer: text('answer').notNull(),
    /** Laws and articles, free text: 《中华人民共和国社会保险法》第十条. */
    legalBasis: text('legal_basis').notNull(),
    /** Words a caller may use that the text does not, separated by spaces. */
    keywords: text('keywords').notNull().default(''),
    /** A category of the hotline's taxonomy, if the entry belongs to one. */
    categoryCode: text('category_code'),
    validFrom: text('valid_from').notNull(),
    validUntil: text('valid_until'),
    /** The day by which the owner confirms the entry still holds. */
    reviewOn: text('review_on').notNull(),
    /** The request whose reply the entry grew from. */
    sourceCaseId: uuid('source_case_id'),
    /** Counts changes of the text; a direct answer records the revision it used. */
    revision: integer('revision').notNull().default(1),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    expiredReason: text('expired_reason', { enum: ['validity', 'review'] }),
    /** Weighted number of indexed terms: BM25's document length. */
    indexLength: real('index_length').notNull().default(0),
  },
  (t) => [index('kb_entries_owner_idx').on(t.ownerUnitId), index('kb_entries_source_idx').on(t.sourceCaseId)],
);

/** The search index: each term of an entry's text (segmented by jieba) with its field-weighted count. */
export const knowledgeTerms = pgTable(
  'kb_terms',
  {
    caseId: uuid('case_id').notNull(),
    term: text('term').notNull(),
    weight: real('weight').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.term] }), index('kb_terms_term_idx').on(t.term)],
);

/** Each direct answer given from an entry, noted as the answer's event records it (its own record is the request's). */
export const knowledgeCitations = pgTable(
  'kb_citations',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    citingCaseId: uuid('citing_case_id').notNull(),
    citingAction: text('citing_action').notNull(),
    revision: integer('revision').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('kb_citations_case_idx').on(t.caseId)],
);
