import type { Period } from '../operations/compute-hotline-figures.js';

/** Whole days in China's time zone: from 00:00 of `from` up to (not including) the day after `to`. */
export function periodFromDates(from: string, to: string): Period | null {
  const start = new Date(`${from}T00:00:00+08:00`);
  const end = new Date(new Date(`${to}T00:00:00+08:00`).getTime() + 86_400_000);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || start >= end) return null;
  return { from: start, to: end };
}
