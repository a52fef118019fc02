import { readFileSync } from 'node:fs';
import { repoPath } from '../../platform/repo-path.js';
import { ClockError } from './clock-errors.js';

export type RuleUnit = 'calendar' | 'working' | 'months' | 'hours';
export type RuleDirection = 'after' | 'before';
export type RuleScope = 'national' | 'city';

export interface RuleExtension {
  readonly n: number;
  readonly unit: RuleUnit;
}

/** One statutory clock, as shipped in data/rules.json (STATUTES.md part A). */
export interface ClockRule {
  readonly id: string;
  readonly law: string;
  readonly article: string;
  readonly n: number;
  readonly unit: RuleUnit;
  /** 'before': the input is the event (e.g. a hearing) and the answer is the latest notice day. */
  readonly direction: RuleDirection;
  /** The law sets a floor ("不少于"), so the computed day is the earliest allowed end. */
  readonly minimum: boolean;
  readonly startsAt: string;
  readonly extension: RuleExtension | null;
  readonly notes: string;
  /** Only 'city' rules may be overridden by a city. */
  readonly scope: RuleScope;
  readonly source: string;
}

export interface CityOverride {
  n?: number;
  unit?: RuleUnit;
  extension?: RuleExtension | null;
}

export interface RuleCatalogue {
  getRule(id: string): ClockRule;
  listRules(): readonly ClockRule[];
}

const RULES_PATH = ['server', 'src', 'modules', 'clock', 'data', 'rules.json'];
const UNITS: readonly RuleUnit[] = ['calendar', 'working', 'months', 'hours'];


function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function isUnit(value: unknown): value is RuleUnit {
  return typeof value === 'string' && (UNITS as readonly string[]).includes(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string';
}

// A broken data file is a release bug, so fail loudly at load instead of computing wrong dates.
function parseRule(raw: unknown, index: number): ClockRule {
  const fail: (why: string) => never = (why) => {
    throw new Error(`clock: rules.json entry ${index}: ${why}`);
  };
  if (typeof raw !== 'object' || raw === null) return fail('not an object');
  const { id, law, article, n, unit, direction, minimum, startsAt, extension, notes, scope, source } =
    raw as Record<string, unknown>;
  if (!isText(id) || id === '') fail('id');
  if (!isText(law) || law === '' || !isText(article)) fail('law/article');
  if (!isPositiveInteger(n)) fail('n must be a positive integer');
  if (!isUnit(unit)) fail('unit');
  if (direction !== 'after' && direction !== 'before') fail('direction');
  if (typeof minimum !== 'boolean') fail('minimum');
  if (!isText(startsAt) || !isText(notes) || !isText(source) || source === '') fail('startsAt/notes/source');
  if (scope !== 'national' && scope !== 'city') fail('scope');
  let ext: RuleExtension | null = null;
  if (extension !== null) {
    const e = (typeof extension === 'object' ? extension : {}) as Record<string, unknown>;
    if (!isPositiveInteger(e.n) || e.unit !== unit) fail('extension must be null or { n, unit } in the rule unit');
    ext = Object.freeze({ n: e.n as number, unit });
  }
  return Object.freeze({ id, law, article, n, unit, direction, minimum, startsAt, extension: ext, notes, scope, source });
}

function makeCatalogue(rules: readonly ClockRule[]): RuleCatalogue {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const list = Object.freeze([...rules]);
  return {
    getRule(id: string): ClockRule {
      const rule = byId.get(id);
      if (!rule) throw new ClockError('RULE_NOT_FOUND', `未找到期限规则「${id}」；可用 fazhi rules 查看全部规则`);
      return rule;
    },
    listRules: () => list,
  };
}

let defaultCatalogue: RuleCatalogue | undefined;

function loadCatalogue(): RuleCatalogue {
  if (defaultCatalogue) return defaultCatalogue;
  const data = JSON.parse(readFileSync(repoPath(...RULES_PATH), 'utf8')) as { rules?: unknown };
  if (!Array.isArray(data.rules)) throw new Error('clock: rules.json has no "rules" array');
  const rules = data.rules.map(parseRule);
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.id)) throw new Error(`clock: rules.json repeats id ${rule.id}`);
    seen.add(rule.id);
  }
  defaultCatalogue = makeCatalogue(rules);
  return defaultCatalogue;
}

export function getRule(id: string): ClockRule {
  return loadCatalogue().getRule(id);
}

export function listRules(): readonly ClockRule[] {
  return loadCatalogue().listRules();
}

/**
 * The national catalogue with a city's own numbers for its local rules (12345 limits,
 * 规范性文件 filing). National rules ship as the law states them and cannot be overridden.
 */
export function withCityOverrides(overrides: Record<string, CityOverride>): RuleCatalogue {
  const base = loadCatalogue();
  const changed = new Map<string, ClockRule>();
  for (const [id, override] of Object.entries(overrides)) {
    const rule = base.getRule(id);
    if (rule.scope !== 'city') {
      throw new ClockError('OVERRIDE_NOT_ALLOWED', `「${id}」是全国性法定期限（${rule.law}），城市不能修改`);
    }
    const refuse = (why: string): never => {
      throw new ClockError('OVERRIDE_NOT_ALLOWED', `城市对「${id}」的设置无效：${why}`);
    };
    const n = override.n ?? rule.n;
    const unit = override.unit ?? rule.unit;
    if (!isPositiveInteger(n)) refuse('期限必须是正整数');
    if (!isUnit(unit)) refuse(`单位必须是 ${UNITS.join('/')} 之一`);
    // An approved extension is counted in the same unit as the base period.
    const requested = override.extension === undefined ? rule.extension : override.extension;
    let extension: RuleExtension | null = null;
    if (requested !== null) {
      if (!isPositiveInteger(requested.n)) refuse('延长期限必须是正整数');
      if (override.extension !== undefined && requested.unit !== unit) refuse('延长期限的单位必须与期限单位相同');
      extension = Object.freeze({ n: requested.n, unit });
    }
    changed.set(id, Object.freeze({ ...rule, n, unit, extension }));
  }
  return makeCatalogue(base.listRules().map((rule) => changed.get(rule.id) ?? rule));
}
