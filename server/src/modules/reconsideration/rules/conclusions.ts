import { DECISION_WORDING } from '../workflow.strings.js';

/** Decisions on the merits (行政复议法 arts. 63–69): the values the decide action takes. */
export const MERITS_DECISIONS = ['uphold', 'dismiss', 'revoke', 'vary', 'confirm_illegal', 'order_performance', 'confirm_void', 'order_reply'] as const;


/** How the decision reads in the 决定书. */
export function decisionWording(key: string): string {
  return (DECISION_WORDING as Record<string, string>)[key] ?? key;
}

/** Conclusions that correct the respondent (METRICS.md 纠错率): 撤销, 变更, 确认违法, 确认无效, 责令履行 (incl. 责令答复), and withdrawal after its own correction. */
export const CORRECTION_KEYS = ['revoke', 'vary', 'confirm_illegal', 'confirm_void', 'order_performance', 'order_reply', 'respondent_corrected'] as const;
