import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coveredYears, listRules, runDeadlineCommand, runRulesCommand, withCityOverrides } from '../index.js';

describe('fazhi deadline', () => {
  it('prints the extended 行政复议 due date', () => {
    assert.deepEqual(runDeadlineCommand(['xzfy.decision', '2025-06-10', '--extend']), { exitCode: 0, output: '2025-09-08' });
    assert.deepEqual(runDeadlineCommand(['--extend', 'xf.handle', '2025-08-02']), { exitCode: 0, output: '2025-10-31' });
  });

  it('prints the latest notice day for a "before" rule', () => {
    // Hearing Mon 2025-10-13: 09-30, 10-09, 10-10, Sat 10-11, 10-13 are the 5 working days after 09-29.
    assert.deepEqual(runDeadlineCommand(['xzfy.hearing.notice', '2025-10-13']), { exitCode: 0, output: '2025-09-29' });
  });

  it('takes and prints Beijing time for hour rules', () => {
    assert.deepEqual(runDeadlineCommand(['rx12345.urgent', '2025-06-10T23:00']), { exitCode: 0, output: '2025-06-11 01:00' });
    assert.deepEqual(runDeadlineCommand(['rx12345.utility', '2025-09-30T08:15']), { exitCode: 0, output: '2025-10-01 08:15' });
  });

  it('accepts a time of day for day rules and ignores it', () => {
    assert.deepEqual(runDeadlineCommand(['xzfy.decision', '2025-06-10T09:30', '--extend']), { exitCode: 0, output: '2025-09-08' });
    assert.deepEqual(runDeadlineCommand(['xzfy.decision', '2025-06-10T00:00', '--extend']), { exitCode: 0, output: '2025-09-08' });
  });

  it('uses a city catalogue when given one', () => {
    // 3 working days from Wed 2025-04-30 across 劳动节: 05-06, 05-07, 05-08.
    const city = withCityOverrides({ 'rx12345.general': { n: 3 } });
    assert.deepEqual(runDeadlineCommand(['rx12345.general', '2025-04-30'], city), { exitCode: 0, output: '2025-05-08' });
  });

  it('reports errors in Chinese with the code and exit code 2', () => {
    const cases: Array<[string[], string, RegExp]> = [
      [['xzfy.nope', '2025-06-10'], 'RULE_NOT_FOUND', /未找到期限规则/],
      [['xzfy.apply', '2025-06-10', '--extend'], 'EXTENSION_NOT_ALLOWED', /没有可延长/],
      [['xzfy.apply', '2025-02-30'], 'INVALID_DATE', /日期无效/],
      [['rx12345.urgent', '2025-06-10'], 'INVALID_DATE', /时刻无效/],
      [['rx12345.urgent', '2025-06-10T24:00'], 'INVALID_DATE', /时刻无效/],
    ];
    for (const [args, code, message] of cases) {
      const result = runDeadlineCommand(args);
      assert.equal(result.exitCode, 2, args.join(' '));
      assert.ok(result.output.includes(`[${code}]`), result.output);
      assert.match(result.output, message);
    }
  });

  it('reports a year the holiday data does not cover', () => {
    const last = coveredYears().last; // 2026 today: 12-15 + 60 days lands in 2027
    const result = runDeadlineCommand(['xzfy.apply', `${last}-12-15`]);
    assert.equal(result.exitCode, 2);
    assert.equal(result.output, `错误：节假日日历不包含 ${last + 1} 年，无法计算期限；请更新 chinese-days 日历数据，或按国务院办公厅通知填写节假日文件（FAZHI_HOLIDAYS_FILE，见 docs/holidays.md） [CALENDAR_YEAR_UNKNOWN]`);
  });

  it('prints usage for missing arguments or unknown flags', () => {
    for (const args of [[], ['xzfy.apply'], ['xzfy.apply', '2025-06-10', 'extra'], ['xzfy.apply', '2025-06-10', '--bogus']]) {
      const result = runDeadlineCommand(args);
      assert.equal(result.exitCode, 2, args.join(' '));
      assert.match(result.output, /^用法：fazhi deadline/);
    }
    assert.equal(runDeadlineCommand(['--help']).exitCode, 0);
  });
});

describe('fazhi rules', () => {
  it('prints a table with a header and one line per rule', () => {
    const result = runRulesCommand([]);
    assert.equal(result.exitCode, 0);
    const lines = result.output.split('\n');
    assert.equal(lines.length, 1 + 46);
    assert.match(lines[0] ?? '', /^编号\s+法律条款\s+期限\s+起算\s+延长\s+来源$/);
    for (const rule of listRules()) {
      assert.ok(lines.some((line) => line.startsWith(`${rule.id} `)), rule.id);
    }
    const decision = lines.find((line) => line.startsWith('xzfy.decision '));
    assert.match(decision ?? '', /行政复议法 62\(1\)\s+60日\s+受理行政复议申请之日\s+\+30日\s+\[LRB\]/);
    assert.match(lines.find((line) => line.startsWith('xxgk.reply ')) ?? '', /20个工作日.*\+20个工作日/);
    assert.match(lines.find((line) => line.startsWith('xzfy.hearing.notice ')) ?? '', /前5个工作日/);
    assert.match(lines.find((line) => line.startsWith('zdjc.comment.period ')) ?? '', /不少于30日/);
  });

  it('aligns columns by display width', () => {
    const lines = runRulesCommand([]).output.split('\n');
    const width = (text: string) => [...text].reduce((sum, char) => sum + (/[\u2E80-\uFFFF]/u.test(char) ? 2 : 1), 0);
    // The source column starts at the same display column on every line.
    const starts = lines.map((line) => width(line.slice(0, line.lastIndexOf('  ') + 2)));
    assert.equal(new Set(starts).size, 1);
  });

  it('prints JSON with --json', () => {
    const result = runRulesCommand(['--json']);
    assert.equal(result.exitCode, 0);
    const rules = JSON.parse(result.output) as Array<{ id: string }>;
    assert.equal(rules.length, 46);
    assert.equal(rules[0]?.id, 'xzfy.apply');
  });

  it('prints usage for unknown arguments', () => {
    assert.equal(runRulesCommand(['--csv']).exitCode, 2);
    assert.equal(runRulesCommand(['extra']).exitCode, 2);
  });
});
