import { formatDay, parseDay } from '../../clock/index.js';
import { PENALTY_LAW, type PenaltyLaw } from './penalty-law.js';

export interface SurchargeInput {
  fineFen: number;
  /** The last day to pay (xzcf.fine.payment from the decision's receipt, or the approved 暂缓/分期 day). */
  dueOn: string;
  /** The day paid, or the day the surcharge is counted to. */
  until: string;
  /** Days of 行政复议 or 行政诉讼 (both ends included), which do not count (art. 73(3)). */
  appeals?: readonly { from: string; to: string }[];
}

export interface Surcharge {
  /** Days late that count. */
  days: number;
  surchargeFen: number;
  /** The cap (the fine itself) was reached. */
  capped: boolean;
  /** The first day the cap is reached, when it is. */
  cappedOn?: string;
}

/**
 * 加处罚款 (art. 72(1)(一)): 3 % of the fine for each day after the last day to pay, never more
 * than the fine; days under reconsideration or litigation are not counted. Rounded down to the fen.
 */
export function lateSurcharge(input: SurchargeInput, law: PenaltyLaw = PENALTY_LAW): Surcharge {
  const due = parseDay(input.dueOn);
  const until = parseDay(input.until);
  const paused = new Set<number>();
  for (const a of input.appeals ?? []) for (let d = parseDay(a.from); d <= parseDay(a.to); d++) paused.add(d);
  const perDay = (input.fineFen * law.lateSurcharge.dailyRatePercent) / 100;
  const cap = law.lateSurcharge.capIsFine ? input.fineFen : Infinity;
  let days = 0;
  let cappedOn: string | undefined;
  for (let d = due + 1; d <= until; d++) {
    if (paused.has(d)) continue;
    days++;
    if (cappedOn === undefined && days * perDay >= cap) cappedOn = formatDay(d);
  }
  const surchargeFen = Math.min(Math.floor(days * perDay), cap);
  return { days, surchargeFen, capped: surchargeFen === cap, ...(cappedOn ? { cappedOn } : {}) };
}
