import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { SYSTEM } from '../../platform/actor.js';
import { shanghaiDay } from '../clock/index.js';
import { actsAs, cases, defineCaseType, inputFields, performAction, REMINDER_RULE, type ActionContext, type ActionDefinition, type LapsedClock } from '../cases/index.js';
import { enforcementError } from './enforcement.errors.js';
import { certificateReminders } from './enforcement.tables.js';
import {
  CERTIFICATE_EXPIRY_ACTION_LABELS, CERTIFICATE_EXPIRY_CASE_LABEL, CERTIFICATE_EXPIRY_CLOCK_LABELS, CERTIFICATE_EXPIRY_ESCALATION_LABELS, CERTIFICATE_EXPIRY_FIELD_LABELS,
  CERTIFICATE_EXPIRY_LIST_LABELS, CERTIFICATE_EXPIRY_OPEN_LABEL, CERTIFICATE_EXPIRY_STATE_LABELS,
} from './enforcement.strings.js';
import { ENFORCEMENT_MODULE } from './operations/register-scope.js';

export const CERTIFICATE_EXPIRY_CASE_TYPE = 'xzzf_certificate_expiry';

type Input = Record<string, any>;
type Ctx = ActionContext<Input>;

const { longText, object } = inputFields(CERTIFICATE_EXPIRY_FIELD_LABELS);

async function reminderRow(tx: Db, caseId: string) {
  const [row] = await tx.select().from(certificateReminders).where(eq(certificateReminders.caseId, caseId));
  if (!row) throw enforcementError('XZZF_CERTIFICATE_REMINDER_NOT_FOUND');
  return row;
}
const settle = (ctx: Ctx, changes: Partial<typeof certificateReminders.$inferInsert> = {}) =>
  ctx.tx.update(certificateReminders).set({ settledOn: shanghaiDay(ctx.now), ...changes }).where(eq(certificateReminders.caseId, ctx.caseId));

// The subject's head or administrator answers for its officers' certificates.
const forSubject = async (ctx: Ctx) => actsAs(ctx.actor, ENFORCEMENT_MODULE, ['head', 'subject_admin'], (await reminderRow(ctx.tx, ctx.caseId)).subjectUnitId);

function action(definition: ActionDefinition<Input>): ActionDefinition<Input> {
  return definition;
}

/** When the last day passes with the reminder still open, the sweep records that the certificate lapsed. */
async function lapseWhenDue(tx: Db, clock: LapsedClock): Promise<void> {
  if (clock.name !== 'expiry') return;
  const [head] = await tx.select({ state: cases.state }).from(cases).where(eq(cases.id, clock.caseId));
  if (head?.state !== 'open') return;
  await performAction(tx, { caseId: clock.caseId, caseType: CERTIFICATE_EXPIRY_CASE_TYPE, action: 'lapse', actor: SYSTEM, input: {}, now: clock.sweptAt });
}

/**
 * 执法证到期提醒: the platform opens one in the subject's to-do when an officer's certificate comes
 * within the reminder window (operations/certificate-reminders.ts), its clock running to the
 * certificate's last day. It settles by itself when the officer is registered with a new
 * certificate or the old one is revoked or cancelled; the subject may close it saying it will not
 * renew (the officer leaves enforcement); otherwise it lapses on the day, and the officer can no
 * longer act.
 */
export const certificateExpiryCaseType = defineCaseType({
  name: CERTIFICATE_EXPIRY_CASE_TYPE,
  label: CERTIFICATE_EXPIRY_CASE_LABEL,
  module: ENFORCEMENT_MODULE,
  states: Object.fromEntries(Object.entries(CERTIFICATE_EXPIRY_STATE_LABELS).map(([k, label]) => [k, { label, final: k !== 'open' }])),
  initialState: 'open',
  openEvent: 'certificate_expiring',
  openLabel: CERTIFICATE_EXPIRY_OPEN_LABEL,
  openingClocks: [{ name: 'expiry', rule: () => REMINDER_RULE, until: (payload) => new Date(payload.expiresAt as string) }],
  stakeholders: 'select case_id, subject_unit_id as unit_id from xzzf_certificate_reminders',
  onClockLapsed: lapseWhenDue,
  listing: {
    source: `select r.case_id, s.name as subject_name, r.officer_name, r.certificate_number, r.valid_to, r.settled_on
               from xzzf_certificate_reminders r join xzzf_subjects s on s.id = r.subject_id`,
    columns: [
      { key: 'officer_name', label: CERTIFICATE_EXPIRY_LIST_LABELS.officer, kind: 'text' },
      { key: 'certificate_number', label: CERTIFICATE_EXPIRY_LIST_LABELS.number, kind: 'text' },
      { key: 'subject_name', label: CERTIFICATE_EXPIRY_LIST_LABELS.subject, kind: 'text' },
      { key: 'valid_to', label: CERTIFICATE_EXPIRY_LIST_LABELS.validTo, kind: 'date' },
      { key: 'settled_on', label: CERTIFICATE_EXPIRY_LIST_LABELS.settledOn, kind: 'date' },
    ],
    filters: [
      { key: 'state', label: CERTIFICATE_EXPIRY_LIST_LABELS.state, kind: 'choice' },
      { key: 'valid_to', label: CERTIFICATE_EXPIRY_LIST_LABELS.validTo, kind: 'date_range' },
    ],
    search: ['officer_name', 'certificate_number', 'subject_name'],
    title: 'officer_name',
    code: 'certificate_number',
  },
  clocks: {
    expiry: {
      label: CERTIFICATE_EXPIRY_CLOCK_LABELS.expiry,
      escalation: [
        { at: 0.5, event: 'certificate_renewal_urged', label: CERTIFICATE_EXPIRY_ESCALATION_LABELS.halfway },
        { at: 1, event: 'certificate_expired', label: CERTIFICATE_EXPIRY_ESCALATION_LABELS.expired },
      ],
    },
  },
  actions: {
    renew: action({
      // Taken by the platform when the officer's new certificate is registered.
      label: CERTIFICATE_EXPIRY_ACTION_LABELS.renew, from: ['open'], to: 'renewed', roles: ['system'],
      input: object({ certificateId: { type: 'integer', minimum: 1 } }, ['certificateId']),
      effect: async (ctx) => void (await settle(ctx, { renewedById: ctx.input.certificateId as number })),
      clocks: { stop: ['expiry'] },
    }),
    void: action({
      label: CERTIFICATE_EXPIRY_ACTION_LABELS.void, from: ['open'], to: 'void', roles: ['system'],
      input: object({ status: { type: 'string', enum: ['revoked', 'cancelled'] } }, ['status']),
      effect: async (ctx) => void (await settle(ctx)),
      clocks: { stop: ['expiry'] },
    }),
    decline: action({
      label: CERTIFICATE_EXPIRY_ACTION_LABELS.decline, from: ['open'], to: 'declined', roles: ['head', 'subject_admin'], authorize: forSubject,
      input: object({ reason: longText(1000) }, ['reason']),
      effect: async (ctx) => void (await settle(ctx)),
      clocks: { stop: ['expiry'] },
    }),
    lapse: action({
      label: CERTIFICATE_EXPIRY_ACTION_LABELS.lapse, from: ['open'], to: 'lapsed', roles: ['system'],
      input: object({}),
      effect: async (ctx) => void (await settle(ctx)),
    }),
  },
});
