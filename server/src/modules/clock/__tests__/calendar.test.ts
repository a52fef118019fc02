import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ClockError, coveredYears, isWorkingDay } from '../index.js';

// STATUTES.md part B "Holiday calendar used", copied by hand.
const REST_RANGES: ReadonlyArray<[string, string]> = [
  ['2025-01-01', '2025-01-01'],
  ['2025-01-28', '2025-02-04'],
  ['2025-04-04', '2025-04-06'],
  ['2025-05-01', '2025-05-05'],
  ['2025-05-31', '2025-06-02'],
  ['2025-10-01', '2025-10-08'],
  ['2026-01-01', '2026-01-03'],
  ['2026-02-15', '2026-02-23'],
  ['2026-04-04', '2026-04-06'],
  ['2026-05-01', '2026-05-05'],
  ['2026-06-19', '2026-06-21'],
  ['2026-09-25', '2026-09-27'],
  ['2026-10-01', '2026-10-07'],
];
const MAKE_UP_DAYS = [
  '2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11',
  '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10',
];

function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= Date.parse(`${to}T00:00:00Z`); ms += 86_400_000) {
    days.push(new Date(ms).toISOString().slice(0, 10));
  }
  return days;
}

const restDays = new Set(REST_RANGES.flatMap(([from, to]) => daysBetween(from, to)));
const makeUpDays = new Set(MAKE_UP_DAYS);

function expectedWorking(day: string): boolean {
  if (makeUpDays.has(day)) return true;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday >= 1 && weekday <= 5 && !restDays.has(day);
}

function assertClockError(fn: () => unknown, code: string, message?: string): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof ClockError, `expected ClockError, got ${String(error)}`);
    assert.equal(error.code, code);
    if (message !== undefined) assert.equal(error.message, message);
    return true;
  });
}

describe('isWorkingDay', () => {
  it('matches the State Council tables for every day of 2025 and 2026', () => {
    const wrong = daysBetween('2025-01-01', '2026-12-31').filter((day) => isWorkingDay(day) !== expectedWorking(day));
    assert.deepEqual(wrong, []);
  });

  it('treats every listed rest day as a day off', () => {
    assert.equal(restDays.size, 28 + 33);
    for (const day of restDays) assert.equal(isWorkingDay(day), false, day);
  });

  it('treats every make-up day as a working day, even on a weekend', () => {
    for (const day of makeUpDays) {
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      assert.ok(weekday === 0 || weekday === 6, `${day} is a weekend day in the notice`);
      assert.equal(isWorkingDay(day), true, day);
    }
  });

  it('keeps ordinary weekends off and ordinary weekdays on', () => {
    assert.equal(isWorkingDay('2025-06-14'), false); // Saturday
    assert.equal(isWorkingDay('2025-06-15'), false); // Sunday
    assert.equal(isWorkingDay('2025-06-16'), true); // Monday
    assert.equal(isWorkingDay('2025-10-09'), true); // first day back after 国庆
  });

  it('rejects strings that are not real YYYY-MM-DD days', () => {
    for (const bad of ['2025-02-29', '2025-13-01', '2025-2-3', '2025-06-10T09:00', '', 'tomorrow']) {
      assertClockError(() => isWorkingDay(bad), 'INVALID_DATE');
    }
  });

  it('gives the same answers whatever the process time zone', () => {
    // chinese-days reads dates with local-time getters; west of UTC a naive call shifts the day.
    const url = new URL('../calendar.js', import.meta.url).href;
    const days = ['2025-06-14', '2025-06-16', '2025-10-11', '2026-02-28', '2026-02-23', '2025-01-01'];
    const script = `import { isWorkingDay } from ${JSON.stringify(url)};
      console.log(JSON.stringify(${JSON.stringify(days)}.map(isWorkingDay)));`;
    for (const tz of ['America/New_York', 'Pacific/Pago_Pago', 'Pacific/Kiritimati']) {
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(JSON.parse(run.stdout), [false, true, true, true, false, false], tz);
    }
  });
});

describe('agreement with the chinese-days functions', () => {
  it('matches chineseDays.isWorkday on every covered day when run in Beijing time', () => {
    // The package's own functions are only right east of UTC, so compare there.
    const calendarUrl = new URL('../calendar.js', import.meta.url).href;
    const script = `import chineseDays from 'chinese-days';
      import { coveredYears, isWorkingDay } from ${JSON.stringify(calendarUrl)};
      const { first, last } = coveredYears();
      const wrong = [];
      for (let ms = Date.UTC(first, 0, 1); ms < Date.UTC(last + 1, 0, 1); ms += 86400000) {
        const day = new Date(ms).toISOString().slice(0, 10);
        if (chineseDays.isWorkday(day) !== isWorkingDay(day)) wrong.push(day);
      }
      console.log(JSON.stringify({ first, last, wrong }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('.', import.meta.url)),
      env: { ...process.env, TZ: 'Asia/Shanghai' },
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout) as { first: number; last: number; wrong: string[] };
    assert.deepEqual(result.wrong, []);
    assert.deepEqual({ first: result.first, last: result.last }, coveredYears());
  });
});

describe('coveredYears', () => {
  it('is read from the package and includes 2025 and 2026', () => {
    const { first, last } = coveredYears();
    assert.ok(first <= 2025 && last >= 2026, `${first}–${last}`);
  });

  it('refuses to guess for the year after the last covered one (ruling 9)', () => {
    const next = coveredYears().last + 1; // 2027 with chinese-days 1.5.x
    assertClockError(
      () => isWorkingDay(`${next}-03-01`),
      'CALENDAR_YEAR_UNKNOWN',
      `节假日日历不包含 ${next} 年，无法计算期限；请更新 chinese-days 日历数据，或按国务院办公厅通知填写节假日文件（FAZHI_HOLIDAYS_FILE，见 docs/holidays.md）`,
    );
  });

  it('refuses the year before the first covered one', () => {
    assertClockError(() => isWorkingDay(`${coveredYears().first - 1}-06-02`), 'CALENDAR_YEAR_UNKNOWN');
  });

  it('names 2027 in the message while the data stops at 2026', { skip: coveredYears().last !== 2026 }, () => {
    assertClockError(
      () => isWorkingDay('2027-01-04'),
      'CALENDAR_YEAR_UNKNOWN',
      '节假日日历不包含 2027 年，无法计算期限；请更新 chinese-days 日历数据，或按国务院办公厅通知填写节假日文件（FAZHI_HOLIDAYS_FILE，见 docs/holidays.md）',
    );
  });
});
