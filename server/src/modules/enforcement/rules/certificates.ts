// Who may act on a day in a field: an officer with a certificate that is 有效 that day and covers
// the field. Every enforcement act needs two such officers, two different people.

export type CertificateStatus = 'valid' | 'suspended' | 'revoked' | 'cancelled';

export interface CertificateFacts {
  officerId: number;
  status: CertificateStatus;
  /** YYYY-MM-DD, both days included. */
  validFrom: string;
  validTo: string;
  fields: readonly string[];
}

export type ActRefusal = 'no_certificate' | 'not_yet_valid' | 'expired' | 'suspended' | 'revoked' | 'cancelled' | 'field_not_covered';

/** Does this certificate let its officer act on `day` in `field`? */
export function certificateAllows(certificate: CertificateFacts, day: string, field: string): boolean {
  return certificate.status === 'valid' && certificate.validFrom <= day && day <= certificate.validTo && certificate.fields.includes(field);
}

/**
 * Whether an officer holding these certificates may act on `day` in `field`; when not, the
 * reason the best of them gives (a certificate of the field that lapsed says 'expired', not
 * 'field_not_covered').
 */
export function officerMayAct(certificates: readonly CertificateFacts[], day: string, field: string): { ok: true } | { ok: false; reason: ActRefusal } {
  if (certificates.some((c) => certificateAllows(c, day, field))) return { ok: true };
  if (certificates.length === 0) return { ok: false, reason: 'no_certificate' };
  const ofField = certificates.filter((c) => c.fields.includes(field));
  if (ofField.length === 0) return { ok: false, reason: 'field_not_covered' };
  // The reason of the certificate that came nearest: in force but held back, then lapsed, then not yet begun.
  const inTerm = ofField.find((c) => c.validFrom <= day && day <= c.validTo);
  if (inTerm) return { ok: false, reason: inTerm.status as Exclude<CertificateStatus, 'valid'> };
  if (ofField.some((c) => c.validTo < day)) return { ok: false, reason: 'expired' };
  return { ok: false, reason: 'not_yet_valid' };
}

export interface PairProblem {
  officerId: number | null;
  reason: ActRefusal | 'same_officer' | 'too_few';
}

/**
 * The two-officer rule (行政处罚法 art. 42): the officers named for an act, at least two
 * different people, each able to act on `day` in `field`. Empty when the act may go ahead.
 */
export function checkOfficerPair(officerIds: readonly number[], certificates: readonly CertificateFacts[], day: string, field: string): PairProblem[] {
  const problems: PairProblem[] = [];
  const seen = new Set<number>();
  for (const id of officerIds) {
    if (seen.has(id)) {
      problems.push({ officerId: id, reason: 'same_officer' });
      continue;
    }
    seen.add(id);
    const verdict = officerMayAct(certificates.filter((c) => c.officerId === id), day, field);
    if (!verdict.ok) problems.push({ officerId: id, reason: verdict.reason });
  }
  if (seen.size < 2) problems.push({ officerId: null, reason: 'too_few' });
  return problems;
}

/** Whole days from `today` to a certificate's last day (0: it ends today). */
export function daysUntil(today: string, lastDay: string): number {
  return Math.round((Date.parse(`${lastDay}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/**
 * Certificates in force that end within `days` days of `today` (today included, the last day
 * `days` days later), soonest first: the subject renews them before they lapse.
 */
export function expiringWithin<T extends Pick<CertificateFacts, 'status' | 'validTo' | 'validFrom'>>(certificates: readonly T[], today: string, days: number): Array<T & { daysLeft: number }> {
  return certificates
    .filter((c) => c.status === 'valid' && c.validFrom <= today && today <= c.validTo && daysUntil(today, c.validTo) <= days)
    .map((c) => ({ ...c, daysLeft: daysUntil(today, c.validTo) }))
    .sort((a, b) => a.daysLeft - b.daysLeft);
}

/**
 * Has this certificate been renewed: does its officer hold another, 有效, covering all its fields
 * and lasting beyond it? A renewed certificate needs no warning.
 */
export function isRenewed(certificate: Pick<CertificateFacts, 'officerId' | 'validTo' | 'fields'>, all: readonly CertificateFacts[]): boolean {
  // Lasting beyond it, the other can never be the certificate itself.
  return all.some((other) => other.officerId === certificate.officerId && other.status === 'valid'
    && other.validTo > certificate.validTo && certificate.fields.every((f) => other.fields.includes(f)));
}
