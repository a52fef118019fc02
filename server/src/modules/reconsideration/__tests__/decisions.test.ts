import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { repoPath } from '../../../platform/repo-path.js';
import { DECISION_KEYS, decisionByKey, decisionByValue, listDecisions } from '../index.js';
import { parseDecisions } from '../rules/decisions.js';

const raw = () => JSON.parse(readFileSync(repoPath('server/src/modules/reconsideration/data/decisions.json'), 'utf8'));

describe('the conclusion vocabulary (data/decisions.json)', () => {
  it('has exactly the eleven values of the import contract, each with its stable key', () => {
    assert.deepEqual(
      listDecisions().map((d) => [d.value, d.key]),
      [
        ['维持', 'uphold'],
        ['驳回', 'dismiss'],
        ['撤销', 'revoke'],
        ['变更', 'vary'],
        ['确认违法', 'confirm_illegal'],
        ['责令履行', 'order_performance'],
        ['确认无效', 'confirm_void'],
        ['责令答复', 'order_reply'],
        ['被申请人自行纠正', 'respondent_corrected'],
        ['撤回', 'withdrawn'],
        ['终止', 'terminated'],
      ],
    );
  });

  it('counts as corrections exactly what METRICS.md names: 撤销, 变更, 确认违法, 确认无效, 责令履行 (incl. 责令答复), 自行纠正', () => {
    const corrections = listDecisions().filter((d) => d.correction).map((d) => d.value).sort();
    assert.deepEqual(corrections, ['变更', '撤销', '确认无效', '确认违法', '被申请人自行纠正', '责令履行', '责令答复'].sort());
  });

  it('tells decisions on the merits from withdrawals and terminations, each with its article of the 2023 law', () => {
    const kinds = Object.fromEntries(listDecisions().map((d) => [d.key, d.kind]));
    assert.deepEqual(kinds, {
      uphold: 'decision', dismiss: 'decision', revoke: 'decision', vary: 'decision', confirm_illegal: 'decision',
      order_performance: 'decision', confirm_void: 'decision', order_reply: 'decision',
      respondent_corrected: 'withdrawal', withdrawn: 'withdrawal', terminated: 'termination',
    });
    const articles = Object.fromEntries(listDecisions().map((d) => [d.value, d.article.split(/[;(]/u)[0]]));
    assert.deepEqual(
      [articles['变更'], articles['撤销'], articles['确认违法'], articles['责令履行'], articles['确认无效'], articles['维持'], articles['驳回']],
      ['63', '64', '65', '66', '67', '68', '69'],
    );
    for (const d of listDecisions()) assert.equal(d.law, '行政复议法');
    assert.match(raw().source, /2023/u);
  });

  it('looks conclusions up by the value people write and by key', () => {
    assert.equal(decisionByValue('确认违法')?.key, 'confirm_illegal');
    assert.equal(decisionByValue('部分撤销'), undefined);
    assert.equal(decisionByKey('order_reply').value, '责令答复');
    assert.equal(DECISION_KEYS.length, listDecisions().length);
  });

  it('refuses a data file with a key missing, repeated or unknown, or a value written twice', () => {
    const data = raw();
    assert.doesNotThrow(() => parseDecisions(data));
    const without = { decisions: data.decisions.slice(1) };
    assert.throws(() => parseDecisions(without), /uphold must appear exactly once/u);
    const unknown = { decisions: [...data.decisions, { ...data.decisions[0], key: 'remand' }] };
    assert.throws(() => parseDecisions(unknown), /unknown key remand/u);
    const twice = { decisions: data.decisions.map((d: { value: string }, i: number) => (i === 1 ? { ...d, value: '维持' } : d)) };
    assert.throws(() => parseDecisions(twice), /value appears twice/u);
    const badKind = { decisions: data.decisions.map((d: object, i: number) => (i === 0 ? { ...d, kind: 'merits' } : d)) };
    assert.throws(() => parseDecisions(badKind), /kind/u);
  });
});
