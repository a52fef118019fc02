import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { coveredYears, isWorkingDay } from '../calendar.js';
import { ClockError } from '../clock-errors.js';
import { installHolidayFile, parseHolidayFile } from '../holiday-file.js';
import { getRule } from '../rule-catalogue.js';
import { computeDueDate } from '../rules/compute-due-date.js';

// A county enters the State Council's schedule for a year the calendar package does not know
// yet; limits then run into that year. 2099 stands for such a year: no package will know it.
const YEAR = 2099;
const schedule = {
  years: [{
    year: YEAR,
    source: `国务院办公厅关于${YEAR}年部分节假日安排的通知（测试用）`,
    // 元旦 Thu 01-01 to Sat 01-03, with Sun 01-04 a rest day too and Sat 01-10 worked in exchange.
    holidays: [`${YEAR}-01-01`, `${YEAR}-01-02`, `${YEAR}-01-03`, `${YEAR}-01-04`],
    workdays: [`${YEAR}-01-10`],
  }],
};

test('a year from the county’s file is used once installed, never guessed before', () => {
  assert.throws(() => isWorkingDay(`${YEAR}-01-05`), (e: unknown) => e instanceof ClockError && e.code === 'CALENDAR_YEAR_UNKNOWN' && /FAZHI_HOLIDAYS_FILE/.test(e.message));
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-holidays-'));
  const file = join(dir, 'holidays.json');
  writeFileSync(file, JSON.stringify(schedule));
  const known = coveredYears().last;
  assert.deepEqual(installHolidayFile(file), { added: [YEAR], alreadyKnown: [] });
  assert.equal(isWorkingDay(`${YEAR}-01-02`), false);
  assert.equal(isWorkingDay(`${YEAR}-01-10`), true, 'the make-up Saturday is worked');
  assert.equal(isWorkingDay(`${YEAR}-01-05`), true);
  // Five working days from Thu 01-01 (a holiday): Mon 05 to Fri 09.
  assert.equal(computeDueDate(getRule('xzfy.accept.review'), `${YEAR}-01-01`), `${YEAR}-01-09`);
  // A year the package already has stays as the package says.
  writeFileSync(file, JSON.stringify({ years: [{ ...schedule.years[0], year: known, holidays: [`${known}-01-01`], workdays: [] }] }));
  assert.deepEqual(installHolidayFile(file), { added: [], alreadyKnown: [known] });
});

test('a file with any problem is refused whole, each problem named', () => {
  const problems = (value: unknown) => {
    try {
      parseHolidayFile(JSON.stringify(value), 'h.json');
    } catch (e) {
      assert.ok(e instanceof ClockError && e.code === 'HOLIDAY_FILE_INVALID');
      return e.message;
    }
    assert.fail('accepted');
  };
  assert.match(problems({}), /应为 \{ "years"/);
  const bad = problems({ years: [{ year: YEAR, source: '', holidays: [`${YEAR}-02-30`, '2098-12-31'], workdays: [`${YEAR}-01-05`, `${YEAR}-01-03`] }] });
  assert.match(bad, /source 应写明依据/);
  assert.match(bad, /「2099-02-30」不是该年的/);
  assert.match(bad, /「2098-12-31」不是该年的/);
  assert.match(bad, /须含元旦/);
  assert.match(bad, /2099-01-05 不是周六或周日/);
  assert.match(problems({ years: [schedule.years[0], schedule.years[0]] }), /2099 年出现了两次/);
  assert.throws(() => parseHolidayFile('{', 'h.json'), /不是有效的 JSON/);
});
