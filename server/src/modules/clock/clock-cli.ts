import { ClockError } from './clock-errors.js';
import { getRule, listRules, type ClockRule, type RuleCatalogue, type RuleUnit } from './rule-catalogue.js';
import { computeDueDate, computeDueInstant } from './rules/compute-due-date.js';

/** What a CLI command prints (no trailing newline) and the process exit code. */
export interface CommandResult {
  exitCode: number;
  output: string;
}

const DEADLINE_USAGE = '用法：fazhi deadline <规则编号> <起算日 YYYY-MM-DD，小时制为 YYYY-MM-DDTHH:mm> [--extend]';
const RULES_USAGE = '用法：fazhi rules [--json]';
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const defaultCatalogue: RuleCatalogue = { getRule, listRules };

function usage(text: string): CommandResult {
  return { exitCode: 2, output: text };
}

function failure(error: unknown): CommandResult {
  if (error instanceof ClockError) return { exitCode: 2, output: `错误：${error.message} [${error.code}]` };
  throw error;
}

function splitArgs(args: readonly string[]): { positional: string[]; flags: Set<string> } {
  const positional: string[] = [];
  const flags = new Set<string>();
  for (const arg of args) {
    if (arg.startsWith('-')) flags.add(arg);
    else positional.push(arg);
  }
  return { positional, flags };
}

function invalidInstant(text: string): ClockError {
  return new ClockError('INVALID_DATE', `时刻无效：「${text}」，应为北京时间 YYYY-MM-DDTHH:mm`);
}

/** Reads `YYYY-MM-DDTHH:mm` as Beijing time. */
function parseShanghaiInstant(text: string): Date {
  const match = DATE_TIME.exec(text);
  if (!match) throw invalidInstant(text);
  const [, day = '', hh = '', mm = ''] = match;
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const hour = Number(hh);
  const minute = Number(mm);
  const utc = Date.UTC(year, month - 1, date, hour, minute);
  const check = new Date(utc);
  if (hour > 23 || minute > 59 || check.getUTCDate() !== date || check.getUTCMonth() !== month - 1) {
    throw invalidInstant(text);
  }
  return new Date(utc - SHANGHAI_OFFSET_MS);
}

function formatShanghaiDay(endOfDay: Date): string {
  // computeDueInstant returns 24:00 of the due day, which is 00:00 of the next.
  return new Date(endOfDay.getTime() + SHANGHAI_OFFSET_MS - 1).toISOString().slice(0, 10);
}

function formatShanghaiInstant(instant: Date): string {
  const iso = new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/**
 * `fazhi deadline <rule-id> <start> [--extend]`: prints the due day `YYYY-MM-DD` (for a
 * 'before' rule, the latest notice day before the given event day); hour rules take and
 * print Beijing time `YYYY-MM-DD HH:mm`. Errors exit 2 with the Chinese message and code.
 */
export function runDeadlineCommand(args: readonly string[], catalogue: RuleCatalogue = defaultCatalogue): CommandResult {
  const { positional, flags } = splitArgs(args);
  if (flags.has('--help') || flags.has('-h')) return { exitCode: 0, output: DEADLINE_USAGE };
  const unknown = [...flags].filter((flag) => flag !== '--extend');
  if (positional.length !== 2 || unknown.length > 0) return usage(DEADLINE_USAGE);
  const [ruleId = '', start = ''] = positional;
  const extend = flags.has('--extend');
  try {
    const rule = catalogue.getRule(ruleId);
    if (rule.unit === 'hours') {
      const due = computeDueInstant(rule, parseShanghaiInstant(start), { extend });
      return { exitCode: 0, output: formatShanghaiInstant(due) };
    }
    // A time of day does not move a day-counted period (the start day is never counted).
    if (DATE_TIME.test(start)) {
      const due = computeDueInstant(rule, parseShanghaiInstant(start), { extend });
      return { exitCode: 0, output: formatShanghaiDay(due) };
    }
    return { exitCode: 0, output: computeDueDate(rule, start, { extend }) };
  } catch (error) {
    return failure(error);
  }
}

const UNIT_LABELS: Record<RuleUnit, string> = {
  calendar: '日',
  working: '个工作日',
  months: '个月',
  hours: '小时',
};

function periodLabel(rule: ClockRule): string {
  const base = `${rule.n}${UNIT_LABELS[rule.unit]}`;
  if (rule.direction === 'before') return `前${base}`;
  return rule.minimum ? `不少于${base}` : base;
}

function extensionLabel(rule: ClockRule): string {
  return rule.extension ? `+${rule.extension.n}${UNIT_LABELS[rule.extension.unit]}` : '—';
}

// East Asian wide characters take two terminal columns; padding by length would skew the table.
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    width += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(char) ? 2 : 1;
  }
  return width;
}

function renderTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell));
    });
  }
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - displayWidth(cell))))
        .join('  '),
    )
    .join('\n');
}

/** `fazhi rules [--json]`: every rule with its law, article, period, start event, extension and source. */
export function runRulesCommand(args: readonly string[], catalogue: RuleCatalogue = defaultCatalogue): CommandResult {
  const { positional, flags } = splitArgs(args);
  if (flags.has('--help') || flags.has('-h')) return { exitCode: 0, output: RULES_USAGE };
  const unknown = [...flags].filter((flag) => flag !== '--json');
  if (positional.length > 0 || unknown.length > 0) return usage(RULES_USAGE);
  try {
    const rules = catalogue.listRules();
    if (flags.has('--json')) return { exitCode: 0, output: JSON.stringify(rules, null, 2) };
    const header = ['编号', '法律条款', '期限', '起算', '延长', '来源'];
    const rows = rules.map((rule) => [
      rule.id,
      rule.article ? `${rule.law} ${rule.article}` : rule.law,
      periodLabel(rule),
      rule.startsAt,
      extensionLabel(rule),
      rule.source,
    ]);
    return { exitCode: 0, output: renderTable([header, ...rows]) };
  } catch (error) {
    return failure(error);
  }
}
