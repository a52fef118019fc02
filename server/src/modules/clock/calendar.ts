import { createRequire } from 'node:module';
import { ClockError } from './clock-errors.js';

const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day as a whole number of days since 1970-01-01, free of any time zone. */
export type DayNumber = number;

/** Parses a strict `YYYY-MM-DD` day; anything else (including 2025-02-30) is INVALID_DATE. */
export function parseDay(date: string): DayNumber {
  const match = ISO_DAY.exec(date);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const ms = Date.UTC(year, month - 1, day);
    const back = new Date(ms);
    if (back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day) {
      return ms / MS_PER_DAY;
    }
  }
  throw new ClockError('INVALID_DATE', `日期无效：「${date}」，应为 YYYY-MM-DD 格式的真实日期`);
}

export function formatDay(day: DayNumber): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOf(day: DayNumber): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

interface HolidayData {
  /** Rest days (放假) keyed `YYYY-MM-DD`. */
  holidays: Set<string>;
  /** Make-up working days (调休上班) keyed `YYYY-MM-DD`. */
  workdays: Set<string>;
  years: Set<number>;
}

/** One year's State Council schedule as a county enters it before the package has it. */
export interface HolidayYear {
  year: number;
  source: string;
  holidays: readonly string[];
  workdays: readonly string[];
}

/**
 * Adds years the installed package does not know yet (the State Council publishes the next
 * year's schedule in November; a package update may come weeks later). A year the package
 * already has is kept as the package says; it is returned so the caller can say so.
 */
export function addHolidayYears(years: readonly HolidayYear[]): { added: number[]; alreadyKnown: number[] } {
  const data = loadHolidayData();
  const added: number[] = [];
  const alreadyKnown: number[] = [];
  for (const y of years) {
    if (data.years.has(y.year)) {
      alreadyKnown.push(y.year);
      continue;
    }
    for (const day of y.holidays) data.holidays.add(day);
    for (const day of y.workdays) data.workdays.add(day);
    data.years.add(y.year);
    added.push(y.year);
  }
  return { added, alreadyKnown };
}

let holidayData: HolidayData | undefined;

// chinese-days' functions build and read their tables with local-time getters, so west of UTC
// they report the wrong weekday (2025-06-14, a Saturday, comes out as a workday in New York).
// Its documented JSON export holds the same tables keyed by plain dates, free of time zones.
function loadHolidayData(): HolidayData {
  if (holidayData) return holidayData;
  const raw: unknown = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json');
  const tables = raw as { holidays?: unknown; workdays?: unknown } | null;
  const keys = (table: unknown, name: string): string[] => {
    if (typeof table !== 'object' || table === null) throw new Error(`clock: chinese-days.json has no ${name} table`);
    return Object.keys(table);
  };
  const holidays = keys(tables?.holidays, 'holidays');
  const workdays = keys(tables?.workdays, 'workdays');
  // A year is known once the package lists its holidays; each State Council notice covers one year.
  const years = new Set(holidays.map((day) => yearOf(parseDay(day))));
  holidayData = { holidays: new Set(holidays), workdays: new Set(workdays), years };
  return holidayData;
}

/** The years the installed `chinese-days` data covers, read from the package itself. */
export function coveredYears(): { first: number; last: number } {
  const years = [...loadHolidayData().years];
  if (years.length === 0) {
    throw new ClockError('CALENDAR_YEAR_UNKNOWN', '节假日日历不包含任何年份，无法计算期限；请检查 chinese-days 日历数据');
  }
  return { first: Math.min(...years), last: Math.max(...years) };
}

/** Throws CALENDAR_YEAR_UNKNOWN unless the holiday data covers the day's year (ruling 9). */
export function assertKnownDay(day: DayNumber): void {
  const year = yearOf(day);
  if (!loadHolidayData().years.has(year)) {
    throw new ClockError(
      'CALENDAR_YEAR_UNKNOWN',
      `节假日日历不包含 ${year} 年，无法计算期限；请更新 chinese-days 日历数据，或按国务院办公厅通知填写节假日文件（FAZHI_HOLIDAYS_FILE，见 docs/holidays.md）`,
    );
  }
}

export function isWorkingDayNumber(day: DayNumber): boolean {
  assertKnownDay(day);
  const { holidays, workdays } = loadHolidayData();
  const date = formatDay(day);
  if (workdays.has(date)) return true;
  // 1970-01-01 (day 0) was a Thursday.
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday >= 1 && weekday <= 5 && !holidays.has(date);
}

/**
 * Monday–Friday except State Council holidays, plus make-up workdays (调休上班) even on a
 * weekend (ruling 3). Outside the covered years: CALENDAR_YEAR_UNKNOWN.
 */
export function isWorkingDay(date: string): boolean {
  return isWorkingDayNumber(parseDay(date));
}
