import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { actsAs, defineCaseType, inputFields, REMINDER_RULE, type ActionContext, type ActionDefinition } from '../cases/index.js';
import { litigationError } from './litigation.errors.js';
import { verifyLitigationCases } from './operations/verify-cases.js';
import { litigationCases, litigationHearings } from './litigation.tables.js';
import { ACTION_LABELS, CASE_TYPE_LABEL, CHOICE_LABELS, FIELD_LABELS, CLOCK_LABELS, ESCALATION_LABELS, LIST_LABELS, OUTCOME_LABELS, STATE_LABELS, YES_NO_LABELS } from './litigation.strings.js';

export const LITIGATION_MODULE = 'xzss';
export const LITIGATION_CASE_TYPE = 'xzss_case';

type Input = Record<string, any>;
type Ctx = ActionContext<Input>;

const { text, day, object } = inputFields(FIELD_LABELS);
/** A day as the instant the law counts it from: noon in Beijing, so the day is never mistaken. */
const noonOf = (d: string) => new Date(`${d}T12:00:00+08:00`);

// The organ sued answers for itself: its handlers act for it.
const forDefendant = async (ctx: Ctx) => actsAs(ctx.actor, LITIGATION_MODULE, ['handler'], ctx.organUnitId);
const update = (ctx: Ctx, changes: Partial<typeof litigationCases.$inferInsert>) =>
  ctx.tx.update(litigationCases).set(changes).where(eq(litigationCases.caseId, ctx.caseId));

function action(definition: ActionDefinition<Input>): ActionDefinition<Input> {
  return definition;
}

/** Hearings scheduled and not yet recorded, for the form. */
async function pendingHearings(ctx: Ctx): Promise<Array<{ value: string; label: string }>> {
  const rows = await ctx.tx
    .select({ id: litigationHearings.id, scheduledOn: litigationHearings.scheduledOn })
    .from(litigationHearings)
    .where(and(eq(litigationHearings.caseId, ctx.caseId), isNull(litigationHearings.heldOn)));
  return rows.sort((a, b) => a.scheduledOn.localeCompare(b.scheduledOn)).map((r) => ({ value: r.id, label: CHOICE_LABELS.hearing(r.scheduledOn) }));
}

async function openHearing(ctx: Ctx) {
  if (typeof ctx.input.hearingId !== 'string') return undefined;
  const [row] = await ctx.tx
    .select()
    .from(litigationHearings)
    .where(and(eq(litigationHearings.id, ctx.input.hearingId), eq(litigationHearings.caseId, ctx.caseId), isNull(litigationHearings.heldOn)));
  return row;
}

/**
 * A lawsuit against an organ of the county (行政诉讼法): the answer within fifteen days of the
 * complaint's service, each hearing with a reminder and whether the organ's head appeared, the
 * judgment and the fifteen days to appeal it.
 */
export const litigationCaseType = defineCaseType({
  name: LITIGATION_CASE_TYPE,
  label: CASE_TYPE_LABEL,
  module: LITIGATION_MODULE,
  states: Object.fromEntries(Object.entries(STATE_LABELS).map(([k, label]) => [k, { label, final: k === 'closed' }])),
  initialState: 'defending',
  openEvent: 'lawsuit_recorded',
  verifyProjection: verifyLitigationCases,
  stakeholders: 'select null::uuid as case_id, null::int as unit_id where false',
  listing: {
    source: 'select case_id, court_case_number, cause, court_name, served_on, outcome, concluded_on from xzss_cases',
    columns: [
      { key: 'court_case_number', label: LIST_LABELS.courtCaseNumber, kind: 'text' },
      { key: 'cause', label: LIST_LABELS.cause, kind: 'text' },
      { key: 'court_name', label: LIST_LABELS.court, kind: 'text' },
      { key: 'served_on', label: LIST_LABELS.servedOn, kind: 'date' },
      { key: 'outcome', label: LIST_LABELS.outcome, kind: 'choice', options: OUTCOME_LABELS },
      { key: 'concluded_on', label: LIST_LABELS.concludedOn, kind: 'date' },
    ],
    filters: [
      { key: 'state', label: LIST_LABELS.state, kind: 'choice' },
      { key: 'organ', label: LIST_LABELS.organ, kind: 'unit' },
      { key: 'outcome', label: LIST_LABELS.outcome, kind: 'choice' },
      { key: 'served_on', label: LIST_LABELS.servedOn, kind: 'date_range' },
    ],
    search: ['court_case_number', 'cause', 'court_name'],
    title: 'cause',
    code: 'court_case_number',
  },
  clocks: {
    answer: { label: CLOCK_LABELS.answer },
    hearing: {
      label: CLOCK_LABELS.hearing,
      escalation: [
        { at: 0.8, event: 'hearing_reminder', label: ESCALATION_LABELS.hearingSoon },
        { at: 1, event: 'hearing_day', label: ESCALATION_LABELS.hearingDay },
      ],
    },
    appeal: { label: CLOCK_LABELS.appeal },
  },
  // 行政诉讼法 art. 67: the answer and the evidence within fifteen days of receiving the complaint's copy.
  openingClocks: [{ name: 'answer', rule: () => 'xzss.answer', startAt: (p) => noonOf(p.servedOn as string) }],
  erasePersonalData: async (tx, caseId) => {
    await tx.update(litigationCases).set({ plaintiffName: null }).where(eq(litigationCases.caseId, caseId));
  },
  actions: {
    submit_answer: action({
      label: ACTION_LABELS.submit_answer, from: ['defending'], roles: ['handler'], authorize: forDefendant,
      input: object({ answeredOn: day, summary: { ...text(5000), 'x-kind': 'longtext' } }, ['answeredOn']),
      effect: async (ctx) => void (await update(ctx, { answeredOn: ctx.input.answeredOn })),
      clocks: { stop: ['answer'] },
    }),
    schedule_hearing: action({
      label: ACTION_LABELS.schedule_hearing, from: ['defending', 'appealed'], roles: ['handler'], authorize: forDefendant,
      input: object({ hearingOn: day, courtroom: text(100) }, ['hearingOn']),
      effect: async (ctx) => {
        const id = randomUUID();
        await ctx.tx.insert(litigationHearings).values({ id, caseId: ctx.caseId, scheduledOn: ctx.input.hearingOn });
        return { eventFacts: { hearingId: id }, clockUnitId: ctx.organUnitId };
      },
      // Reminded as the day comes near; the head's appearance is prepared before it.
      clocks: {
        start: [{
          name: 'hearing', rule: () => REMINDER_RULE, until: (ctx) => new Date(`${ctx.input.hearingOn as string}T09:00:00+08:00`),
          subject: (_, result) => result.eventFacts?.hearingId as string,
        }],
      },
    }),
    record_hearing: action({
      label: ACTION_LABELS.record_hearing, from: ['defending', 'appealed'], roles: ['handler'], authorize: forDefendant,
      input: object({
        hearingId: { type: 'string', format: 'uuid' },
        heldOn: day,
        headAppeared: { type: 'boolean', 'x-kind': 'choice', 'x-labels': YES_NO_LABELS },
        appearedBy: { ...text(50), 'x-kind': 'person' },
        appearedTitle: text(50),
      }, ['hearingId', 'heldOn', 'headAppeared']),
      choices: async (ctx) => ({ hearingId: await pendingHearings(ctx) }),
      effect: async (ctx) => {
        const hearing = await openHearing(ctx);
        if (!hearing) throw litigationError('XZSS_HEARING_UNKNOWN', { field: 'hearingId' });
        if (ctx.input.headAppeared && (!ctx.input.appearedBy || !ctx.input.appearedTitle)) throw litigationError('XZSS_APPEARANCE_NAME_REQUIRED', { field: 'appearedBy' });
        await ctx.tx.update(litigationHearings).set({
          heldOn: ctx.input.heldOn, headAppeared: ctx.input.headAppeared, appearedBy: ctx.input.appearedBy ?? null, appearedTitle: ctx.input.appearedTitle ?? null,
          recordedBy: ctx.actor.role === 'system' || ctx.actor.role === 'citizen' ? null : ctx.actor.userId,
        }).where(eq(litigationHearings.id, hearing.id));
      },
      clocks: { stop: [{ name: 'hearing', subject: (ctx) => ctx.input.hearingId as string }] },
    }),
    record_judgment: action({
      label: ACTION_LABELS.record_judgment, from: ['defending', 'appealed'], to: 'judged', roles: ['handler'], authorize: forDefendant,
      input: object({ outcome: { type: 'string', enum: ['upheld', 'lost', 'partly_lost'], 'x-kind': 'choice', 'x-labels': OUTCOME_LABELS }, judgedOn: day }, ['outcome', 'judgedOn']),
      effect: async (ctx) => void (await update(ctx, { outcome: ctx.input.outcome, judgedOn: ctx.input.judgedOn })),
      // Fifteen days to appeal from the judgment's service (art. 85).
      clocks: { stop: ['answer', 'hearing'], start: [{ name: 'appeal', rule: () => 'xzss.appeal.judgment', startAt: (ctx) => noonOf(ctx.input.judgedOn as string) }] },
    }),
    appeal: action({
      label: ACTION_LABELS.appeal, from: ['judged'], to: 'appealed', roles: ['handler'], authorize: forDefendant,
      input: object({ appealedOn: day }, ['appealedOn']),
      effect: async (ctx) => void (await update(ctx, { appealedOn: ctx.input.appealedOn })),
      clocks: { stop: ['appeal'] },
    }),
    close: action({
      label: ACTION_LABELS.close, from: ['judged', 'appealed'], to: 'closed', roles: ['handler'], authorize: forDefendant,
      input: object({ concludedOn: day, outcome: { type: 'string', enum: ['upheld', 'lost', 'partly_lost'], 'x-kind': 'choice', 'x-labels': OUTCOME_LABELS } }, ['concludedOn']),
      // The final outcome (after an appeal) replaces the first instance's.
      effect: async (ctx) => void (await update(ctx, { concludedOn: ctx.input.concludedOn, ...(ctx.input.outcome ? { outcome: ctx.input.outcome } : {}) })),
      clocks: { stop: ['appeal', 'hearing'] },
    }),
    plaintiff_withdrew: action({
      label: ACTION_LABELS.plaintiff_withdrew, from: ['defending', 'appealed'], to: 'closed', roles: ['handler'], authorize: forDefendant,
      input: object({ concludedOn: day }, ['concludedOn']),
      effect: async (ctx) => void (await update(ctx, { outcome: 'withdrawn', concludedOn: ctx.input.concludedOn })),
      clocks: { stop: ['answer', 'hearing', 'appeal'] },
    }),
  },
});
