import { DECISION_WORDING } from '../workflow.strings.js';

/** Decisions on the merits (行政复议法 arts. 63–69): the values the decide action takes. */
export const MERITS_DECISIONS = ['uphold', 'dismiss', 'revoke', 'vary', 'confirm_illegal', 'order_performance', 'confirm_void', 'order_reply'] as const;


/** How the decision reads in the 决定书. */
export function decisionWording(key: string): string {
  return (DECISION_WORDING as Record<string, string>)[key] ?? key;
}
