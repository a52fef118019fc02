import { asc, eq } from 'drizzle-orm';
import { SYSTEM } from '../../platform/actor.js';
import type { Db } from '../../platform/db/database.js';
import { shanghaiDay } from '../clock/index.js';
import { cases, defineCaseType, performAction, REMINDER_RULE, inputFields, type ActionContext, type ActionDefinition, type ClockStart, type LapsedClock } from '../cases/index.js';
import { findUnit } from '../orgs/index.js';
import { hotlineCategories } from '../requests/index.js';
import { KNOWLEDGE_CASE_TYPE, KNOWLEDGE_MODULE } from './knowledge-names.js';
import { knowledgeError } from './knowledge.errors.js';
import { ACTION_LABELS, CASE_TYPE_LABEL, categoryChoice, CLOCK_LABELS, ESCALATION_LABELS, EXPIRED_REASON_LABELS, FIELD_LABELS, LIST_LABELS, OPEN_LABEL, STATE_LABELS } from './knowledge.strings.js';
import { knowledgeEntries } from './knowledge.tables.js';
import { assertCategory } from './operations/assert-category.js';
import { citeEntry } from './operations/cite-entry.js';
import { governmentOf, publishesFor, writesFor } from './operations/entry-access.js';
import { reindexEntry } from './operations/index-entry.js';
import { verifyKnowledgeEntries } from './operations/verify-entries.js';
import { datesProblem } from './rules/availability.js';
import { normaliseKeywords } from './rules/entry-text.js';

type Input = Record<string, any>;
type Ctx = ActionContext<Input>;

const DAY = 24 * 3600_000;
const { text, longText, day, object } = inputFields(FIELD_LABELS);

/** The fields of an entry's text, for its creation (the module's route) and its revision (an action). */
export const ENTRY_FIELDS = {
  question: text(500),
  answer: longText(5000),
  legalBasis: longText(1000),
  keywords: { type: 'string', maxLength: 200 },
  categoryCode: { type: 'string', minLength: 1, maxLength: 32 },
  validFrom: day,
  validUntil: day,
  reviewOn: day,
} as const;

/** A day's limit: its end in China time (00:00 +08:00 the next day). */
const endOfDay = (d: string) => new Date(new Date(`${d}T00:00:00+08:00`).getTime() + DAY);

async function entryRow(tx: Db, caseId: string) {
  const [row] = await tx.select().from(knowledgeEntries).where(eq(knowledgeEntries.caseId, caseId));
  if (!row) throw knowledgeError('KB_ENTRY_NOT_FOUND');
  return row;
}
async function ownerOf(ctx: Ctx) {
  return ctx.organUnitId === null ? undefined : findUnit(ctx.tx, ctx.organUnitId);
}

// Whom each action is done for: the owner's editors and the publisher above the owner maintain
// an entry; only the publisher publishes or sends it back.
const maintains = async (ctx: Ctx) => {
  const owner = await ownerOf(ctx);
  return owner !== undefined && writesFor(ctx.actor, owner);
};
const publishes = async (ctx: Ctx) => {
  const owner = await ownerOf(ctx);
  return owner !== undefined && publishesFor(ctx.actor, owner.path);
};

/** Refuses dates that leave nothing to publish (a validity that ended, a review day gone by). */
async function datesHold(ctx: Ctx) {
  const row = await entryRow(ctx.tx, ctx.caseId);
  const problem = datesProblem(row, shanghaiDay(ctx.now));
  return problem ? knowledgeError(problem) : null;
}

/** The categories a revision may choose: every first and second level, and the entry's own. */
async function categoryChoices(ctx: Ctx) {
  const row = await entryRow(ctx.tx, ctx.caseId);
  const all = await ctx.tx.select().from(hotlineCategories).orderBy(asc(hotlineCategories.code));
  const byCode = new Map(all.map((c) => [c.code, c]));
  const path = (code: string): string[] => {
    const c = byCode.get(code);
    return c ? [...(c.parentCode ? path(c.parentCode) : []), c.name] : [];
  };
  return {
    categoryCode: all.filter((c) => c.level <= 2 || c.code === row.categoryCode).map((c) => ({ value: c.code, label: categoryChoice(path(c.code)) })),
  };
}

// Clocks of a published entry: the review day and the end of validity, both the owner's, both
// quiet until near. The publication review is the publisher's, at the county government.
const ownerClock = (name: 'review' | 'validity'): ClockStart<Input> => ({
  name,
  rule: (_, result) => (result.eventFacts?.[`${name}On`] ? REMINDER_RULE : null),
  until: (_, result) => endOfDay(result.eventFacts![`${name}On`] as string),
});
const LIVE_CLOCKS = [ownerClock('review'), ownerClock('validity')];

/** What a published entry's clocks run to, for the action's event and its clocks. */
async function liveFacts(ctx: Ctx) {
  const row = await entryRow(ctx.tx, ctx.caseId);
  return { eventFacts: { reviewOn: row.reviewOn, ...(row.validUntil ? { validityOn: row.validUntil } : {}) }, clockUnitId: ctx.organUnitId };
}

function action(definition: ActionDefinition<Input>): ActionDefinition<Input> {
  return definition;
}

/**
 * A knowledge entry (知识库条目): a question, the answer an operator may give, its legal basis,
 * the unit that answers for it, and the days it holds. The owner writes it, the 12345 center's
 * publisher publishes it; it is offered for direct answers while published, in force and not
 * past its review day; it expires by itself when either day passes and waits in its owner's
 * to-do until confirmed (复核确认), revised or withdrawn.
 */
export const knowledgeEntryType = defineCaseType({
  name: KNOWLEDGE_CASE_TYPE,
  label: CASE_TYPE_LABEL,
  module: KNOWLEDGE_MODULE,
  states: Object.fromEntries(Object.entries(STATE_LABELS).map(([k, label]) => [k, { label, final: k === 'withdrawn' }])),
  initialState: 'draft',
  openEvent: 'entry_created',
  openLabel: OPEN_LABEL,
  stakeholders: 'select null::uuid as case_id, null::int as unit_id where false',
  verifyProjection: verifyKnowledgeEntries,
  cite: citeEntry,
  onClockLapsed: expireWhenLapsed,
  listing: {
    source: 'select case_id, question, legal_basis, keywords, valid_until, review_on, revision from kb_entries',
    columns: [
      { key: 'question', label: LIST_LABELS.question, kind: 'text' },
      { key: 'legal_basis', label: LIST_LABELS.legalBasis, kind: 'text' },
      { key: 'keywords', label: LIST_LABELS.keywords, kind: 'text' },
      { key: 'valid_until', label: LIST_LABELS.validUntil, kind: 'date' },
      { key: 'review_on', label: LIST_LABELS.reviewOn, kind: 'date' },
      { key: 'revision', label: LIST_LABELS.revision, kind: 'number' },
    ],
    filters: [
      { key: 'state', label: LIST_LABELS.state, kind: 'choice' },
      { key: 'organ', label: LIST_LABELS.owner, kind: 'unit' },
      { key: 'review_on', label: LIST_LABELS.reviewOn, kind: 'date_range' },
      { key: 'valid_until', label: LIST_LABELS.validUntil, kind: 'date_range' },
    ],
    search: ['question', 'keywords', 'legal_basis'],
    title: 'question',
  },
  clocks: {
    publication: { label: CLOCK_LABELS.publication },
    rework: { label: CLOCK_LABELS.rework },
    review: {
      label: CLOCK_LABELS.review,
      quiet: true,
      escalation: [{ at: 0.9, event: 'kb_review_soon', label: ESCALATION_LABELS.reviewSoon }, { at: 1, event: 'kb_review_due', label: ESCALATION_LABELS.reviewDue }],
    },
    validity: {
      label: CLOCK_LABELS.validity,
      quiet: true,
      escalation: [{ at: 0.9, event: 'kb_validity_soon', label: ESCALATION_LABELS.validitySoon }, { at: 1, event: 'kb_validity_ended', label: ESCALATION_LABELS.validityEnded }],
    },
  },
  actions: {
    revise: action({
      // A changed text is published again before operators may use it.
      label: ACTION_LABELS.revise, from: ['draft', 'submitted', 'published', 'expired'], to: 'draft', roles: ['editor', 'publisher'], authorize: maintains,
      input: object(ENTRY_FIELDS, ['question', 'answer', 'legalBasis', 'validFrom', 'reviewOn']),
      choices: categoryChoices,
      defaults: async (ctx) => {
        const row = await entryRow(ctx.tx, ctx.caseId);
        return {
          question: row.question, answer: row.answer, legalBasis: row.legalBasis, keywords: row.keywords || undefined, categoryCode: row.categoryCode,
          validFrom: row.validFrom, validUntil: row.validUntil, reviewOn: row.reviewOn,
        };
      },
      effect: async (ctx) => {
        const input = ctx.input;
        const problem = datesProblem({ validFrom: input.validFrom, validUntil: input.validUntil ?? null, reviewOn: input.reviewOn }, shanghaiDay(ctx.now));
        if (problem) throw knowledgeError(problem, { field: problem === 'KB_REVIEW_DATE_PAST' ? 'reviewOn' : 'validUntil' });
        await assertCategory(ctx.tx, input.categoryCode);
        const row = await entryRow(ctx.tx, ctx.caseId);
        const revision = row.revision + 1;
        const text = { question: input.question, answer: input.answer, legalBasis: input.legalBasis, keywords: normaliseKeywords(input.keywords) };
        await ctx.tx.update(knowledgeEntries).set({
          ...text, categoryCode: input.categoryCode ?? null, validFrom: input.validFrom, validUntil: input.validUntil ?? null, reviewOn: input.reviewOn,
          revision, expiredReason: null,
        }).where(eq(knowledgeEntries.caseId, ctx.caseId));
        await reindexEntry(ctx.tx, ctx.caseId, text);
        return { eventFacts: { revision, keywords: text.keywords } };
      },
      clocks: { stop: ['publication', 'rework', 'review', 'validity'] },
    }),
    submit: action({
      label: ACTION_LABELS.submit, from: ['draft'], to: 'submitted', roles: ['editor', 'publisher'], authorize: maintains, precondition: datesHold,
      input: object({}),
      // The county government's publisher has it in their to-do for a week.
      effect: async (ctx) => ({ clockUnitId: await governmentOf(ctx.tx, (await ownerOf(ctx))!) }),
      clocks: { stop: ['rework'], start: [{ name: 'publication', rule: () => REMINDER_RULE, until: (ctx) => new Date(ctx.now.getTime() + 7 * DAY) }] },
    }),
    publish: action({
      label: ACTION_LABELS.publish, from: ['submitted'], to: 'published', roles: ['publisher'], authorize: publishes, precondition: datesHold,
      input: object({}),
      effect: async (ctx) => {
        await ctx.tx.update(knowledgeEntries).set({ publishedAt: ctx.now, expiredReason: null }).where(eq(knowledgeEntries.caseId, ctx.caseId));
        return liveFacts(ctx);
      },
      clocks: { stop: ['publication'], start: LIVE_CLOCKS },
    }),
    return: action({
      label: ACTION_LABELS.return, from: ['submitted'], to: 'draft', roles: ['publisher'], authorize: publishes,
      input: object({ reason: longText(2000) }, ['reason']),
      effect: async (ctx) => ({ clockUnitId: ctx.organUnitId }),
      clocks: { stop: ['publication'], start: [{ name: 'rework', rule: () => REMINDER_RULE, until: (ctx) => new Date(ctx.now.getTime() + 10 * DAY) }] },
    }),
    renew: action({
      // The owner confirms the text still holds and sets the next review day; the text is unchanged, so no new publication.
      label: ACTION_LABELS.renew, from: ['published', 'expired'], to: 'published', roles: ['editor', 'publisher'], authorize: maintains,
      input: object({ reviewOn: day, validUntil: day }, ['reviewOn']),
      defaults: async (ctx) => {
        const row = await entryRow(ctx.tx, ctx.caseId);
        return { validUntil: row.validUntil };
      },
      effect: async (ctx) => {
        const row = await entryRow(ctx.tx, ctx.caseId);
        const validUntil = ctx.input.validUntil ?? row.validUntil;
        const problem = datesProblem({ validFrom: row.validFrom, validUntil, reviewOn: ctx.input.reviewOn }, shanghaiDay(ctx.now));
        if (problem) throw knowledgeError(problem, { field: problem === 'KB_REVIEW_DATE_PAST' ? 'reviewOn' : 'validUntil' });
        await ctx.tx.update(knowledgeEntries).set({ reviewOn: ctx.input.reviewOn, validUntil, expiredReason: null }).where(eq(knowledgeEntries.caseId, ctx.caseId));
        return liveFacts(ctx);
      },
      clocks: { stop: ['review', 'validity'], start: LIVE_CLOCKS },
    }),
    expire: action({
      // Taken by the clock sweep when the review day or the end of validity passes; the lapsed clock stays in the owner's to-do.
      label: ACTION_LABELS.expire, from: ['published'], to: 'expired', roles: ['system'],
      input: object({ reason: { type: 'string', enum: ['validity', 'review'], 'x-kind': 'choice', 'x-labels': EXPIRED_REASON_LABELS } }, ['reason']),
      effect: async (ctx) => void (await ctx.tx.update(knowledgeEntries).set({ expiredReason: ctx.input.reason }).where(eq(knowledgeEntries.caseId, ctx.caseId))),
    }),
    withdraw: action({
      label: ACTION_LABELS.withdraw, from: ['draft', 'submitted', 'published', 'expired'], to: 'withdrawn', roles: ['editor', 'publisher'], authorize: maintains,
      input: object({ reason: longText(2000) }, ['reason']),
      clocks: { stop: ['publication', 'rework', 'review', 'validity'] },
    }),
  },
});

/** The sweep found a review day or an end of validity passed: the entry is no longer offered. */
async function expireWhenLapsed(tx: Db, clock: LapsedClock): Promise<void> {
  if (clock.name !== 'review' && clock.name !== 'validity') return;
  // Both days may pass together: the first expires the entry, the second finds it expired.
  const [head] = await tx.select({ state: cases.state }).from(cases).where(eq(cases.id, clock.caseId));
  if (head?.state !== 'published') return;
  await performAction(tx, { caseId: clock.caseId, caseType: KNOWLEDGE_CASE_TYPE, action: 'expire', actor: SYSTEM, input: { reason: clock.name }, now: clock.sweptAt });
}
