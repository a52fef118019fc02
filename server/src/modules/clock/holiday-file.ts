import { readFileSync } from 'node:fs';
import { addHolidayYears, formatDay, parseDay, yearOf, type HolidayYear } from './calendar.js';
import { ClockError } from './clock-errors.js';

const problemsText = {
  unreadable: (file: string) => `读不到节假日文件 ${file}`,
  notJson: '不是有效的 JSON',
  noYears: '应为 { "years": [ … ] }，每项一年',
  year: (i: number) => `第 ${i + 1} 项：year 应为四位年份`,
  source: (year: number) => `${year} 年：source 应写明依据（国务院办公厅关于${year}年部分节假日安排的通知及其文号）`,
  list: (year: number, name: string) => `${year} 年：${name} 应为日期列表`,
  day: (year: number, name: string, value: unknown) => `${year} 年 ${name}：「${String(value)}」不是该年的 YYYY-MM-DD 日期`,
  newYear: (year: number) => `${year} 年：holidays 须含元旦 ${year}-01-01`,
  notWeekend: (year: number, day: string) => `${year} 年 workdays：${day} 不是周六或周日，调休上班日只能是周末`,
  both: (year: number, day: string) => `${year} 年：${day} 同时列为放假日和上班日`,
  twice: (year: number) => `${year} 年出现了两次`,
  invalid: (file: string, problems: string[]) => `节假日文件 ${file} 有误，未采用：\n  ${problems.join('\n  ')}`,
};

/**
 * Reads and checks a county's holiday file: for each year the State Council's rest days and
 * make-up working days, with the notice they come from. Any problem refuses the whole file.
 */
export function parseHolidayFile(text: string, file: string): HolidayYear[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ClockError('HOLIDAY_FILE_INVALID', problemsText.invalid(file, [problemsText.notJson]));
  }
  const years = (raw as { years?: unknown } | null)?.years;
  if (!Array.isArray(years) || years.length === 0) throw new ClockError('HOLIDAY_FILE_INVALID', problemsText.invalid(file, [problemsText.noYears]));
  const problems: string[] = [];
  const out: HolidayYear[] = [];
  const seen = new Set<number>();
  years.forEach((entry: unknown, i) => {
    const e = (entry ?? {}) as Record<string, unknown>;
    const year = e.year;
    if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2100) {
      problems.push(problemsText.year(i));
      return;
    }
    if (seen.has(year)) problems.push(problemsText.twice(year));
    seen.add(year);
    if (typeof e.source !== 'string' || e.source.trim().length < 8) problems.push(problemsText.source(year));
    const days = (name: 'holidays' | 'workdays'): string[] => {
      const list = e[name];
      if (!Array.isArray(list)) {
        problems.push(problemsText.list(year, name));
        return [];
      }
      const valid: string[] = [];
      for (const value of list) {
        let day: number | null = null;
        try {
          day = typeof value === 'string' ? parseDay(value) : null;
        } catch {
          day = null;
        }
        if (day === null || yearOf(day) !== year) problems.push(problemsText.day(year, name, value));
        else valid.push(formatDay(day));
      }
      return valid;
    };
    const holidays = days('holidays');
    const workdays = days('workdays');
    if (Array.isArray(e.holidays) && !holidays.includes(`${year}-01-01`)) problems.push(problemsText.newYear(year));
    for (const day of workdays) {
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      if (weekday !== 0 && weekday !== 6) problems.push(problemsText.notWeekend(year, day));
      if (holidays.includes(day)) problems.push(problemsText.both(year, day));
    }
    out.push({ year, source: String(e.source ?? ''), holidays, workdays });
  });
  if (problems.length) throw new ClockError('HOLIDAY_FILE_INVALID', problemsText.invalid(file, problems));
  return out;
}

/** Reads the file and adds its years to the calendar; what the server and the CLI do at start. */
export function installHolidayFile(file: string): { added: number[]; alreadyKnown: number[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ClockError('HOLIDAY_FILE_INVALID', problemsText.unreadable(file));
  }
  return addHolidayYears(parseHolidayFile(text, file));
}
