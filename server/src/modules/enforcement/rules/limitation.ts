import { PENALTY_LAW, type PenaltyLaw } from './penalty-law.js';

/**
 * 追责时效 (art. 36): no penalty for an act not discovered within two years of its end (five when
 * it touches citizens' life, health or financial security with harm done). Counted as 民法典
 * arts. 201–202 count years: from the next day, ending on the same date (the month's last day
 * when there is none), so an act ended on 2024-03-10 may be discovered up to 2026-03-10.
 */
export function lastDayOfDiscovery(actEndedOn: string, longer: boolean, law: PenaltyLaw = PENALTY_LAW): string {
  const [y, m, d] = actEndedOn.split('-').map(Number) as [number, number, number];
  const years = longer ? law.limitation.longerYears : law.limitation.years;
  // 29 February has no twin in a common year: the period ends on 28 February.
  const last = new Date(Date.UTC(y + years, m - 1, d));
  if (last.getUTCMonth() !== m - 1) last.setUTCDate(0);
  return last.toISOString().slice(0, 10);
}

export function withinLimitation(actEndedOn: string, discoveredOn: string, longer: boolean, law: PenaltyLaw = PENALTY_LAW): boolean {
  return discoveredOn <= lastDayOfDiscovery(actEndedOn, longer, law);
}
