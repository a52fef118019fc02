import {
  assertKnownDay,
  formatDay,
  isWorkingDayNumber,
  parseDay,
  type DayNumber,
} from '../calendar.js';
import { ClockError } from '../clock-errors.js';
import type { ClockRule, RuleUnit } from '../rule-catalogue.js';

/** Whole days on which the clock stands still, `from` and `to` both included (ruling 7). */
export interface Suspension {
  from: string;
  to: string;
}

export interface DueDateOptions {
  /** Apply the rule's extension (延长), counted from the same start (ruling 5). */
  extend?: boolean;
  suspensions?: readonly Suspension[];
}

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;
// Asia/Shanghai has kept UTC+8 with no daylight saving since 1991, so a fixed offset is exact.
const SHANGHAI_OFFSET_MS = 8 * MS_PER_HOUR;

function totalUnits(rule: ClockRule, extend: boolean | undefined): number {
  if (!extend) return rule.n;
  if (!rule.extension) {
    throw new ClockError('EXTENSION_NOT_ALLOWED', `期限规则「${rule.id}」（${rule.law}）没有可延长的规定`);
  }
  if (rule.extension.unit !== rule.unit) {
    throw new ClockError('EXTENSION_NOT_ALLOWED', `期限规则「${rule.id}」的延长单位与期限单位不一致，无法计算`);
  }
  return rule.n + rule.extension.n;
}

function suspendedDays(suspensions: readonly Suspension[] | undefined, start: DayNumber): Set<DayNumber> {
  const days = new Set<DayNumber>();
  for (const { from, to } of suspensions ?? []) {
    let first: DayNumber;
    let last: DayNumber;
    try {
      first = parseDay(from);
      last = parseDay(to);
    } catch {
      throw new ClockError('INVALID_SUSPENSION', `中止期间的日期无效：${from} 至 ${to}`);
    }
    if (first > last) throw new ClockError('INVALID_SUSPENSION', `中止期间起日晚于止日：${from} 至 ${to}`);
    if (first < start) {
      throw new ClockError('INVALID_SUSPENSION', `中止期间 ${from} 早于期限起算日 ${formatDay(start)}`);
    }
    for (let day = first; day <= last; day++) days.add(day);
  }
  return days;
}

/** Steps past `start` (not counted) until `n` countable days have passed, skipping suspended days. */
function countForward(
  start: DayNumber,
  n: number,
  paused: ReadonlySet<DayNumber>,
  counts: (day: DayNumber) => boolean,
): DayNumber {
  let day = start;
  for (let counted = 0; counted < n; ) {
    day++;
    if (!paused.has(day) && counts(day)) counted++;
  }
  return day;
}

/** Ruling 1's roll: a period ending on a non-working day ends on the next working day. */
function rollToWorkingDay(day: DayNumber, paused: ReadonlySet<DayNumber>): DayNumber {
  let due = day;
  while (paused.has(due) || !isWorkingDayNumber(due)) due++;
  return due;
}

/** 民法典 art. 202: the same day of the month, or the month's last day when there is none. */
function addMonths(start: DayNumber, months: number): DayNumber {
  const date = new Date(start * MS_PER_DAY);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastOfTarget = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(date.getUTCDate(), lastOfTarget)) / MS_PER_DAY;
}

/** Ruling 6: the latest day D from which `n` units forward (D not counted) reach `event` or earlier. */
function latestNoticeDay(unit: RuleUnit, n: number, event: DayNumber): DayNumber {
  switch (unit) {
    case 'calendar':
      return event - n;
    case 'working': {
      // D lies just before the n-th working day counted back from the event day itself.
      let day = event + 1;
      for (let counted = 0; counted < n; ) {
        day--;
        if (isWorkingDayNumber(day)) counted++;
      }
      return day - 1;
    }
    case 'months': {
      let day = event - 1;
      while (addMonths(day, n) > event) day--;
      return day;
    }
    case 'hours':
      throw hourRuleNeedsInstant();
  }
}

function hourRuleNeedsInstant(): ClockError {
  return new ClockError('INVALID_DATE', '按小时计算的期限需要具体时刻（YYYY-MM-DDTHH:mm），请用 computeDueInstant');
}

/**
 * The last day of a day-, working-day- or month-based period (STATUTES.md rulings 1–7), as
 * `YYYY-MM-DD`. For a 'before' rule `start` is the event day and the answer is the latest
 * notice day. Any day consulted outside the holiday data's years throws CALENDAR_YEAR_UNKNOWN.
 */
export function computeDueDate(rule: ClockRule, start: string, opts: DueDateOptions = {}): string {
  const startDay = parseDay(start);
  if (rule.unit === 'hours') throw hourRuleNeedsInstant();
  const n = totalUnits(rule, opts.extend);
  assertKnownDay(startDay);

  if (rule.direction === 'before') {
    if (opts.suspensions?.length) {
      throw new ClockError('INVALID_SUSPENSION', `「${rule.id}」是向前倒算的通知期限，不适用中止`);
    }
    return formatDay(latestNoticeDay(rule.unit, n, startDay));
  }

  const paused = suspendedDays(opts.suspensions, startDay);
  switch (rule.unit) {
    case 'working':
      return formatDay(countForward(startDay, n, paused, isWorkingDayNumber));
    case 'calendar':
      return formatDay(rollToWorkingDay(countForward(startDay, n, paused, () => true), paused));
    case 'months': {
      // Months become the equivalent calendar days so a suspension pushes the end day by day.
      const days = addMonths(startDay, n) - startDay;
      return formatDay(rollToWorkingDay(countForward(startDay, days, paused, () => true), paused));
    }
  }
}

/** The Asia/Shanghai calendar day of an instant, `YYYY-MM-DD`. */
export function shanghaiDay(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The instant a clock runs out. Hour rules add wall-clock hours (ruling 8); day rules end at
 * 24:00 Asia/Shanghai of the due day (民法典 art. 203), i.e. 00:00 +08:00 the next day.
 */
export function computeDueInstant(rule: ClockRule, startInstant: Date, opts: DueDateOptions = {}): Date {
  if (!(startInstant instanceof Date) || Number.isNaN(startInstant.getTime())) {
    throw new ClockError('INVALID_DATE', '起算时刻无效');
  }
  if (rule.unit === 'hours') {
    const hours = totalUnits(rule, opts.extend);
    if (opts.suspensions?.length) {
      throw new ClockError('INVALID_SUSPENSION', `「${rule.id}」按小时计算，不支持按日中止`);
    }
    return new Date(startInstant.getTime() + hours * MS_PER_HOUR);
  }
  return endOfShanghaiDay(computeDueDate(rule, shanghaiDay(startInstant), opts));
}

/** 24:00 Asia/Shanghai of a day (`YYYY-MM-DD`), i.e. 00:00 +08:00 of the next. */
export function endOfShanghaiDay(day: string): Date {
  return new Date((parseDay(day) + 1) * MS_PER_DAY - SHANGHAI_OFFSET_MS);
}
