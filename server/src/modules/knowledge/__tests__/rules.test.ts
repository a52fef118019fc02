import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { datesProblem, unavailableReason } from '../rules/availability.js';
import { maskPersonalDetails, normaliseKeywords } from '../rules/entry-text.js';
import { idf, keepRelevant, rankBm25 } from '../rules/rank.js';
import { indexTerms, queryTerms, searchWords } from '../rules/segment.js';

describe('BM25', () => {
  // Three entries: A (length 4) says x twice and y twice, B (length 2) x and z once, C (length 6) z six times.
  const postings = [
    { caseId: 'a', term: 'x', weight: 2 }, { caseId: 'b', term: 'x', weight: 1 }, { caseId: 'b', term: 'z', weight: 1 }, { caseId: 'c', term: 'z', weight: 6 },
  ];
  const corpus = { documents: 3, averageLength: 4, lengths: new Map([['a', 4], ['b', 2], ['c', 6]]) };

  test('scores as counted by hand (k1 1.2, b 0.75)', () => {
    // idf(x) = idf(z) = ln(1 + 1.5 / 2.5) = ln 1.6.
    assert.ok(Math.abs(idf(3, 2) - Math.log(1.6)) < 1e-12);
    const ranked = rankBm25(['x', 'z'], postings, corpus);
    assert.deepEqual(ranked.map((r) => r.caseId), ['b', 'c', 'a']);
    // B: two terms at tf 1, length 2: 2.2 / (1 + 1.2 × 0.625) each.
    assert.ok(Math.abs(ranked[0]!.score - 2 * Math.log(1.6) * (2.2 / 1.75)) < 1e-9);
    // C: tf 6 at length 6: 13.2 / (6 + 1.2 × 1.375).
    assert.ok(Math.abs(ranked[1]!.score - Math.log(1.6) * (13.2 / 7.65)) < 1e-9);
    // A: tf 2 at the average length: 4.4 / 3.2.
    assert.ok(Math.abs(ranked[2]!.score - Math.log(1.6) * (4.4 / 3.2)) < 1e-9);
    assert.deepEqual(ranked[0]!.matched, ['x', 'z']);
  });

  test('a rare word outweighs a common one, and ties go to the id', () => {
    const many = [
      ...['a', 'b', 'c', 'd'].map((caseId) => ({ caseId, term: 'common', weight: 1 })),
      { caseId: 'd', term: 'rare', weight: 1 },
    ];
    const lengths = new Map(['a', 'b', 'c', 'd'].map((id) => [id, 2]));
    const ranked = rankBm25(['common', 'rare'], many, { documents: 4, averageLength: 2, lengths });
    assert.equal(ranked[0]!.caseId, 'd');
    assert.deepEqual(ranked.slice(1).map((r) => r.caseId), ['a', 'b', 'c']);
    assert.ok(idf(4, 1) > 3 * idf(4, 4));
  });

  test('entries far below the best are left out; a lone result stays', () => {
    const ranked = [{ caseId: 'a', score: 8, matched: [] }, { caseId: 'b', score: 2, matched: [] }, { caseId: 'c', score: 1.99, matched: [] }];
    assert.deepEqual(keepRelevant(ranked).map((r) => r.caseId), ['a', 'b']);
    assert.deepEqual(keepRelevant(ranked.slice(2)).map((r) => r.caseId), ['c']);
    assert.deepEqual(keepRelevant([]), []);
  });

  test('terms outside the query and empty postings score nothing', () => {
    assert.deepEqual(rankBm25(['q'], postings, corpus), []);
    assert.deepEqual(rankBm25(['x'], [], corpus), []);
  });
});

describe('segmentation', () => {
  test('search mode gives a long word and its parts; stop-words and punctuation go', () => {
    const words = searchWords('请问灵活就业人员怎么交养老保险？');
    for (const w of ['灵活', '就业', '养老保险', '养老', '保险']) assert.ok(words.includes(w), `${w} in ${words.join('/')}`);
    for (const w of ['请问', '怎么', '？']) assert.ok(!words.includes(w), `${w} dropped`);
  });

  test('full-width letters and digits match half-width ones', () => {
    assert.deepEqual(queryTerms('１２３４５　ＡＢＣ'), queryTerms('12345 abc'));
  });

  test('a query keeps each word once; the index counts each field by its weight', () => {
    assert.equal(new Set(queryTerms('身份证 身份证 身份证')).size, queryTerms('身份证 身份证 身份证').length);
    const { terms, length } = indexTerms({ question: '身份证补办', answer: '身份证', keywords: '挂失', legalBasis: '' });
    // 身份证 twice in the question's words (weight 2) and once in the answer (weight 1).
    assert.equal(terms.get('身份证'), 3);
    assert.equal(terms.get('挂失'), 2);
    assert.equal(length, [...terms.values()].reduce((a, b) => a + b, 0));
  });
});

describe('availability', () => {
  const entry = { state: 'published', validFrom: '2026-01-01', validUntil: '2026-12-31', reviewOn: '2026-06-30', expiredReason: null };
  test('published, in force and not past review: offered; the bounds are inclusive', () => {
    assert.equal(unavailableReason(entry, '2026-01-01'), null);
    assert.equal(unavailableReason(entry, '2026-06-30'), null);
    assert.equal(unavailableReason(entry, '2026-07-01'), 'review_overdue');
    assert.equal(unavailableReason({ ...entry, reviewOn: '2027-06-30' }, '2027-01-01'), 'validity_ended');
    assert.equal(unavailableReason(entry, '2025-12-31'), 'not_yet_valid');
  });
  test('every other state says why', () => {
    for (const state of ['draft', 'submitted', 'withdrawn']) assert.equal(unavailableReason({ ...entry, state }, '2026-03-01'), state);
    assert.equal(unavailableReason({ ...entry, state: 'expired', expiredReason: 'review' }, '2026-03-01'), 'review_overdue');
    assert.equal(unavailableReason({ ...entry, state: 'expired', expiredReason: 'validity' }, '2026-03-01'), 'validity_ended');
  });
  test('dates a publication cannot stand on', () => {
    assert.equal(datesProblem({ validFrom: '2026-03-01', validUntil: '2026-02-01', reviewOn: '2026-09-01' }, '2026-01-01'), 'KB_VALIDITY_INVALID');
    assert.equal(datesProblem({ validFrom: '2026-01-01', validUntil: '2026-02-01', reviewOn: '2026-09-01' }, '2026-03-01'), 'KB_VALIDITY_ENDED');
    assert.equal(datesProblem({ validFrom: '2026-01-01', validUntil: null, reviewOn: '2026-02-28' }, '2026-03-01'), 'KB_REVIEW_DATE_PAST');
    assert.equal(datesProblem({ validFrom: '2026-01-01', validUntil: null, reviewOn: '2026-03-01' }, '2026-03-01'), null);
  });
});

describe('entry text', () => {
  test('keywords with any separator, each once', () => {
    assert.equal(normaliseKeywords('社保，养老保险、 缴费基数;社保'), '社保 养老保险 缴费基数');
    assert.equal(normaliseKeywords(undefined), '');
  });
  test('a request’s numbers that identify a person are masked', () => {
    const masked = maskPersonalDetails('我是张某，电话13812345678，身份证37130219800101123X，住3号楼2单元501室，座机0539-8123456');
    for (const gone of ['13812345678', '37130219800101123X', '3号楼', '0539-8123456']) assert.ok(!masked.includes(gone), `${gone} in ${masked}`);
    assert.ok(masked.includes('电话'));
  });
});
