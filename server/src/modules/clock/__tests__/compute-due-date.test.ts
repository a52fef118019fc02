import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ClockError,
  computeDueDate,
  computeDueInstant,
  coveredYears,
  getRule,
  type ClockRule,
  type DueDateOptions,
} from '../index.js';

// Expected dates are worked out by hand from STATUTES.md part B's holiday tables.

function due(ruleId: string, start: string, opts?: DueDateOptions): string {
  return computeDueDate(getRule(ruleId), start, opts);
}

function assertClockError(fn: () => unknown, code: string): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof ClockError, `expected ClockError, got ${String(error)}`);
    assert.equal(error.code, code);
    return true;
  });
}

describe('STATUTES.md part B worked examples', () => {
  it('行政复议 accepted 2025-06-10 with extension ends 2025-09-08', () => {
    // 60 + 30 = 90 days from 06-10 is Monday 09-08, not 30 days after the rolled 08-11 (09-10).
    assert.equal(due('xzfy.decision', '2025-06-10', { extend: true }), '2025-09-08');
  });

  it('行政复议 accepted 2025-06-10 without extension rolls 08-09 (Sat) to 08-11', () => {
    assert.equal(due('xzfy.decision', '2025-06-10'), '2025-08-11');
  });

  it('信访 accepted 2025-08-02 with extension ends 2025-10-31', () => {
    // 90 days lands on Friday 10-31; the other reading (10-09 + 30 = Sat 11-08 → 11-10) is not used.
    assert.equal(due('xf.handle', '2025-08-02', { extend: true }), '2025-10-31');
  });

  it('信访 accepted 2025-08-02 without extension rolls 10-01 past 国庆 to 10-09', () => {
    assert.equal(due('xf.handle', '2025-08-02'), '2025-10-09');
  });

  it('a calendar period may end on make-up Sunday 2026-01-04 (行诉 appeal)', () => {
    // 2025-12-20 + 15 = 2026-01-04, a 调休上班 Sunday, so no roll.
    assert.equal(due('xzss.appeal.judgment', '2025-12-20'), '2026-01-04');
  });

  it('a six-month period may end on make-up Saturday 2026-02-28', () => {
    // 2025-08-31 + 6 months: February has no 31st, so month end 02-28, a 调休上班 Saturday.
    assert.equal(due('xzss.sue.direct', '2025-08-31'), '2026-02-28');
  });

  it('a working-day count may land on make-up Saturday 2025-10-11 (信息公开)', () => {
    // From Mon 09-08: 09-09..09-26 = 14, Sun 09-28 = 15, 09-29, 09-30 = 17, 国庆 skipped,
    // 10-09, 10-10 = 19, Sat 10-11 = 20.
    assert.equal(due('xxgk.reply', '2025-09-08'), '2025-10-11');
  });

  it('a working-day count may land on make-up Saturday 2026-02-28 (信息公开)', () => {
    // From Mon 01-26: 01-27..02-13 = 14, Sat 02-14 = 15, 春节 02-15..02-23 skipped, 02-24..02-27 = 19, 02-28 = 20.
    assert.equal(due('xxgk.reply', '2026-01-26'), '2026-02-28');
  });
});

describe('calendar and working periods across holidays', () => {
  it('working days across 春节 2025 count make-up Sunday 01-26', () => {
    // From Fri 01-24: Sun 01-26 = 1, 01-27 = 2, 01-28..02-04 off, 02-05, 02-06, 02-07 = 5.
    assert.equal(due('xzfy.accept.review', '2025-01-24'), '2025-02-07');
  });

  it('a calendar period ending inside 春节 2025 rolls to 02-05', () => {
    // 01-13 + 15 = 01-28, first rest day; the first working day after the break is Wed 02-05.
    assert.equal(due('xf.register', '2025-01-13'), '2025-02-05');
  });

  it('working days across 春节 2026 (9 days) count make-up Saturday 02-14', () => {
    // From Wed 02-11: 02-12, 02-13, Sat 02-14 = 3, 02-15..02-23 off, 02-24..02-27 = 7.
    assert.equal(due('xzfy.copy.respondent', '2026-02-11'), '2026-02-27');
  });

  it('a calendar period ending inside 春节 2026 rolls to 02-24', () => {
    // 02-01 + 15 = 02-16 (off); first working day after 02-23 is Tue 02-24.
    assert.equal(due('xzss.answer', '2026-02-01'), '2026-02-24');
  });

  it('working days across 国庆 2025 (8 days) count make-up Saturday 10-11', () => {
    // From Mon 09-29: 09-30 = 1, 10-01..10-08 off, 10-09, 10-10, Sat 10-11 = 4, Mon 10-13 = 5.
    assert.equal(due('xzcf.hearing.request', '2025-09-29'), '2025-10-13');
  });

  it('a calendar period ending inside 国庆 2025 rolls to 10-09', () => {
    // 09-17 + 15 = 10-02 (off) → Thu 10-09.
    assert.equal(due('xzcf.fine.payment', '2025-09-17'), '2025-10-09');
  });

  it('a calendar period ending on an ordinary working day does not move', () => {
    // 12-16 + 15 = Thu 2026-12-31, last covered day; nothing past it is consulted.
    assert.equal(due('xzss.answer', '2026-12-16'), '2026-12-31');
  });
});

describe('month periods (民法典 202)', () => {
  it('uses the same day of the month when it exists', () => {
    assert.equal(due('xzss.sue.direct', '2025-04-30'), '2025-10-30');
  });

  it('uses the month end when the day does not exist', () => {
    assert.equal(due('xzss.sue.direct', '2025-03-31'), '2025-09-30');
    assert.equal(due('xzss.sue.direct', '2025-08-29'), '2026-02-28'); // no 02-29 in 2026
    assert.equal(due('xzss.sue.direct', '2025-08-30'), '2026-02-28');
  });

  it('then rolls a holiday or weekend end forward (ruling 1)', () => {
    // 2025-10-01 is 国庆 → 10-09; 2025-11-30 is a Sunday → Mon 12-01.
    assert.equal(due('xzss.sue.direct', '2025-04-01'), '2025-10-09');
    assert.equal(due('xzss.sue.direct', '2025-05-31'), '2025-12-01');
  });
});

describe('extensions (ruling 5)', () => {
  it('adds working-day extensions as more working days from the same start', () => {
    // 20th working day is 10-11; 10-13..10-17 = 25, 10-20..10-24 = 30, 10-27..10-31 = 35, 11-03..11-07 = 40.
    assert.equal(due('xxgk.reply', '2025-09-08', { extend: true }), '2025-11-07');
  });

  it('counts the extended total from the start, then rolls once', () => {
    // 09-16 + 15 = 10-01 → 10-09; 09-16 + 25 = Sat 10-11, a make-up day, so it stays.
    assert.equal(due('tj.judicial.confirm.decide', '2025-09-16'), '2025-10-09');
    assert.equal(due('tj.judicial.confirm.decide', '2025-09-16', { extend: true }), '2025-10-11');
  });

  it('extends 行政处罚 cases by the SAMR 30 days', () => {
    // 06-03 + 90 = Mon 09-01; 06-03 + 120 = 10-01 → 10-09.
    assert.equal(due('xzcf.decision', '2025-06-03'), '2025-09-01');
    assert.equal(due('xzcf.decision', '2025-06-03', { extend: true }), '2025-10-09');
  });

  it('extends the 12345 general limit by 5 working days across 劳动节', () => {
    // From Wed 04-30: 05-01..05-05 off; 05-06..05-09 = 4, Mon 05-12 = 5, 05-13..05-16 = 9, 05-19 = 10.
    assert.equal(due('rx12345.general', '2025-04-30'), '2025-05-12');
    assert.equal(due('rx12345.general', '2025-04-30', { extend: true }), '2025-05-19');
  });

  it('refuses an extension the law does not give', () => {
    assertClockError(() => due('xzfy.apply', '2025-06-10', { extend: true }), 'EXTENSION_NOT_ALLOWED');
    assertClockError(() => due('xzfy.hearing.notice', '2025-10-13', { extend: true }), 'EXTENSION_NOT_ALLOWED');
  });

  it('treats extend: false like no option', () => {
    assert.equal(due('xzfy.apply', '2025-06-10', { extend: false }), due('xzfy.apply', '2025-06-10'));
  });
});

describe('"before" rules (ruling 6)', () => {
  it('counts back across a weekend', () => {
    // Hearing Wed 06-18, 7 working days: from Mon 06-09 the 7th working day is 06-18; from 06-10 it is 06-19.
    assert.equal(due('xzcf.hearing.notice', '2025-06-18'), '2025-06-09');
    // Hearing Mon 06-16, 5 working days: 06-10..06-13 + 06-16.
    assert.equal(due('xzfy.hearing.notice', '2025-06-16'), '2025-06-09');
  });

  it('counts back across 国庆 2025 and its make-up Saturday', () => {
    // Hearing Mon 10-13: from Mon 09-29 → 09-30, 10-09, 10-10, Sat 10-11, 10-13 = 5.
    assert.equal(due('xzfy.hearing.notice', '2025-10-13'), '2025-09-29');
    // Hearing Thu 10-09, 7 days: 09-24, 09-25, 09-26, Sun 09-28, 09-29, 09-30, 10-09 → notice by Tue 09-23.
    assert.equal(due('xzcf.hearing.notice', '2025-10-09'), '2025-09-23');
  });

  it('counts back across 春节 2026', () => {
    // Hearing Wed 02-25: from Wed 02-11 → 02-12, 02-13, Sat 02-14, 02-24, 02-25 = 5.
    assert.equal(due('xzfy.hearing.notice', '2026-02-25'), '2026-02-11');
  });

  it('may give a weekend day as the literal latest notice day', () => {
    // Hearing Fri 06-13: from Sun 06-08 the 5th working day is 06-13; from Mon 06-09 it is 06-16.
    assert.equal(due('xzfy.hearing.notice', '2025-06-13'), '2025-06-08');
  });

  it('supports calendar-day "before" rules by plain subtraction', () => {
    const rule: ClockRule = { ...getRule('xzfy.hearing.notice'), unit: 'calendar', n: 7 };
    assert.equal(computeDueDate(rule, '2025-10-13'), '2025-10-06');
  });

  it('refuses suspensions', () => {
    assertClockError(
      () => due('xzfy.hearing.notice', '2025-10-13', { suspensions: [{ from: '2025-10-01', to: '2025-10-02' }] }),
      'INVALID_SUSPENSION',
    );
  });
});

describe('suspensions (ruling 7)', () => {
  it('does not count suspended working days', () => {
    // Without: 20th working day after Mon 03-03 is Mon 03-31. Suspending 03-10..03-14 skips 5;
    // the count then reaches 03-31 = 15, 04-01..04-03 = 18, 04-04 清明 off, 04-07 = 19, 04-08 = 20.
    assert.equal(due('xxgk.reply', '2025-03-03'), '2025-03-31');
    assert.equal(due('xxgk.reply', '2025-03-03', { suspensions: [{ from: '2025-03-10', to: '2025-03-14' }] }), '2025-04-08');
  });

  it('does not count suspended calendar days, weekends included', () => {
    // Without: 03-03 + 60 = 05-02 (劳动节) → 05-06. With 10 days suspended: 03-03 + 70 = Mon 05-12.
    assert.equal(due('xzfy.decision', '2025-03-03'), '2025-05-06');
    assert.equal(due('xzfy.decision', '2025-03-03', { suspensions: [{ from: '2025-03-10', to: '2025-03-19' }] }), '2025-05-12');
  });

  it('counts overlapping suspensions once', () => {
    const suspensions = [
      { from: '2025-03-10', to: '2025-03-15' },
      { from: '2025-03-14', to: '2025-03-19' },
    ];
    assert.equal(due('xzfy.decision', '2025-03-03', { suspensions }), '2025-05-12');
  });

  it('pushes a month period by the suspended days', () => {
    // 03-31 + 6 months = 09-30 (183 days); 10 suspended days → Fri 10-10.
    assert.equal(due('xzss.sue.direct', '2025-03-31', { suspensions: [{ from: '2025-04-01', to: '2025-04-10' }] }), '2025-10-10');
  });

  it('combines with an extension', () => {
    // 90 days from 06-10 plus 5 suspended days: 09-08 + 5 = Sat 09-13 → Mon 09-15.
    const opts = { extend: true, suspensions: [{ from: '2025-07-01', to: '2025-07-05' }] };
    assert.equal(due('xzfy.decision', '2025-06-10', opts), '2025-09-15');
  });

  it('rejects malformed suspensions', () => {
    const bad = [
      { from: '2025-03-14', to: '2025-03-10' },
      { from: '2025-02-28', to: '2025-03-05' },
      { from: '2025-03-32', to: '2025-04-01' },
    ];
    for (const suspension of bad) {
      assertClockError(() => due('xxgk.reply', '2025-03-03', { suspensions: [suspension] }), 'INVALID_SUSPENSION');
    }
  });
});

describe('computeDueInstant', () => {
  it('adds wall-clock hours across midnight for hour rules (ruling 8)', () => {
    const start = new Date('2025-06-10T23:00:00+08:00');
    assert.equal(computeDueInstant(getRule('rx12345.urgent'), start).toISOString(), '2025-06-10T17:00:00.000Z');
  });

  it('runs hour clocks through holidays and year ends without the holiday calendar', () => {
    const start = new Date('2026-12-31T18:30:00+08:00');
    assert.equal(
      computeDueInstant(getRule('rx12345.utility'), start).toISOString(),
      new Date('2027-01-01T18:30:00+08:00').toISOString(),
    );
  });

  it('ends a day rule at 24:00 Beijing time of the due day', () => {
    const rule = getRule('xzfy.decision');
    // 01:00 on 06-10 Beijing is still 06-09 in UTC; the start day must be taken in Beijing time.
    const dueInstant = computeDueInstant(rule, new Date('2025-06-10T01:00:00+08:00'), { extend: true });
    assert.equal(dueInstant.toISOString(), new Date('2025-09-09T00:00:00+08:00').toISOString());
    const lastMinute = computeDueInstant(rule, new Date('2025-06-10T23:59:59+08:00'), { extend: true });
    assert.equal(lastMinute.toISOString(), '2025-09-08T16:00:00.000Z');
    // Midnight starts 06-11: + 90 = Tue 09-09.
    const nextDay = computeDueInstant(rule, new Date('2025-06-11T00:00:00+08:00'), { extend: true });
    assert.equal(nextDay.toISOString(), '2025-09-09T16:00:00.000Z');
  });

  it('refuses extensions and suspensions the hour rules do not have', () => {
    const start = new Date('2025-06-10T09:00:00+08:00');
    assertClockError(() => computeDueInstant(getRule('rx12345.urgent'), start, { extend: true }), 'EXTENSION_NOT_ALLOWED');
    assertClockError(
      () => computeDueInstant(getRule('rx12345.urgent'), start, { suspensions: [{ from: '2025-06-10', to: '2025-06-10' }] }),
      'INVALID_SUSPENSION',
    );
  });

  it('rejects an invalid Date', () => {
    assertClockError(() => computeDueInstant(getRule('rx12345.urgent'), new Date('nope')), 'INVALID_DATE');
  });
});

describe('errors', () => {
  it('needs an instant, not a day, for hour rules', () => {
    assertClockError(() => due('rx12345.urgent', '2025-06-10'), 'INVALID_DATE');
  });

  it('rejects an impossible start day', () => {
    assertClockError(() => due('xzfy.apply', '2025-02-30'), 'INVALID_DATE');
    assertClockError(() => due('xzfy.apply', '2025/06/10'), 'INVALID_DATE');
  });

  it('reports an unknown rule id', () => {
    assertClockError(() => getRule('xzfy.no-such-rule'), 'RULE_NOT_FOUND');
  });

  it('refuses a period that ends past the holiday data (ruling 9)', () => {
    const last = coveredYears().last; // 2026 with chinese-days 1.5.x, so these reach into 2027
    assertClockError(() => due('xzfy.apply', `${last}-12-15`), 'CALENDAR_YEAR_UNKNOWN');
    assertClockError(() => due('xxgk.reply', `${last}-12-20`), 'CALENDAR_YEAR_UNKNOWN');
    assertClockError(() => due('xzfy.hearing.notice', `${last + 1}-01-05`), 'CALENDAR_YEAR_UNKNOWN');
    assertClockError(() => due('xzss.sue.direct', `${last}-08-01`), 'CALENDAR_YEAR_UNKNOWN');
  });
});
