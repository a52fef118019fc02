import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { endOfShanghaiDay, shanghaiDay } from '../clock/index.js';
import { actsAs, defineCaseType, REMINDER_RULE, rolesIn, inputFields, type ActionContext, type ActionDefinition, type ClockStart } from '../cases/index.js';
import { enforcementError } from './enforcement.errors.js';
import { supervisionOpinions } from './enforcement.tables.js';
import {
  PENALTY_ESCALATION_LABELS, SUPERVISION_ACTION_LABELS, SUPERVISION_CASE_LABEL, SUPERVISION_CLOCK_LABELS, SUPERVISION_FIELD_LABELS, SUPERVISION_LIST_LABELS, SUPERVISION_STATE_LABELS,
} from './enforcement.strings.js';
import { ENFORCEMENT_MODULE } from './operations/register-scope.js';

export const SUPERVISION_CASE_TYPE = 'xzzf_supervision';

type Input = Record<string, any>;
type Ctx = ActionContext<Input>;

const { text, longText, day, object } = inputFields(SUPERVISION_FIELD_LABELS);

async function opinionRow(tx: Db, caseId: string) {
  const [row] = await tx.select().from(supervisionOpinions).where(eq(supervisionOpinions.caseId, caseId));
  if (!row) throw enforcementError('XZZF_SUPERVISION_NOT_FOUND');
  return row;
}
const update = (ctx: Ctx, changes: Partial<typeof supervisionOpinions.$inferInsert>) =>
  ctx.tx.update(supervisionOpinions).set(changes).where(eq(supervisionOpinions.caseId, ctx.caseId));

// The supervisor acts for the government that issued the opinion (the case's organ); the
// subject answers through its head or its administrator, for the subject's unit.
const forSupervisor = async (ctx: Ctx) => actsAs(ctx.actor, ENFORCEMENT_MODULE, ['supervisor'], ctx.organUnitId);
const forSubject = async (ctx: Ctx) => actsAs(ctx.actor, ENFORCEMENT_MODULE, ['head', 'subject_admin'], (await opinionRow(ctx.tx, ctx.caseId)).subjectUnitId);

/** A report-by day that has not passed. */
const futureDay = async (ctx: Ctx) =>
  typeof ctx.input.respondBy === 'string' && ctx.input.respondBy <= shanghaiDay(ctx.now) ? enforcementError('XZZF_SUPERVISION_DAY_PASSED', { field: 'respondBy' }) : null;

/** The report clock runs to the day the supervisor set, in the subject's to-do. */
const responseClock: ClockStart<Input> = { name: 'response', rule: () => REMINDER_RULE, until: (ctx) => endOfShanghaiDay(ctx.input.respondBy as string) };
const toSubject = async (ctx: Ctx) => {
  const row = await opinionRow(ctx.tx, ctx.caseId);
  await update(ctx, { respondBy: ctx.input.respondBy, ...(row.issuedOn ? {} : { issuedOn: shanghaiDay(ctx.now) }) });
  return { clockUnitId: row.subjectUnitId };
};

function action(definition: ActionDefinition<Input>): ActionDefinition<Input> {
  return definition;
}

/**
 * 执法监督意见: the 司法局 tells a subject what its cases show (a decision without legal review,
 * an overdue case, a late publication) and by when to report what it changed; the subject reports;
 * the supervisor accepts the report or returns it with a new day.
 */
export const supervisionCaseType = defineCaseType({
  name: SUPERVISION_CASE_TYPE,
  label: SUPERVISION_CASE_LABEL,
  module: ENFORCEMENT_MODULE,
  states: Object.fromEntries(Object.entries(SUPERVISION_STATE_LABELS).map(([k, label]) => [k, { label, final: k === 'closed' }])),
  initialState: 'drafted',
  openEvent: 'supervision_drafted',
  openLabel: '拟制监督意见',
  stakeholders: 'select case_id, subject_unit_id as unit_id from xzzf_supervision_opinions',
  listing: {
    source: `select o.case_id, s.name as subject_name, o.findings, o.issued_on, o.respond_by, o.answered_on
               from xzzf_supervision_opinions o join xzzf_subjects s on s.id = o.subject_id`,
    columns: [
      { key: 'subject_name', label: SUPERVISION_LIST_LABELS.subject, kind: 'text' },
      { key: 'findings', label: SUPERVISION_LIST_LABELS.findings, kind: 'text' },
      { key: 'issued_on', label: SUPERVISION_LIST_LABELS.issuedOn, kind: 'date' },
      { key: 'respond_by', label: SUPERVISION_LIST_LABELS.respondBy, kind: 'date' },
      { key: 'answered_on', label: SUPERVISION_LIST_LABELS.answeredOn, kind: 'date' },
    ],
    filters: [
      { key: 'state', label: SUPERVISION_LIST_LABELS.state, kind: 'choice' },
      { key: 'issued_on', label: SUPERVISION_LIST_LABELS.issuedOn, kind: 'date_range' },
    ],
    search: ['subject_name', 'findings'],
    title: 'findings',
    code: 'subject_name',
  },
  clocks: {
    response: {
      label: SUPERVISION_CLOCK_LABELS.response,
      escalation: [
        { at: 0.8, event: 'auto_urge', label: PENALTY_ESCALATION_LABELS.remind },
        { at: 1, event: 'auto_supervise', label: PENALTY_ESCALATION_LABELS.overdue },
      ],
    },
  },
  actions: {
    issue: action({
      label: SUPERVISION_ACTION_LABELS.issue, from: ['drafted'], to: 'issued', roles: ['supervisor'], authorize: forSupervisor,
      input: object({ respondBy: day }, ['respondBy']),
      precondition: futureDay,
      effect: toSubject,
      clocks: { start: [responseClock] },
    }),
    respond: action({
      label: SUPERVISION_ACTION_LABELS.respond, from: ['issued'], to: 'answered', roles: ['head', 'subject_admin'], authorize: forSubject,
      input: object({ measures: longText(10000) }, ['measures']),
      effect: async (ctx) => void (await update(ctx, { answeredOn: shanghaiDay(ctx.now) })),
      clocks: { stop: ['response'] },
    }),
    accept: action({
      label: SUPERVISION_ACTION_LABELS.accept, from: ['answered'], to: 'closed', roles: ['supervisor'], authorize: forSupervisor,
      input: object({ note: text(1000) }),
      effect: async (ctx) => void (await update(ctx, { closedOn: shanghaiDay(ctx.now) })),
    }),
    return_report: action({
      label: SUPERVISION_ACTION_LABELS.return_report, from: ['answered'], to: 'issued', roles: ['supervisor'], authorize: forSupervisor,
      input: object({ reason: longText(2000), respondBy: day }, ['reason', 'respondBy']),
      precondition: futureDay,
      effect: async (ctx) => {
        await update(ctx, { answeredOn: null });
        return toSubject(ctx);
      },
      clocks: { start: [responseClock] },
    }),
  },
});

/** The government for which this person supervises the subject at `unitPath`, if any. */
export function supervisingGovernment(actor: Ctx['actor'], unitPath: string): number | undefined {
  return rolesIn(actor, ENFORCEMENT_MODULE).find((r) => r.role === 'supervisor' && unitPath.startsWith(r.scopePath))?.unitId;
}
