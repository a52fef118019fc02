import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { endOfShanghaiDay, shanghaiDay } from '../clock/index.js';
import { actsAs, defineCaseType, inputFields, REMINDER_RULE, type ActionContext, type ActionDefinition } from '../cases/index.js';
import { units } from '../orgs/index.js';
import { PENALTY_ESCALATION_LABELS } from './enforcement.strings.js';
import { supervisorObservations } from './enforcement.tables.js';
import { allSubjects, ENFORCEMENT_MODULE } from './operations/register-scope.js';
import { supervisorError } from './social-supervisors.errors.js';
import { ANSWER_RULE_ID, observationDueAt } from './rules/social-supervisors.js';
import {
  OBSERVATION_ACTION_LABELS, OBSERVATION_CASE_LABEL, OBSERVATION_CLOCK_LABELS, OBSERVATION_FIELD_LABELS, OBSERVATION_LIST_LABELS, OBSERVATION_OPEN_LABEL, OBSERVATION_STATE_LABELS,
} from './social-supervisors.strings.js';

export const OBSERVATION_CASE_TYPE = 'xzzf_observation';

type Input = Record<string, any>;
type Ctx = ActionContext<Input>;

const { text, longText, object } = inputFields(OBSERVATION_FIELD_LABELS);

async function observationRow(tx: Db, caseId: string) {
  const [row] = await tx.select().from(supervisorObservations).where(eq(supervisorObservations.caseId, caseId));
  if (!row) throw supervisorError('XZZF_SUPERVISOR_NOT_FOUND');
  return row;
}
const update = (ctx: Ctx, changes: Partial<typeof supervisorObservations.$inferInsert>) =>
  ctx.tx.update(supervisorObservations).set(changes).where(eq(supervisorObservations.caseId, ctx.caseId));

/** The subjects under the government that appointed the supervisor (the case's organ). */
async function subjectsUnder(tx: Db, governmentUnitId: number | null) {
  const [government] = governmentUnitId === null ? [] : await tx.select({ path: units.path }).from(units).where(eq(units.id, governmentUnitId));
  return government ? (await allSubjects(tx)).filter((s) => s.unitPath.startsWith(government.path) && s.status === 'active') : [];
}

// The 司法局's supervisors handle the observation in the government's name; the subject it was
// forwarded to explains through its head or administrator.
const forOffice = async (ctx: Ctx) => actsAs(ctx.actor, ENFORCEMENT_MODULE, ['supervisor'], ctx.organUnitId);
const forSubject = async (ctx: Ctx) => {
  const row = await observationRow(ctx.tx, ctx.caseId);
  return row.subjectUnitId !== null && actsAs(ctx.actor, ENFORCEMENT_MODULE, ['head', 'subject_admin'], row.subjectUnitId);
};

const ESCALATION = [
  { at: 0.8, event: 'auto_urge', label: PENALTY_ESCALATION_LABELS.remind },
  { at: 1, event: 'auto_supervise', label: PENALTY_ESCALATION_LABELS.overdue },
];

function action(definition: ActionDefinition<Input>): ActionDefinition<Input> {
  return definition;
}

/**
 * A 社会监督员's observation (Lanshan: 建立社会监督员制度 … 发放"行政执法监督卡"): filed by the
 * supervisor with their card, received by the appointing 司法局, which accepts it (the answer
 * clock runs to the system default's day counted from receipt), may ask the subject concerned to
 * explain, and answers; the supervisor reads the answer back with the card.
 */
export const observationCaseType = defineCaseType({
  name: OBSERVATION_CASE_TYPE,
  label: OBSERVATION_CASE_LABEL,
  module: ENFORCEMENT_MODULE,
  states: Object.fromEntries(Object.entries(OBSERVATION_STATE_LABELS).map(([k, label]) => [k, { label, final: k === 'answered' || k === 'withdrawn' }])),
  initialState: 'received',
  openEvent: 'observation_received',
  openLabel: OBSERVATION_OPEN_LABEL,
  // The subject sees the observation once it is asked to explain, not before.
  stakeholders: 'select case_id, subject_unit_id as unit_id from xzzf_observations where forwarded_on is not null and subject_unit_id is not null',
  listing: {
    // The supervisor's phone masked as everywhere outside the office's register (rules/social-supervisors.ts maskPhone).
    source: `select o.case_id, p.name as supervisor_name,
                    case when length(regexp_replace(p.phone, '\\D', '', 'g')) >= 7
                         then left(regexp_replace(p.phone, '\\D', '', 'g'), 3) || '****' || right(regexp_replace(p.phone, '\\D', '', 'g'), 4) else '****' end as supervisor_phone,
                    o.concerning, o.observed_on, o.received_on, o.due_on, o.answered_on
               from xzzf_observations o join xzzf_social_supervisors p on p.id = o.supervisor_id`,
    columns: [
      { key: 'supervisor_name', label: OBSERVATION_LIST_LABELS.supervisor, kind: 'text' },
      { key: 'supervisor_phone', label: OBSERVATION_LIST_LABELS.supervisorPhone, kind: 'text' },
      { key: 'concerning', label: OBSERVATION_LIST_LABELS.concerning, kind: 'text' },
      { key: 'observed_on', label: OBSERVATION_LIST_LABELS.observedOn, kind: 'date' },
      { key: 'received_on', label: OBSERVATION_LIST_LABELS.receivedOn, kind: 'date' },
      { key: 'due_on', label: OBSERVATION_LIST_LABELS.dueOn, kind: 'date' },
      { key: 'answered_on', label: OBSERVATION_LIST_LABELS.answeredOn, kind: 'date' },
    ],
    filters: [
      { key: 'state', label: OBSERVATION_LIST_LABELS.state, kind: 'choice' },
      { key: 'received_on', label: OBSERVATION_LIST_LABELS.receivedOn, kind: 'date_range' },
    ],
    search: ['supervisor_name', 'concerning'],
    title: 'concerning',
    code: 'supervisor_name',
  },
  clocks: {
    answer: { label: OBSERVATION_CLOCK_LABELS.answer, escalation: ESCALATION },
    explanation: { label: OBSERVATION_CLOCK_LABELS.explanation, escalation: ESCALATION },
  },
  // The answer clock runs from receipt in the office's to-do (data/observation-rules.json: a system default, no statute sets one).
  openingClocks: [{ name: 'answer', rule: () => ANSWER_RULE_ID }],
  dueAt: observationDueAt,
  actions: {
    accept: action({
      label: OBSERVATION_ACTION_LABELS.accept, from: ['received'], to: 'handling', roles: ['supervisor'], authorize: forOffice,
      input: object({ note: text(1000) }),
    }),
    forward: action({
      label: OBSERVATION_ACTION_LABELS.forward, from: ['handling'], to: 'forwarded', roles: ['supervisor'], authorize: forOffice,
      input: object({ subjectId: { type: 'integer', minimum: 1, 'x-kind': 'choice' }, question: longText(3000) }, ['subjectId', 'question']),
      choices: async (ctx) => ({ subjectId: (await subjectsUnder(ctx.tx, ctx.organUnitId)).map((s) => ({ value: s.id, label: s.name })) }),
      defaults: async (ctx) => {
        const row = await observationRow(ctx.tx, ctx.caseId);
        return row.subjectId === null ? {} : { subjectId: row.subjectId };
      },
      effect: async (ctx) => {
        const subject = (await subjectsUnder(ctx.tx, ctx.organUnitId)).find((s) => s.id === ctx.input.subjectId);
        if (!subject) throw supervisorError('XZZF_OBSERVATION_SUBJECT_UNKNOWN', { field: 'subjectId' });
        const row = await observationRow(ctx.tx, ctx.caseId);
        await update(ctx, { subjectId: subject.id, subjectUnitId: subject.unitId, forwardedOn: shanghaiDay(ctx.now) });
        return { eventFacts: { subjectName: subject.name, explainBy: row.dueOn }, clockUnitId: subject.unitId };
      },
      // The subject explains in time for the office to answer: by the answer's own day, in the subject's to-do.
      clocks: { start: [{ name: 'explanation', rule: () => REMINDER_RULE, until: (_ctx, result) => endOfShanghaiDay(result.eventFacts!.explainBy as string) }] },
    }),
    reply: action({
      label: OBSERVATION_ACTION_LABELS.reply, from: ['forwarded'], to: 'handling', roles: ['head', 'subject_admin'], authorize: forSubject,
      input: object({ reply: longText(5000) }, ['reply']),
      effect: async (ctx) => void (await update(ctx, { subjectReply: ctx.input.reply })),
      clocks: { stop: ['explanation'] },
    }),
    answer: action({
      label: OBSERVATION_ACTION_LABELS.answer, from: ['handling'], to: 'answered', roles: ['supervisor'], authorize: forOffice,
      input: object({ answer: longText(5000) }, ['answer']),
      effect: async (ctx) => void (await update(ctx, { answer: ctx.input.answer, answeredOn: shanghaiDay(ctx.now) })),
      clocks: { stop: ['answer'] },
    }),
    // The supervisor's own act, through the card (operations/social-supervisors.ts proves it and acts as the case's citizen).
    withdraw: action({
      label: OBSERVATION_ACTION_LABELS.withdraw, from: ['received', 'handling', 'forwarded'], to: 'withdrawn', roles: ['citizen'],
      input: object({ reason: longText(1000) }, ['reason']),
      clocks: { stop: ['answer', 'explanation'] },
    }),
  },
});
