import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CaseListing, CaseTypeDefinition } from '../case-type.js';
import { checkFieldKinds, checkListing } from '../rules/check-listing.js';
import { clockStatus } from '../rules/list-values.js';
import { DEFAULT_ESCALATION } from '../index.js';

// A listing is checked when its module registers, so a mistake stops the start, not a search.
const listing: CaseListing = {
  source: 'select case_id, applicant, received_on, amount, organ_id from t',
  columns: [
    { key: 'applicant', label: '申请人', kind: 'text' },
    { key: 'received_on', label: '收到日期', kind: 'date' },
    { key: 'amount', label: '金额', kind: 'money' },
    { key: 'organ_id', label: '机关', kind: 'unit' },
  ],
  filters: [{ key: 'received_on', label: '收到日期', kind: 'date_range' }, { key: 'organ', label: '受理机关', kind: 'unit' }],
  search: ['applicant'],
  title: 'applicant',
};

test('a sound listing passes', () => {
  assert.doesNotThrow(() => checkListing('t', listing));
});

test('a listing that names what it does not declare, or keys SQL cannot name, is refused', () => {
  const wrong: Array<[Partial<CaseListing>, RegExp]> = [
    [{ search: ['nobody'] }, /search names nobody/],
    [{ filters: [{ key: 'nobody', label: 'x', kind: 'text' }] }, /filter nobody names no column/],
    [{ filters: [{ key: 'amount', label: 'x', kind: 'date_range' }] }, /does not fit/],
    [{ filters: [{ key: 'applicant', label: 'x', kind: 'unit' }] }, /does not fit/],
    [{ filters: [{ key: 'received', label: 'x', kind: 'text' }] }, /must be a date_range/],
    [{ filters: [{ key: 'applicant', label: 'x', kind: 'text' }, { key: 'applicant', label: 'y', kind: 'text' }] }, /twice/],
    [{ title: 'nobody' }, /title nobody/],
    [{ code: 'nobody' }, /code nobody/],
    [{ columns: [...listing.columns, { key: 'receivedOn', label: 'x', kind: 'date' }] }, /lower-case snake case/],
    [{ columns: [...listing.columns, { key: 'a"; drop table x; --', label: 'x', kind: 'text' }] }, /lower-case snake case/],
    [{ columns: [...listing.columns, { key: 'state', label: 'x', kind: 'text' }] }, /reserved/],
    [{ columns: [...listing.columns, { key: 'amount', label: 'x', kind: 'text' }] }, /twice/],
    [{ columns: [...listing.columns, { key: 'x', label: 'x', kind: 'text', options: { a: 'A' } }] }, /not a choice/],
    [{ source: 'select 1' }, /case_id/],
  ];
  for (const [change, message] of wrong) assert.throws(() => checkListing('t', { ...listing, ...change }), message, JSON.stringify(change));
});

test('an input field’s x-kind is one the pages know', () => {
  const type = (kind: string) => ({
    name: 't',
    actions: { a: { input: { type: 'object', properties: { f: { type: 'string', 'x-kind': kind } } } } },
  }) as unknown as CaseTypeDefinition;
  assert.doesNotThrow(() => checkFieldKinds(type('money')));
  assert.throws(() => checkFieldKinds(type('colour')), /unknown x-kind colour/);
});

test('a choice names every value it offers, so a page never shows a stored key', () => {
  const type = (labels: Record<string, string> | undefined) => ({
    name: 't',
    actions: { a: { input: { type: 'object', properties: { f: { type: 'string', enum: ['simple', 'ordinary'], 'x-kind': 'choice', ...(labels ? { 'x-labels': labels } : {}) } } } } },
  }) as unknown as CaseTypeDefinition;
  assert.doesNotThrow(() => checkFieldKinds(type({ simple: '简易程序', ordinary: '普通程序' })));
  assert.throws(() => checkFieldKinds(type({ simple: '简易程序' })), /no x-labels for ordinary/);
  assert.throws(() => checkFieldKinds(type(undefined)), /no x-labels for simple, ordinary/);
});

test('a clock is yellow after its first step’s share, red once due, paused while it stands still', () => {
  const startedAt = new Date('2026-03-01T00:00:00Z');
  const dueAt = new Date('2026-03-11T00:00:00Z');
  const at = (day: string) => new Date(`2026-03-${day}T00:00:00Z`);
  assert.equal(clockStatus({ startedAt, dueAt }, DEFAULT_ESCALATION, at('08')), 'green');
  assert.equal(clockStatus({ startedAt, dueAt }, DEFAULT_ESCALATION, at('09')), 'yellow');
  assert.equal(clockStatus({ startedAt, dueAt }, DEFAULT_ESCALATION, at('11')), 'red');
  assert.equal(clockStatus({ startedAt, dueAt }, [{ at: 0.5, event: 'e', label: 'l' }, { at: 1, event: 'f', label: 'm' }], at('06')), 'yellow');
  assert.equal(clockStatus({ startedAt, dueAt }, [{ at: 1, event: 'f', label: 'm' }], at('10')), 'green', 'no step before the limit, no yellow');
  assert.equal(clockStatus({ startedAt, dueAt, pausedAt: at('05') }, DEFAULT_ESCALATION, at('20')), 'paused');
  assert.equal(clockStatus({ startedAt, dueAt, stoppedAt: at('05') }, DEFAULT_ESCALATION, at('20')), 'stopped');
});
