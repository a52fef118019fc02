import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ClockError, getRule, listRules, withCityOverrides } from '../index.js';

// STATUTES.md part A, row by row: id, n, unit (with "before"/"minimum" marks), extension.
const TABLE: ReadonlyArray<[string, number, string, number | null]> = [
  ['xzfy.apply', 60, 'calendar', null],
  ['xzfy.accept.review', 5, 'working', null],
  ['xzfy.supplement.notice', 5, 'working', null],
  ['xzfy.supplement.submit', 10, 'working', null],
  ['xzfy.copy.respondent', 7, 'working', null],
  ['xzfy.respondent.reply', 10, 'working', null],
  ['xzfy.simple.reply', 5, 'working', null],
  ['xzfy.hearing.notice', 5, 'working before', null],
  ['xzfy.decision', 60, 'calendar', 30],
  ['xzfy.simple.decision', 30, 'calendar', null],
  ['xzfy.sue.after', 15, 'calendar', null],
  ['xzfy.opinion.report', 60, 'calendar', null],
  ['xzcf.decision', 90, 'calendar', 30],
  ['xzcf.hearing.request', 5, 'working', null],
  ['xzcf.hearing.notice', 7, 'working before', null],
  ['xzcf.service', 7, 'working', null],
  ['xzcf.publication.withdraw', 3, 'working', null],
  ['xzcf.evidence.preserve', 7, 'working', null],
  ['xzcf.fine.payment', 15, 'calendar', null],
  ['xzcf.publication', 7, 'working', null],
  ['scjg.case.filing', 15, 'working', 15],
  ['xf.register', 15, 'calendar', null],
  ['xf.objection', 5, 'working', null],
  ['xf.handle', 60, 'calendar', 30],
  ['xf.review.request', 30, 'calendar', null],
  ['xf.review.opinion', 30, 'calendar', null],
  ['xf.recheck.request', 30, 'calendar', null],
  ['xf.recheck.opinion', 30, 'calendar', null],
  ['xxgk.reply', 20, 'working', 20],
  ['xxgk.supplement.notice', 7, 'working', null],
  ['xxgk.thirdparty', 15, 'working', null],
  ['xxgk.proactive', 20, 'working', null],
  ['zdjc.comment.period', 30, 'calendar minimum', null],
  ['zdjc.legality.review', 7, 'working minimum', null],
  ['gz.filing', 30, 'calendar', null],
  ['gfxwj.filing', 30, 'calendar', null],
  ['tj.judicial.confirm.apply', 30, 'calendar', null],
  ['tj.judicial.confirm.decide', 15, 'calendar', 10],
  ['xzss.answer', 15, 'calendar', null],
  ['xzss.appeal.judgment', 15, 'calendar', null],
  ['xzss.sue.after.review', 15, 'calendar', null],
  ['xzss.sue.direct', 6, 'months', null],
  ['rx12345.urgent', 2, 'hours', null],
  ['rx12345.utility', 24, 'hours', null],
  ['rx12345.general', 5, 'working', 5],
  ['rx12345.complex', 15, 'calendar', null],
];

const CITY_RULES = ['gfxwj.filing', 'rx12345.urgent', 'rx12345.utility', 'rx12345.general', 'rx12345.complex'];

function assertClockError(fn: () => unknown, code: string): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof ClockError, `expected ClockError, got ${String(error)}`);
    assert.equal(error.code, code);
    return true;
  });
}

function readRulesJson(): { source: unknown; rules: unknown[] } {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  const file = join(dir, 'server', 'src', 'modules', 'clock', 'data', 'rules.json');
  return JSON.parse(readFileSync(file, 'utf8')) as { source: unknown; rules: unknown[] };
}

describe('rule catalogue', () => {
  it('holds exactly the 46 ids of STATUTES.md part A, in table order', () => {
    assert.equal(TABLE.length, 46);
    assert.deepEqual(listRules().map((rule) => rule.id), TABLE.map(([id]) => id));
  });

  it('matches the table for every n, unit, direction, minimum and extension', () => {
    for (const [id, n, kind, extension] of TABLE) {
      const rule = getRule(id);
      const [unit] = kind.split(' ');
      assert.equal(rule.n, n, id);
      assert.equal(rule.unit, unit, id);
      assert.equal(rule.direction, kind.endsWith('before') ? 'before' : 'after', id);
      assert.equal(rule.minimum, kind.endsWith('minimum'), id);
      assert.deepEqual(rule.extension, extension === null ? null : { n: extension, unit }, id);
    }
  });

  it('gives every rule its law, start event, notes and source', () => {
    for (const rule of listRules()) {
      assert.ok(rule.law.length > 0, rule.id);
      assert.ok(/\p{Script=Han}/u.test(rule.startsAt), rule.id);
      assert.ok(rule.source.length > 0, rule.id);
      assert.equal(typeof rule.notes, 'string', rule.id);
    }
    assert.equal(getRule('xzfy.apply').law, '行政复议法');
    assert.equal(getRule('xzfy.apply').article, '20(1)');
    assert.match(getRule('xzfy.accept.review').notes, /视为受理/);
    assert.match(getRule('xf.recheck.opinion').notes, /听证/);
  });

  it('marks only the 12345 and 规范性文件 filing rules as city rules', () => {
    const city = listRules().filter((rule) => rule.scope === 'city').map((rule) => rule.id);
    assert.deepEqual(city.sort(), [...CITY_RULES].sort());
  });

  it('keeps the data file shape { source, rules }', () => {
    const data = readRulesJson();
    assert.deepEqual(Object.keys(data), ['source', 'rules']);
    assert.equal(typeof data.source, 'string');
    assert.equal(data.rules.length, 46);
  });

  it('hands out frozen rules', () => {
    const rule = getRule('xzfy.decision');
    assert.ok(Object.isFrozen(rule));
    assert.ok(Object.isFrozen(rule.extension));
    assert.ok(Object.isFrozen(listRules()));
  });

  it('reports an unknown id in Chinese', () => {
    assertClockError(() => getRule('nope'), 'RULE_NOT_FOUND');
    assert.throws(() => getRule('nope'), /未找到期限规则「nope」/);
  });
});

describe('withCityOverrides', () => {
  it('overrides a city rule without touching the shipped catalogue', () => {
    const city = withCityOverrides({ 'rx12345.general': { n: 3 }, 'rx12345.complex': { n: 10, unit: 'working' } });
    assert.equal(city.getRule('rx12345.general').n, 3);
    assert.equal(city.getRule('rx12345.general').unit, 'working');
    assert.deepEqual(city.getRule('rx12345.complex'), { ...getRule('rx12345.complex'), n: 10, unit: 'working' });
    assert.equal(city.getRule('xzfy.decision'), getRule('xzfy.decision'));
    assert.equal(city.listRules().length, 46);
    assert.equal(getRule('rx12345.general').n, 5);
  });

  it('keeps an extension in the rule unit when the unit changes', () => {
    const city = withCityOverrides({ 'rx12345.general': { n: 7, unit: 'calendar' } });
    assert.deepEqual(city.getRule('rx12345.general').extension, { n: 5, unit: 'calendar' });
    const none = withCityOverrides({ 'rx12345.general': { extension: null } });
    assert.equal(none.getRule('rx12345.general').extension, null);
  });

  it('refuses to override a national rule', () => {
    assertClockError(() => withCityOverrides({ 'xzfy.apply': { n: 90 } }), 'OVERRIDE_NOT_ALLOWED');
    assertClockError(() => withCityOverrides({ 'xxgk.reply': { unit: 'calendar' } }), 'OVERRIDE_NOT_ALLOWED');
  });

  it('refuses unusable values and unknown ids', () => {
    assertClockError(() => withCityOverrides({ 'rx12345.urgent': { n: 0 } }), 'OVERRIDE_NOT_ALLOWED');
    assertClockError(() => withCityOverrides({ 'rx12345.urgent': { n: 1.5 } }), 'OVERRIDE_NOT_ALLOWED');
    assertClockError(
      () => withCityOverrides({ 'rx12345.general': { extension: { n: 5, unit: 'hours' } } }),
      'OVERRIDE_NOT_ALLOWED',
    );
    assertClockError(() => withCityOverrides({ 'rx12345.nope': { n: 1 } }), 'RULE_NOT_FOUND');
  });
});
