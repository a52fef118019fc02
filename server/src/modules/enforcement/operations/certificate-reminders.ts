import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { SYSTEM } from '../../../platform/actor.js';
import { lockInTransaction } from '../../../platform/db/advisory-lock.js';
import type { Database, Db } from '../../../platform/db/database.js';
import { endOfShanghaiDay, shanghaiDay } from '../../clock/index.js';
import { cases, openCase, performAction } from '../../cases/index.js';
import { CERTIFICATE_EXPIRY_CASE_TYPE } from '../certificate-expiry-case-type.js';
import { certificateReminders, enforcementCertificates, enforcementSubjects } from '../enforcement.tables.js';
import { expiringCertificates } from './certified-officers.js';

/** How far ahead of a certificate's last day its subject is reminded: time to apply for the new one. */
export const CERTIFICATE_REMINDER_DAYS = 60;

const LOCK = 'fazhi.xzzf.certificate-reminders';

/**
 * The platform's hourly job for certificates: opens a reminder in the subject's to-do for each
 * certificate in force that came within CERTIFICATE_REMINDER_DAYS of its last day and has none,
 * and settles the open ones whose officer has been given a new certificate or whose certificate
 * was revoked or cancelled. Safe to repeat and to run on several servers: it takes a lock and does
 * only what is not done.
 */
export async function remindExpiringCertificates(database: Database, now: Date): Promise<{ opened: number; settled: number }> {
  return database.transaction(async (tx) => {
    await lockInTransaction(tx, LOCK);
    const today = shanghaiDay(now);
    const soon = (await expiringCertificates(tx, 'all', today, CERTIFICATE_REMINDER_DAYS)).flatMap((s) => s.certificates.map((c) => ({ ...c, subjectId: s.subjectId })));
    const known = soon.length
      ? new Set((await tx.select({ id: certificateReminders.certificateId }).from(certificateReminders).where(inArray(certificateReminders.certificateId, soon.map((c) => c.id)))).map((r) => r.id))
      : new Set<number>();
    const fresh = soon.filter((c) => !known.has(c.id));
    const units = new Map((await tx.select({ id: enforcementSubjects.id, unitId: enforcementSubjects.unitId }).from(enforcementSubjects)).map((s) => [s.id, s.unitId]));
    for (const certificate of fresh) {
      const caseId = randomUUID();
      const subjectUnitId = units.get(certificate.subjectId)!;
      await openCase(tx, {
        caseId, caseType: CERTIFICATE_EXPIRY_CASE_TYPE, actor: SYSTEM, at: now, organUnitId: subjectUnitId,
        payload: { certificateId: certificate.id, number: certificate.number, officerId: certificate.officerId, validTo: certificate.validTo, expiresAt: endOfShanghaiDay(certificate.validTo).toISOString() },
      });
      await tx.insert(certificateReminders).values({
        caseId, certificateId: certificate.id, subjectId: certificate.subjectId, subjectUnitId, officerId: certificate.officerId,
        officerName: certificate.officerName, certificateNumber: certificate.number, validTo: certificate.validTo,
      });
    }
    const settled = await settleReminders(tx, null, now);
    return { opened: fresh.length, settled };
  });
}

/**
 * Closes the open reminders (of one officer, or all) whose certificate was renewed, revoked or
 * cancelled. Registering the new certificate calls this at once; the hourly job catches the rest.
 */
export async function settleReminders(tx: Db, officerId: number | null, now: Date): Promise<number> {
  const open = await tx
    .select({ caseId: certificateReminders.caseId, officerId: certificateReminders.officerId, certificate: enforcementCertificates })
    .from(certificateReminders)
    .innerJoin(cases, eq(cases.id, certificateReminders.caseId))
    .innerJoin(enforcementCertificates, eq(enforcementCertificates.id, certificateReminders.certificateId))
    .where(and(eq(cases.state, 'open'), isNull(certificateReminders.settledOn), ...(officerId === null ? [] : [eq(certificateReminders.officerId, officerId)])));
  if (open.length === 0) return 0;
  const held = await tx
    .select({ id: enforcementCertificates.id, officerId: enforcementCertificates.officerId, status: enforcementCertificates.status, validTo: enforcementCertificates.validTo, fields: enforcementCertificates.fields })
    .from(enforcementCertificates)
    .where(inArray(enforcementCertificates.officerId, [...new Set(open.map((r) => r.officerId))]));
  let settled = 0;
  for (const reminder of open) {
    const old = reminder.certificate;
    // The new certificate lasts beyond the old one and covers every field the old one did.
    const renewal = held.find((c) => c.officerId === old.officerId && c.status === 'valid' && c.validTo > old.validTo && old.fields.every((f) => c.fields.includes(f)));
    const step = renewal
      ? { action: 'renew', input: { certificateId: renewal.id } }
      : old.status === 'revoked' || old.status === 'cancelled' ? { action: 'void', input: { status: old.status } } : null;
    if (!step) continue;
    await performAction(tx, { caseId: reminder.caseId, caseType: CERTIFICATE_EXPIRY_CASE_TYPE, actor: SYSTEM, now, ...step });
    settled++;
  }
  return settled;
}
