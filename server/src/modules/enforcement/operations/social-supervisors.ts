// 社会监督员: the 司法局 appoints citizens to watch enforcement and hands each a 监督卡 (a code
// anyone can check, and a secret only the holder has); with both the holder files observations
// that open cases in the office's to-do and reads the answers back. No staff account is involved
// on the holder's side: the routes are citizens' acts.
import { randomBytes, randomUUID } from 'node:crypto';
import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { CITIZEN, requesterOf, type Actor, type StaffActor } from '../../../platform/actor.js';
import { randomCode } from '../../../platform/crockford.js';
import type { Db } from '../../../platform/db/database.js';
import { platformKeyring } from '../../../platform/keyring.js';
import { recordSecurityEvent } from '../../../platform/security-log/security-log.js';
import { hashPassword, verifyPassword } from '../../auth/index.js';
import { cases, openCase, performAction, rolesIn } from '../../cases/index.js';
import { shanghaiDay } from '../../clock/index.js';
import { addAttachment, type PreparedAttachment } from '../../documents/index.js';
import { units, users } from '../../orgs/index.js';
import { socialSupervisors, supervisorObservations } from '../enforcement.tables.js';
import { OBSERVATION_CASE_TYPE } from '../observation-case-type.js';
import { normaliseInspectionCode, type CodeMac } from '../rules/inspections.js';
import { answerDueOn, cardBelongsTo, cardCode, cardInForce, maskPhone } from '../rules/social-supervisors.js';
import { supervisorError } from '../social-supervisors.errors.js';
import { OBSERVATION_STATE_LABELS } from '../social-supervisors.strings.js';
import { ENFORCEMENT_MODULE, allSubjects } from './register-scope.js';
import type {
  CardProof, MyObservations, ObservationFiled, ObservationInput, SupervisorAppointed, SupervisorAppointment, SupervisorCard, SupervisorView,
} from '../../../../../contracts/social-supervisors.js';

export type { CardProof, ObservationInput, SupervisorAppointment };

type SupervisorRow = typeof socialSupervisors.$inferSelect;

const cardMac: CodeMac = (...parts) => platformKeyring().macBytes('supervisor.card', ...parts);
/** Eight Crockford characters (40 bits), read off the appointment letter; argon2 and the route's rate limit stand against guessing. */
const SECRET_LENGTH = 8;

/** The governments whose 司法局 this person acts for as 执法监督 (the appointing office). */
const officeGovernments = (actor: Actor) => rolesIn(actor, ENFORCEMENT_MODULE).filter((r) => r.role === 'supervisor').map((r) => r.unitId);

/** 聘任: a supervisor of the 司法局 appoints a citizen for their government; the card and its secret come back once. */
export async function appointSupervisor(
  tx: Db, actor: StaffActor, input: SupervisorAppointment, now: Date,
  /** The demo's published secret, so its walk-through can sign a card in; never from a route. */
  demoSecret?: string,
): Promise<SupervisorAppointed> {
  const [government] = officeGovernments(actor);
  if (government === undefined) throw supervisorError('XZZF_SUPERVISOR_NOT_FOUND');
  if (input.termTo < input.termFrom) throw supervisorError('XZZF_SUPERVISOR_TERM', { field: 'termTo' });
  const secret = demoSecret ?? randomCode(SECRET_LENGTH);
  const [row] = await tx.insert(socialSupervisors).values({
    governmentUnitId: government, name: input.name.trim(), phone: input.phone.trim(), workUnit: input.workUnit.trim(), termFrom: input.termFrom, termTo: input.termTo,
    code: `pending-${randomBytes(12).toString('hex')}`, secretHash: await hashPassword(secret), appointedBy: actor.userId, appointedAt: now,
  }).returning({ id: socialSupervisors.id });
  const code = cardCode(row!.id, randomBytes(5), cardMac);
  await tx.update(socialSupervisors).set({ code }).where(eq(socialSupervisors.id, row!.id));
  // The record names the appointment, never the phone or the secret.
  await recordSecurityEvent(tx, {
    kind: 'xzzf_supervisor_appointed', at: now, actorUserId: actor.userId,
    details: { supervisorId: row!.id, governmentUnitId: government, name: input.name.trim(), workUnit: input.workUnit.trim(), termFrom: input.termFrom, termTo: input.termTo, code },
  });
  return { id: row!.id, code, secret };
}

async function officeSupervisor(tx: Db, actor: Actor, id: number): Promise<SupervisorRow> {
  const [row] = await tx.select().from(socialSupervisors).where(eq(socialSupervisors.id, id));
  if (!row || !officeGovernments(actor).includes(row.governmentUnitId)) throw supervisorError('XZZF_SUPERVISOR_NOT_FOUND');
  return row;
}

/** 解聘: the card stops acting at once; the observations already filed stay and are answered. */
export async function dismissSupervisor(tx: Db, actor: StaffActor, id: number, reason: string, now: Date): Promise<void> {
  const row = await officeSupervisor(tx, actor, id);
  if (row.status === 'dismissed') throw supervisorError('XZZF_SUPERVISOR_DISMISSED');
  const today = shanghaiDay(now);
  await tx.update(socialSupervisors).set({ status: 'dismissed', dismissedOn: today, dismissalReason: reason.trim() }).where(eq(socialSupervisors.id, id));
  await recordSecurityEvent(tx, { kind: 'xzzf_supervisor_dismissed', at: now, actorUserId: actor.userId, details: { supervisorId: id, dismissedOn: today, reason: reason.trim() } });
}

/** The office's register: its government's supervisors, in force first, with the full phone. */
export async function listSupervisors(tx: Db, actor: Actor, today: string): Promise<SupervisorView[]> {
  const governments = officeGovernments(actor);
  if (governments.length === 0) throw supervisorError('XZZF_SUPERVISOR_NOT_FOUND');
  const rows = await tx.select({ s: socialSupervisors, governmentName: units.name }).from(socialSupervisors)
    .innerJoin(units, eq(units.id, socialSupervisors.governmentUnitId))
    .where(inArray(socialSupervisors.governmentUnitId, governments)).orderBy(asc(socialSupervisors.status), desc(socialSupervisors.termTo), asc(socialSupervisors.id));
  const counts = rows.length
    ? await tx.select({ id: supervisorObservations.supervisorId, n: sql<number>`count(*)::int` }).from(supervisorObservations)
      .where(inArray(supervisorObservations.supervisorId, rows.map((r) => r.s.id))).groupBy(supervisorObservations.supervisorId)
    : [];
  return rows.map(({ s, governmentName }) => ({
    id: s.id, name: s.name, phone: s.phone, workUnit: s.workUnit, termFrom: s.termFrom, termTo: s.termTo, code: s.code, status: s.status,
    inForce: cardInForce(s, today), dismissedOn: s.dismissedOn, dismissalReason: s.dismissalReason, governmentName,
    observations: counts.find((c) => c.id === s.id)?.n ?? 0,
  }));
}

/** The card a code names, once its check characters prove it was made by this server. */
async function cardOf(tx: Db, input: string): Promise<SupervisorRow> {
  const code = normaliseInspectionCode(input);
  const [row] = code ? await tx.select().from(socialSupervisors).where(eq(socialSupervisors.code, code)) : [];
  if (!row || !cardBelongsTo(row.code, row.id, cardMac)) throw supervisorError('XZZF_CARD_UNKNOWN');
  return row;
}

/** 监督卡核验, for anyone: who holds the card, for which office, for what term, and whether it acts today. Never the phone. */
export async function checkCard(tx: Db, input: string, today: string): Promise<SupervisorCard> {
  const row = await cardOf(tx, input);
  const [office] = await tx.select({ name: units.name }).from(users).innerJoin(units, eq(units.id, users.unitId)).where(eq(users.id, row.appointedBy));
  const [government] = await tx.select({ name: units.name }).from(units).where(eq(units.id, row.governmentUnitId));
  return {
    code: row.code, name: row.name, workUnit: row.workUnit, termFrom: row.termFrom, termTo: row.termTo,
    office: office?.name ?? government?.name ?? '', inForce: cardInForce(row, today), status: row.status,
  };
}

/** The holder proves the card with its secret; a wrong secret says no more than that. */
async function provenCard(tx: Db, proof: CardProof): Promise<SupervisorRow> {
  let row: SupervisorRow;
  try {
    row = await cardOf(tx, proof.code);
  } catch {
    throw supervisorError('XZZF_CARD_SECRET_WRONG');
  }
  if (!(await verifyPassword(row.secretHash, proof.secret.trim().toUpperCase()))) throw supervisorError('XZZF_CARD_SECRET_WRONG');
  return row;
}

const subjectsOf = async (tx: Db, governmentUnitId: number) => {
  const [government] = await tx.select({ path: units.path }).from(units).where(eq(units.id, governmentUnitId));
  return (await allSubjects(tx)).filter((s) => government && s.unitPath.startsWith(government.path) && s.status === 'active');
};

/**
 * 提交监督意见: a citizen's act with the card in force. It opens an observation case in the name
 * of the appointing government, in its 司法局's to-do, the answer due on the system default's day.
 */
export async function fileObservation(tx: Db, input: ObservationInput, files: readonly PreparedAttachment[], now: Date): Promise<ObservationFiled> {
  const card = await provenCard(tx, input);
  const today = shanghaiDay(now);
  if (!cardInForce(card, today)) throw supervisorError('XZZF_CARD_NOT_IN_FORCE');
  if (input.observedOn > today) throw supervisorError('XZZF_OBSERVATION_DAY_INVALID', { field: 'observedOn' });
  const subject = input.subjectId === undefined ? undefined : (await subjectsOf(tx, card.governmentUnitId)).find((s) => s.id === input.subjectId);
  if (input.subjectId !== undefined && !subject) throw supervisorError('XZZF_OBSERVATION_SUBJECT_UNKNOWN', { field: 'subjectId' });
  const caseId = randomUUID();
  const dueOn = answerDueOn(today);
  const row = {
    supervisorId: card.id, subjectId: subject?.id ?? null, subjectUnitId: subject?.unitId ?? null, concerning: input.concerning.trim(),
    observedOn: input.observedOn, place: input.place.trim(), content: input.content.trim(), receivedOn: today, dueOn,
  };
  await openCase(tx, { caseId, caseType: OBSERVATION_CASE_TYPE, actor: CITIZEN, at: now, organUnitId: card.governmentUnitId, payload: { ...row } });
  await tx.insert(supervisorObservations).values({ caseId, ...row });
  for (const file of files) await addAttachment(tx, { caseId, actor: CITIZEN, prepared: file, at: now });
  return { caseId, receivedOn: today, dueOn };
}

/** The holder's own observations, newest first, each with the office's answer once given. */
export async function myObservations(tx: Db, proof: CardProof, today: string): Promise<MyObservations> {
  const card = await provenCard(tx, proof);
  const rows = await tx.select({ o: supervisorObservations, state: cases.state }).from(supervisorObservations)
    .innerJoin(cases, eq(cases.id, supervisorObservations.caseId))
    .where(eq(supervisorObservations.supervisorId, card.id)).orderBy(desc(supervisorObservations.receivedOn), desc(cases.createdAt));
  return {
    name: card.name,
    phone: maskPhone(card.phone),
    inForce: cardInForce(card, today),
    subjects: (await subjectsOf(tx, card.governmentUnitId)).map((s) => ({ id: s.id, name: s.name })),
    items: rows.map(({ o, state }) => ({
      caseId: o.caseId, concerning: o.concerning, observedOn: o.observedOn, place: o.place, content: o.content, receivedOn: o.receivedOn, dueOn: o.dueOn,
      state, stateLabel: OBSERVATION_STATE_LABELS[state as keyof typeof OBSERVATION_STATE_LABELS] ?? state,
      // The subject's own explanation stays with the office; the supervisor reads the office's answer.
      answer: state === 'answered' ? o.answer : null, answeredOn: o.answeredOn,
    })),
  };
}

/** 撤回: the holder takes back an observation not yet answered, with a reason; the clocks stop. A card out of term may still withdraw its own. */
export async function withdrawObservation(tx: Db, proof: CardProof, caseId: string, reason: string, now: Date): Promise<void> {
  const card = await provenCard(tx, proof);
  const [row] = await tx.select({ supervisorId: supervisorObservations.supervisorId }).from(supervisorObservations).where(eq(supervisorObservations.caseId, caseId));
  if (!row || row.supervisorId !== card.id) throw supervisorError('XZZF_OBSERVATION_NOT_FOUND');
  await performAction(tx, { caseId, action: 'withdraw', actor: requesterOf(caseId), input: { reason: reason.trim() }, now, caseType: OBSERVATION_CASE_TYPE });
}
