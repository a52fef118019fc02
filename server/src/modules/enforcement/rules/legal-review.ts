import { PENALTY_LAW, type LegalReviewGround, type PenaltyLaw } from './penalty-law.js';

export interface MajorCaseFacts {
  /** A hearing was held (art. 58(1)(二)). */
  hearingHeld: boolean;
  /** Grounds the handler or the subject's 重大执法决定 catalogue marks on the case. */
  marked: readonly LegalReviewGround[];
}

/** Why the decision needs 法制审核 before it may be signed (art. 58); empty when it does not. */
export function legalReviewGrounds(facts: MajorCaseFacts, law: PenaltyLaw = PENALTY_LAW): string[] {
  const keys = new Set<LegalReviewGround>(facts.marked);
  if (facts.hearingHeld) keys.add('hearing_held');
  return (Object.keys(law.legalReview.grounds) as LegalReviewGround[]).filter((k) => keys.has(k)).map((k) => law.legalReview.grounds[k]);
}

export interface ReviewGate {
  grounds: readonly string[];
  /** The latest review's outcome, if any. */
  review?: { passed: boolean; reviewerId: number };
  /** The officers who investigated the case (handlers). */
  handlerIds: readonly number[];
}

export type GateVerdict = { open: true } | { open: false; reason: string };

/**
 * A decision that needs review may be signed only after a review that passed, by someone who
 * did not handle the case. Checked when deciding, whatever the route.
 */
export function legalReviewGate(gate: ReviewGate): GateVerdict {
  if (!gate.grounds.length) return { open: true };
  if (!gate.review) return { open: false, reason: `本案须经法制审核（${gate.grounds.join('；')}），审核通过前不得作出决定` };
  if (gate.handlerIds.includes(gate.review.reviewerId)) return { open: false, reason: '法制审核人员不得是本案的承办人员，须由他人重新审核' };
  if (!gate.review.passed) return { open: false, reason: '法制审核未通过，不得作出决定' };
  return { open: true };
}
