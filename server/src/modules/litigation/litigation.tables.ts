import { boolean, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';

/** A lawsuit against an organ (行政应诉): the facts of a case of type `xzss_case`. The organ sued is the case's organ. */
export const litigationCases = pgTable(
  'xzss_cases',
  {
    caseId: uuid('case_id').primaryKey(),
    courtName: text('court_name').notNull(),
    /** The court's own case number, e.g. （2026）鲁1302行初12号. */
    courtCaseNumber: text('court_case_number').notNull(),
    /** 案由 */
    cause: text('cause').notNull(),
    /** Personal data: kept here and beside the record, erasable. */
    plaintiffName: text('plaintiff_name'),
    /** When the complaint's copy reached the organ: the fifteen days to answer run from it. */
    servedOn: text('served_on').notNull(),
    answeredOn: text('answered_on'),
    outcome: text('outcome', { enum: ['upheld', 'lost', 'partly_lost', 'withdrawn'] }),
    judgedOn: text('judged_on'),
    appealedOn: text('appealed_on'),
    concludedOn: text('concluded_on'),
  },
  (t) => [index('xzss_cases_served_idx').on(t.servedOn)],
);

/** Each court hearing (开庭) and whether the organ's head appeared (负责人出庭). */
export const litigationHearings = pgTable(
  'xzss_hearings',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull(),
    scheduledOn: text('scheduled_on').notNull(),
    heldOn: text('held_on'),
    headAppeared: boolean('head_appeared'),
    /** Who appeared for the organ, and their post. */
    appearedBy: text('appeared_by'),
    appearedTitle: text('appeared_title'),
    recordedBy: integer('recorded_by'),
  },
  (t) => [index('xzss_hearings_case_idx').on(t.caseId)],
);
