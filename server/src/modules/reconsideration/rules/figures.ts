// Reconsideration figures of METRICS.md from case dates and conclusions: how many were received
// and concluded, by conclusion, 纠错率 and the average days to conclude. Over a period a case
// counts as received by its received_on and as concluded (with its conclusion) by concluded_on.
import { daysDisplay, NO_FIGURE } from '../reconsideration.strings.js';
import { DECISION_KEYS, listDecisions, type DecisionKey } from './decisions.js';
import { isoDayNumber } from './iso-day.js';

/** What the figures need of a case; an ImportRow is one. */
export interface CaseFacts {
  receivedOn: string;
  /** Null while the case is open. */
  concludedOn: string | null;
  decisionKey: DecisionKey | null;
}

/** Whole days, both ends included (`YYYY-MM-DD`). */
export interface FigurePeriod {
  from: string;
  to: string;
}

export interface Rate {
  numerator: number;
  denominator: number;
  /** numerator / denominator, or null where the denominator is zero. */
  value: number | null;
  /** Whole percent, half up, as the published reports write it (163/399 → "41%"); "—" when value is null. */
  display: string;
  /** Two decimals of a percent, half up, as METRICS.md shows rates (163/399 → "40.85%"). */
  displayPrecise: string;
}

export interface AverageDays {
  /** Sum of (concluded_on − received_on) in calendar days. */
  numerator: number;
  denominator: number;
  value: number | null;
  /** One decimal, half up ("45.3天"); "—" when nothing concluded. */
  display: string;
}

export interface ReconsiderationFigures {
  received: number;
  concluded: number;
  /** Received by the end of the period and not concluded by then. */
  open: number;
  byDecision: Record<DecisionKey, number>;
  correctionRate: Rate;
  averageDays: AverageDays;
}

// Integer arithmetic throughout, so 1/8 shows 13% and 12.50%, never a binary 12.499….
function halfUp(numerator: number, denominator: number, scale: number): number {
  return Math.floor((2 * scale * numerator + denominator) / (2 * denominator));
}

export function percentRate(numerator: number, denominator: number): Rate {
  if (denominator === 0) return { numerator, denominator, value: null, display: NO_FIGURE, displayPrecise: NO_FIGURE };
  const hundredths = halfUp(numerator, denominator, 10_000);
  return {
    numerator,
    denominator,
    value: numerator / denominator,
    display: `${halfUp(numerator, denominator, 100)}%`,
    displayPrecise: `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}%`,
  };
}

export function averageDays(totalDays: number, cases: number): AverageDays {
  if (cases === 0) return { numerator: totalDays, denominator: cases, value: null, display: NO_FIGURE };
  const tenths = halfUp(totalDays, cases, 10);
  return {
    numerator: totalDays,
    denominator: cases,
    value: totalDays / cases,
    display: daysDisplay(`${Math.floor(tenths / 10)}.${tenths % 10}`),
  };
}

function day(text: string, what: string): number {
  const n = isoDayNumber(text);
  if (n === null) throw new Error(`reconsiderationFigures: ${what} must be YYYY-MM-DD, not ${text}`);
  return n;
}

export function reconsiderationFigures(cases: readonly CaseFacts[], period?: FigurePeriod): ReconsiderationFigures {
  const from = period ? day(period.from, 'period.from') : -Infinity;
  const to = period ? day(period.to, 'period.to') : Infinity;
  if (from > to) throw new Error(`reconsiderationFigures: period ${period?.from}..${period?.to} ends before it starts`);
  const corrections = new Set(listDecisions().filter((d) => d.correction).map((d) => d.key));
  const byDecision = Object.fromEntries(DECISION_KEYS.map((key) => [key, 0])) as Record<DecisionKey, number>;
  let received = 0;
  let concluded = 0;
  let open = 0;
  let corrected = 0;
  let totalDays = 0;
  for (const c of cases) {
    const receivedOn = day(c.receivedOn, 'receivedOn');
    const concludedOn = c.concludedOn === null ? null : day(c.concludedOn, 'concludedOn');
    if (receivedOn >= from && receivedOn <= to) received++;
    if (receivedOn <= to && (concludedOn === null || concludedOn > to)) open++;
    if (concludedOn === null || concludedOn < from || concludedOn > to) continue;
    concluded++;
    totalDays += concludedOn - receivedOn;
    if (c.decisionKey === null) continue;
    byDecision[c.decisionKey]++;
    if (corrections.has(c.decisionKey)) corrected++;
  }
  return {
    received,
    concluded,
    open,
    byDecision,
    correctionRate: percentRate(corrected, concluded),
    averageDays: averageDays(totalDays, concluded),
  };
}
