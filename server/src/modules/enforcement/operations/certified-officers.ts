import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { ACT_REFUSAL_LABELS } from '../enforcement.strings.js';
import { enforcementError } from '../enforcement.errors.js';
import { enforcementCertificates, enforcementOfficers, enforcementSubjects } from '../enforcement.tables.js';
import { checkOfficerPair, expiringWithin, isRenewed, officerMayAct, type CertificateFacts, type PairProblem } from '../rules/certificates.js';
import { allSubjects, visibleSubjects } from './register-scope.js';

async function certificatesOf(tx: Db, officerIds: readonly number[]): Promise<CertificateFacts[]> {
  if (officerIds.length === 0) return [];
  return tx
    .select({ officerId: enforcementCertificates.officerId, status: enforcementCertificates.status, validFrom: enforcementCertificates.validFrom, validTo: enforcementCertificates.validTo, fields: enforcementCertificates.fields })
    .from(enforcementCertificates)
    .where(inArray(enforcementCertificates.officerId, [...new Set(officerIds)]));
}

/** May this officer act on `day` (YYYY-MM-DD) in `field`? False for an officer who does not exist. */
export async function officerCanAct(tx: Db, officerId: number, day: string, field: string): Promise<boolean> {
  const [officer] = await officersWithSubjects(tx, [officerId]);
  return officer?.subjectStatus === 'active' && officerMayAct(await certificatesOf(tx, [officerId]), day, field).ok;
}

/** Officers with the status of their subject: an officer of a subject no longer in use acts for no one. */
async function officersWithSubjects(tx: Db, officerIds: readonly number[]) {
  if (officerIds.length === 0) return [];
  return tx
    .select({ id: enforcementOfficers.id, subjectStatus: enforcementSubjects.status })
    .from(enforcementOfficers)
    .innerJoin(enforcementSubjects, eq(enforcementSubjects.id, enforcementOfficers.subjectId))
    .where(inArray(enforcementOfficers.id, [...new Set(officerIds)]));
}

type Problem = PairProblem | { officerId: number; reason: 'unknown_officer' | 'subject_inactive' };

/**
 * The two-officer rule, for the code that records an enforcement act: throws
 * XZZF_OFFICERS_NOT_CERTIFIED, with each problem (`details.problems`: officer, reason, words),
 * unless at least two different officers of subjects in use are named and each holds a
 * certificate 有效 on `day` that covers `field`. Call it in the act's transaction, before anything is written.
 */
export async function assertCertifiedOfficers(tx: Db, officerIds: readonly number[], onDay: string, field: string): Promise<void> {
  const officers = new Map((await officersWithSubjects(tx, officerIds)).map((o) => [o.id, o]));
  const problems: Problem[] = [];
  for (const id of new Set(officerIds)) {
    if (!officers.has(id)) problems.push({ officerId: id, reason: 'unknown_officer' });
    else if (officers.get(id)!.subjectStatus !== 'active') problems.push({ officerId: id, reason: 'subject_inactive' });
  }
  const pair = checkOfficerPair(officerIds, await certificatesOf(tx, [...officers.keys()]), onDay, field);
  problems.push(...pair.filter((p) => p.officerId === null || officers.has(p.officerId)));
  if (problems.length) {
    throw enforcementError('XZZF_OFFICERS_NOT_CERTIFIED', { field: 'officerIds', problems: problems.map((p) => ({ ...p, message: ACT_REFUSAL_LABELS[p.reason] })) });
  }
}

/**
 * Certificates in force that end within `days` days of `today`, for the subjects the person
 * reads (the system: every subject), grouped by subject: what each renews before it lapses.
 */
export async function expiringCertificates(tx: Db, actor: Actor | 'all', today: string, days = 60) {
  const subjects = actor === 'all' ? await allSubjects(tx) : await visibleSubjects(tx, actor);
  if (subjects.length === 0) return [];
  const lastDay = new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const rows = await tx
    .select({ certificate: enforcementCertificates, officer: enforcementOfficers })
    .from(enforcementCertificates)
    .innerJoin(enforcementOfficers, eq(enforcementOfficers.id, enforcementCertificates.officerId))
    .where(and(inArray(enforcementOfficers.subjectId, subjects.map((s) => s.id)), eq(enforcementCertificates.status, 'valid'), lte(enforcementCertificates.validTo, lastDay)))
    .orderBy(asc(enforcementCertificates.validTo));
  const candidates = rows.map((r) => ({ ...r.certificate, officerName: r.officer.name, subjectId: r.officer.subjectId }));
  // A certificate its officer has already renewed is not warned about.
  const held = await certificatesOf(tx, candidates.map((c) => c.officerId));
  const soon = expiringWithin(candidates.filter((c) => !isRenewed(c, held)), today, days);
  return subjects
    .map((s) => ({
      subjectId: s.id, subjectName: s.name,
      certificates: soon.filter((c) => c.subjectId === s.id).map((c) => ({ id: c.id, number: c.number, officerId: c.officerId, officerName: c.officerName, validTo: c.validTo, daysLeft: c.daysLeft })),
    }))
    .filter((s) => s.certificates.length > 0);
}
