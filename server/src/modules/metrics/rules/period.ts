import type { DateRange } from '../../../../../contracts/statistics.js';

export interface Period {
  from: Date;
  /** Exclusive. */
  to: Date;
}

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whole days in China's time zone: from 00:00 of `from` up to (not including) the day after `to`. */
export function periodFromDates(from: string, to: string): Period | null {
  if (!DATE.test(from) || !DATE.test(to)) return null;
  const start = new Date(`${from}T00:00:00+08:00`);
  const end = new Date(new Date(`${to}T00:00:00+08:00`).getTime() + DAY_MS);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || start >= end || chinaDate(start) !== from) return null;
  return { from: start, to: end };
}

/** The calendar day (China time) of an instant. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

const shiftDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Longest period a dashboard, ranking or `fazhi stats` covers (about three years). */
export const MAX_PERIOD_DAYS = 1100;

export function daysIn(range: DateRange): number {
  return Math.round((Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** Every day of a range, in order. */
export function eachDay(range: DateRange): string[] {
  return Array.from({ length: daysIn(range) }, (_, i) => shiftDays(range.from, i));
}

/** 环比: the range of the same length just before; a whole month compares with the whole month before. */
export function previousRange(range: DateRange): DateRange {
  if (isWholeMonths(range)) {
    const months = monthsBetween(range);
    return { from: addMonths(range.from, -months), to: shiftDays(range.from, -1) };
  }
  return { from: shiftDays(range.from, -daysIn(range)), to: shiftDays(range.from, -1) };
}

/** 同比: the same days a year earlier (29 February becomes 28 February). */
export function lastYearRange(range: DateRange): DateRange {
  return { from: minusYear(range.from), to: minusYear(range.to) };
}

function minusYear(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return `${y - 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function addMonths(date: string, months: number): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  return first.toISOString().slice(0, 10);
}

function isWholeMonths(range: DateRange): boolean {
  const next = shiftDays(range.to, 1);
  return range.from.endsWith('-01') && next.endsWith('-01');
}

function monthsBetween(range: DateRange): number {
  const [fy, fm] = range.from.split('-').map(Number) as [number, number];
  const [ty, tm] = range.to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}

/** An instant as China's wall-clock time, "2026-03-02 08:30", for tables people read. */
export function chinaDateTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The whole calendar month, "2026-03-01" to "2026-03-31". */
export function monthRange(year: number, month: number): DateRange {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const m = String(month).padStart(2, '0');
  return { from: `${year}-${m}-01`, to: `${year}-${m}-${String(last).padStart(2, '0')}` };
}

/** Whether a range is exactly one calendar month. */
export function isWholeMonth(range: DateRange): boolean {
  const [y, m] = range.from.split('-').map(Number) as [number, number];
  const whole = monthRange(y, m);
  return whole.from === range.from && whole.to === range.to;
}
