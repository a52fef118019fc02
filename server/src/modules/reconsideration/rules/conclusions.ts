import { DECISION_WORDING } from '../reconsideration.strings.js';
import { listDecisions } from './decisions.js';

/** Decisions on the merits (行政复议法 arts. 63–69): the values the decide action takes. */
export const MERITS_DECISIONS: readonly string[] = listDecisions().filter((d) => d.kind === 'decision').map((d) => d.key);

/** Conclusions that correct the respondent (METRICS.md 纠错率), from data/decisions.json. */
export const CORRECTION_KEYS: readonly string[] = listDecisions().filter((d) => d.correction).map((d) => d.key);

/** Every conclusion's Chinese name, as the import file and reports write it. */
export const CONCLUSION_LABELS: Readonly<Record<string, string>> = Object.fromEntries(listDecisions().map((d) => [d.key, d.value]));

/** How a decision on the merits reads in the 决定书. */
export function decisionWording(key: string): string {
  return (DECISION_WORDING as Record<string, string>)[key] ?? key;
}
