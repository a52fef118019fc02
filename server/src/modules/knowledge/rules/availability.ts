import type { Unavailable } from '../../../../../contracts/knowledge.js';

export type { Unavailable };

export interface EntryStanding {
  state: string;
  validFrom: string;
  validUntil: string | null;
  reviewOn: string;
  expiredReason: 'validity' | 'review' | null;
}

/**
 * Whether an operator may answer from this entry on `today` (YYYY-MM-DD, China time): it must be
 * published, in force (valid from and until are both inclusive) and not past its review day. The
 * dates decide even before the clock sweep has marked the entry expired.
 */
export function unavailableReason(entry: EntryStanding, today: string): Unavailable | null {
  if (entry.state === 'draft' || entry.state === 'submitted' || entry.state === 'withdrawn') return entry.state;
  if (entry.state === 'expired') return entry.expiredReason === 'review' ? 'review_overdue' : 'validity_ended';
  if (entry.validUntil !== null && entry.validUntil < today) return 'validity_ended';
  if (entry.reviewOn < today) return 'review_overdue';
  if (entry.validFrom > today) return 'not_yet_valid';
  return null;
}

/** What a page shows of an entry's dates: the problem the owner must fix before it is published, or null. */
export function datesProblem(dates: { validFrom: string; validUntil: string | null; reviewOn: string }, today: string):
  'KB_VALIDITY_INVALID' | 'KB_REVIEW_DATE_PAST' | 'KB_VALIDITY_ENDED' | null {
  if (dates.validUntil !== null && dates.validUntil < dates.validFrom) return 'KB_VALIDITY_INVALID';
  if (dates.validUntil !== null && dates.validUntil < today) return 'KB_VALIDITY_ENDED';
  if (dates.reviewOn < today) return 'KB_REVIEW_DATE_PAST';
  return null;
}
