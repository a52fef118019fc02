/** Weekly volume of a topic at a place around the day it became a governance topic. */
export interface VolumeChange {
  /** Requests per week over the `weeks` weeks before the start. */
  beforePerWeek: number;
  /** Requests per week since the start (whole and partial weeks together), null before a day has passed. */
  afterPerWeek: number | null;
  /** (after − before) / before; null when either side is missing or the base is zero. */
  change: number | null;
  /** Counts per week: `weeks` weeks before the start, then each week after it up to now. */
  weekly: Array<{ weekStart: string; count: number; after: boolean }>;
}

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
