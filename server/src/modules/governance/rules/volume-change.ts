import type { VolumeChange } from '../../../../../contracts/governance.js';

export type { VolumeChange };

const DAY = 86_400_000;
const WEEK = 7 * DAY;

/** Weeks are 7 × 24 h windows anchored at the start, so "before" and "after" never share a day. */
export function volumeChange(receivedAt: Date[], startedAt: Date, now: Date, weeks = 8): VolumeChange {
  const start = startedAt.getTime();
  // The week holding `now` counts too, however little of it has passed.
  const weeksAfter = now.getTime() >= start ? Math.floor((now.getTime() - start) / WEEK) + 1 : 0;
  const counts = new Array<number>(weeks + weeksAfter).fill(0);
  for (const at of receivedAt) {
    const offset = Math.floor((at.getTime() - start) / WEEK);
    const i = offset + weeks;
    if (i >= 0 && i < counts.length && at.getTime() <= now.getTime()) counts[i]!++;
  }
  const before = counts.slice(0, weeks).reduce((s, n) => s + n, 0) / weeks;
  const elapsedDays = (now.getTime() - start) / DAY;
  const afterTotal = counts.slice(weeks).reduce((s, n) => s + n, 0);
  const afterPerWeek = elapsedDays >= 1 ? afterTotal / (elapsedDays / 7) : null;
  return {
    beforePerWeek: before,
    afterPerWeek,
    change: afterPerWeek !== null && before > 0 ? (afterPerWeek - before) / before : null,
    weekly: counts.map((count, i) => ({ weekStart: new Date(start + (i - weeks) * WEEK).toISOString(), count, after: i >= weeks })),
  };
}
