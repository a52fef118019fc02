import { ClockError } from '../clock-errors.js';
import type { ClockRule } from '../rule-catalogue.js';
import { computeDueDate, computeDueInstant, endOfShanghaiDay, shanghaiDay, type Suspension } from './compute-due-date.js';

/** A span during which a running clock stood still (中止 … 恢复); `to` null while it still stands. */
export interface Pause {
  from: Date;
  to: Date | null;
}

export interface ClockTimingOptions {
  /** How many extensions were granted; the rule's extension applies once any is. */
  extended?: number;
  pauses?: readonly Pause[];
}

/**
 * The whole days a pause takes out of a day-based period, as the product rules (STATUTES.md
 * ruling 7): the day the clock was suspended and the day it resumed both stop counting, and
 * counting goes on the day after resumption, as if that day were a new start day (not
 * counted, 民法典 art. 201). Suspended on Tue 3 March and resumed on Thu 5 March, the clock
 * loses the 3rd, 4th and 5th.
 */
export function pausedDays(pauses: readonly Pause[]): Suspension[] {
  return pauses.map((p) => {
    if (!p.to) throw new ClockError('INVALID_SUSPENSION', '期限仍在中止中，恢复后才能计算届满日');
    if (p.to < p.from) throw new ClockError('INVALID_SUSPENSION', '恢复时间早于中止时间');
    return { from: shanghaiDay(p.from), to: shanghaiDay(p.to) };
  });
}

/**
 * When a clock started at `start` runs out, after its extensions and pauses. Hour clocks move
 * by the paused wall-clock time; day clocks skip the paused days (see `pausedDays`).
 */
export function clockDueInstant(rule: ClockRule, start: Date, options: ClockTimingOptions = {}): Date {
  const extend = (options.extended ?? 0) > 0;
  const pauses = options.pauses ?? [];
  if (rule.direction === 'before') {
    throw new ClockError('INVALID_SUSPENSION', `「${rule.id}」是向前倒算的通知期限，应以事件日计算最迟通知日`);
  }
  if (rule.unit === 'hours') {
    const base = computeDueInstant(rule, start, { extend });
    const pausedMs = pauses.reduce((sum, p) => {
      if (!p.to) throw new ClockError('INVALID_SUSPENSION', '期限仍在中止中，恢复后才能计算届满日');
      return sum + Math.max(0, p.to.getTime() - p.from.getTime());
    }, 0);
    return new Date(base.getTime() + pausedMs);
  }
  return computeDueInstant(rule, start, { extend, suspensions: pausedDays(pauses) });
}

/**
 * The end of the latest day on which notice of an event on `eventDay` may still be given
 * under a 'before' rule (e.g. 听证通知 five working days before the hearing): 24:00
 * Asia/Shanghai of that day. STATUTES.md ruling 6.
 */
export function noticeDeadline(rule: ClockRule, eventDay: string): Date {
  if (rule.direction !== 'before') throw new ClockError('INVALID_DATE', `「${rule.id}」不是向前倒算的通知期限`);
  return endOfShanghaiDay(computeDueDate(rule, eventDay));
}
