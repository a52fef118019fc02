import { asc, eq, inArray } from 'drizzle-orm';
import type { StaffActor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { recordSecurityEvent } from '../../../platform/security-log/security-log.js';
import { findUnit, findUser } from '../../orgs/index.js';
import { enforcementError } from '../enforcement.errors.js';
import { enforcementCertificates, enforcementOfficers } from '../enforcement.tables.js';
import { certificateAllows, daysUntil, type CertificateStatus } from '../rules/certificates.js';
import { keepsSubject, visibleSubject, visibleSubjects, type ScopedSubject } from './register-scope.js';
import { settleReminders } from './certificate-reminders.js';

export interface CertificateInput {
  number: string;
  issuer: string;
  fields: string[];
  validFrom: string;
  validTo: string;
}

export interface OfficerInput {
  subjectId: number;
  name: string;
  userId?: number | null;
  certificate?: CertificateInput;
}

type CertificateRow = typeof enforcementCertificates.$inferSelect;

const certificateView = (c: CertificateRow, today: string) => ({
  id: c.id, number: c.number, issuer: c.issuer, fields: c.fields, validFrom: c.validFrom, validTo: c.validTo, status: c.status,
  statusReason: c.statusReason, daysLeft: daysUntil(today, c.validTo),
  /** In force today (有效, within its days), in whichever of its fields. */
  inForce: c.fields.some((f) => certificateAllows(c, today, f)),
});

/** The officers of the subjects the person reads (or of one of them), each with every certificate. */
export async function listOfficers(tx: Db, actor: StaffActor, query: { subjectId?: number }, today: string) {
  const subjects = (await visibleSubjects(tx, actor)).filter((s) => query.subjectId === undefined || s.id === query.subjectId);
  if (query.subjectId !== undefined && subjects.length === 0) throw enforcementError('XZZF_SUBJECT_NOT_FOUND');
  if (subjects.length === 0) return [];
  const byId = new Map(subjects.map((s) => [s.id, s]));
  const officers = await tx.select().from(enforcementOfficers).where(inArray(enforcementOfficers.subjectId, [...byId.keys()])).orderBy(asc(enforcementOfficers.id));
  const certificates = officers.length
    ? await tx.select().from(enforcementCertificates).where(inArray(enforcementCertificates.officerId, officers.map((o) => o.id))).orderBy(asc(enforcementCertificates.validTo))
    : [];
  return officers.map((o) => ({
    id: o.id, subjectId: o.subjectId, subjectName: byId.get(o.subjectId)!.name, name: o.name, userId: o.userId,
    certificates: certificates.filter((c) => c.officerId === o.id).map((c) => certificateView(c, today)),
  }));
}

/** A subject this person keeps officers for, or the refusal: not found when unseen, 403 when only seen. */
async function keptSubject(tx: Db, actor: StaffActor, subjectId: number): Promise<ScopedSubject> {
  const subject = await visibleSubject(tx, actor, subjectId);
  if (!subject) throw enforcementError('XZZF_SUBJECT_NOT_FOUND', { field: 'subjectId' });
  if (!keepsSubject(actor, subject)) throw enforcementError('XZZF_NOT_SUBJECT_ADMIN');
  return subject;
}

async function insertCertificate(tx: Db, subject: ScopedSubject, officerId: number, input: CertificateInput): Promise<number> {
  if (input.validTo < input.validFrom) throw enforcementError('XZZF_CERTIFICATE_DATES', { field: 'validTo' });
  if (input.fields.length === 0 || input.fields.some((f) => !subject.fields.includes(f))) throw enforcementError('XZZF_FIELD_NOT_HELD', { field: 'fields' });
  const number = input.number.trim();
  const [taken] = await tx.select({ id: enforcementCertificates.id }).from(enforcementCertificates).where(eq(enforcementCertificates.number, number));
  if (taken) throw enforcementError('XZZF_CERTIFICATE_NUMBER_TAKEN', { field: 'number' });
  const [row] = await tx.insert(enforcementCertificates)
    .values({ officerId, number, issuer: input.issuer.trim(), fields: [...new Set(input.fields)], validFrom: input.validFrom, validTo: input.validTo })
    .returning({ id: enforcementCertificates.id });
  return row!.id;
}

/** Registers an officer of a subject, with their first certificate when given; logged. */
export async function createOfficer(tx: Db, actor: StaffActor, input: OfficerInput, now: Date): Promise<{ id: number; certificateId: number | null }> {
  const subject = await keptSubject(tx, actor, input.subjectId);
  if (input.userId) {
    // Only an account of the subject's own unit (or below it): any other answers as unknown, so ids tell nothing.
    const user = await findUser(tx, input.userId);
    const unit = user ? await findUnit(tx, user.unitId) : undefined;
    if (!unit || !unit.path.startsWith(subject.unitPath)) throw enforcementError('XZZF_USER_UNKNOWN', { field: 'userId' });
    const [already] = await tx.select({ id: enforcementOfficers.id }).from(enforcementOfficers).where(eq(enforcementOfficers.userId, input.userId));
    if (already) throw enforcementError('XZZF_USER_ALREADY_OFFICER', { field: 'userId' });
  }
  const [officer] = await tx.insert(enforcementOfficers).values({ subjectId: subject.id, userId: input.userId ?? null, name: input.name.trim(), createdAt: now }).returning({ id: enforcementOfficers.id });
  const certificateId = input.certificate ? await insertCertificate(tx, subject, officer!.id, input.certificate) : null;
  await recordSecurityEvent(tx, {
    kind: 'xzzf_officer_created', at: now, actorUserId: actor.userId,
    details: { officerId: officer!.id, subjectId: subject.id, name: input.name, userId: input.userId ?? null, certificate: input.certificate?.number ?? null },
  });
  return { id: officer!.id, certificateId };
}

/** An officer of a subject this person keeps, or the refusal. */
async function keptOfficer(tx: Db, actor: StaffActor, officerId: number) {
  const [officer] = await tx.select().from(enforcementOfficers).where(eq(enforcementOfficers.id, officerId));
  const subject = officer ? await visibleSubject(tx, actor, officer.subjectId) : undefined;
  if (!officer || !subject) throw enforcementError('XZZF_OFFICER_NOT_FOUND');
  if (!keepsSubject(actor, subject)) throw enforcementError('XZZF_NOT_SUBJECT_ADMIN');
  return { officer, subject };
}

/** A new certificate for an officer (a renewal, another field); logged. */
export async function addCertificate(tx: Db, actor: StaffActor, officerId: number, input: CertificateInput, now: Date): Promise<{ id: number }> {
  const { officer, subject } = await keptOfficer(tx, actor, officerId);
  const id = await insertCertificate(tx, subject, officer.id, input);
  await recordSecurityEvent(tx, { kind: 'xzzf_certificate_added', at: now, actorUserId: actor.userId, details: { certificateId: id, officerId, number: input.number, validFrom: input.validFrom, validTo: input.validTo, fields: input.fields } });
  await settleReminders(tx, officerId, now);
  return { id };
}

/**
 * 暂扣, 恢复, 吊销 or 注销 a certificate, with the reason; logged. A revoked or cancelled
 * certificate stays as it is: the officer is given a new one.
 */
export async function setCertificateStatus(tx: Db, actor: StaffActor, certificateId: number, change: { status: CertificateStatus; reason: string }, now: Date): Promise<void> {
  const [certificate] = await tx.select().from(enforcementCertificates).where(eq(enforcementCertificates.id, certificateId));
  if (!certificate) throw enforcementError('XZZF_CERTIFICATE_NOT_FOUND');
  try {
    await keptOfficer(tx, actor, certificate.officerId);
  } catch (error) {
    // The certificate of an officer one cannot see is a certificate one cannot see.
    if ((error as { code?: string }).code === 'XZZF_OFFICER_NOT_FOUND') throw enforcementError('XZZF_CERTIFICATE_NOT_FOUND');
    throw error;
  }
  if (certificate.status === 'revoked' || certificate.status === 'cancelled') throw enforcementError('XZZF_CERTIFICATE_FINAL');
  await tx.update(enforcementCertificates).set({ status: change.status, statusReason: change.reason, statusChangedAt: now }).where(eq(enforcementCertificates.id, certificateId));
  await recordSecurityEvent(tx, {
    kind: 'xzzf_certificate_status_changed', at: now, actorUserId: actor.userId,
    details: { certificateId, number: certificate.number, officerId: certificate.officerId, from: certificate.status, to: change.status, reason: change.reason },
  });
  await settleReminders(tx, certificate.officerId, now);
}
