import { readFileSync } from 'node:fs';
import { repoPath } from '../../../platform/repo-path.js';

export type PartyKind = 'person' | 'organisation';
export type PenaltyKind =
  | 'warning'
  | 'circulated_criticism'
  | 'fine'
  | 'confiscate_gains'
  | 'confiscate_property'
  | 'suspend_licence'
  | 'lower_qualification'
  | 'revoke_licence'
  | 'restrict_business'
  | 'suspend_business'
  | 'order_closure'
  | 'restrict_practice'
  | 'detention'
  | 'other';

/** One penalty of a decision; money in fen (分), so sums and percentages stay exact. */
export interface Penalty {
  kind: PenaltyKind;
  amountFen?: number;
}

type ByParty = Record<PartyKind, number>;

/** What the law says, as data (data/penalty-law.json, each part with its article). */
export interface PenaltyLaw {
  summaryProcedure: { article: string; maxFineYuan: ByParty; otherPenaltiesAllowed: PenaltyKind[] };
  penaltyKinds: { article: string; kinds: Record<PenaltyKind, string> };
  hearingRight: {
    article: string;
    kinds: Partial<Record<PenaltyKind, string>>;
    largeFine: string;
    largeConfiscation: string;
    hearingAmounts: { source: string; fineYuan: ByParty; confiscationYuan: ByParty };
  };
  legalReview: { article: string; grounds: Record<LegalReviewGround, string> };
  collectiveDiscussion: { article: string; note: string };
  lateSurcharge: { article: string; dailyRatePercent: number; capIsFine: boolean };
  enforcementApplication: { article: string; applyWithinMonths: number; afterReminderDays: number };
  limitation: { article: string; years: number; longerYears: number };
  noPenalty: { article: string; grounds: Record<NoPenaltyGround, string> };
}

export type LegalReviewGround = 'public_interest' | 'hearing_held' | 'complex' | 'other_law';
export type NoPenaltyGround = 'minor_corrected' | 'first_violation' | 'no_fault' | 'beyond_limitation';

export const PENALTY_LAW: PenaltyLaw = Object.freeze(
  JSON.parse(readFileSync(repoPath('server/src/modules/enforcement/data/penalty-law.json'), 'utf8')) as PenaltyLaw,
);

export const yuanToFen = (yuan: number): number => Math.round(yuan * 100);
