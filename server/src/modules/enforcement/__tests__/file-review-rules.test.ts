import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_REVIEW, fileScore, gradesFor, mayReview, sheetProblem, sheetScore, suggestedGrade } from '../rules/file-review.js';

const sheet = { items: DEFAULT_REVIEW.items, excellentFrom: DEFAULT_REVIEW.excellentFrom, poorBelow: DEFAULT_REVIEW.poorBelow };

test('the default sheet holds: six items adding up to 100, 差 below 60, 优 from 90', () => {
  assert.equal(sheetProblem(sheet), null);
  assert.equal(sheet.items.reduce((s, i) => s + i.max, 0), 100);
  assert.deepEqual([sheet.poorBelow, sheet.excellentFrom], [60, 90]);
});

test('a sheet is refused for repeated or reserved keys, points not adding up to 100, or lines the wrong way round', () => {
  assert.equal(sheetProblem({ ...sheet, items: [{ key: 'a', label: 'A', max: 50 }, { key: 'a', label: 'B', max: 50 }] }), 'keys');
  assert.equal(sheetProblem({ ...sheet, items: [{ key: 'comments', label: 'A', max: 100 }] }), 'keys');
  assert.equal(sheetProblem({ ...sheet, items: [{ key: 'Facts', label: 'A', max: 100 }] }), 'keys');
  assert.equal(sheetProblem({ ...sheet, items: [{ key: 'a', label: 'A', max: 60 }, { key: 'b', label: 'B', max: 30 }] }), 'total');
  assert.equal(sheetProblem({ ...sheet, items: [{ key: 'a', label: 'A', max: 100.5 }] }), 'total');
  assert.equal(sheetProblem({ ...sheet, poorBelow: 90, excellentFrom: 90 }), 'lines');
  assert.equal(sheetProblem({ ...sheet, poorBelow: 0 }), 'lines');
});

test('a score adds the points item by item and refuses one out of its bounds; the file takes the mean to one decimal', () => {
  assert.equal(sheetScore(sheet, { subject: 8, facts: 12, law: 10, procedure: 12, documents: 8, filing: 5 }), 55);
  assert.throws(() => sheetScore(sheet, { subject: 11, facts: 0, law: 0, procedure: 0, documents: 0, filing: 0 }), RangeError);
  assert.throws(() => sheetScore(sheet, { subject: 1 }), RangeError);
  assert.equal(fileScore([55, 50]), 52.5);
  assert.equal(fileScore([90, 89, 89]), 89.3);
  assert.throws(() => fileScore([]), RangeError);
});

test('grades within the lines: 优 from 90, 差 below 60, 一般 always', () => {
  assert.deepEqual(gradesFor(sheet, 90), ['excellent', 'ordinary']);
  assert.deepEqual(gradesFor(sheet, 89.9), ['ordinary']);
  assert.deepEqual(gradesFor(sheet, 60), ['ordinary']);
  assert.deepEqual(gradesFor(sheet, 59.9), ['ordinary', 'poor']);
  assert.deepEqual([suggestedGrade(sheet, 95), suggestedGrade(sheet, 75), suggestedGrade(sheet, 52.5)], ['excellent', 'ordinary', 'poor']);
});

test('an expert does not review the subject they work in or under, nor one they are an officer of', () => {
  const subject = '/1/7/';
  assert.equal(mayReview({ userId: 1, unitPath: '/1/7/', officerOfSubject: false }, subject), false);
  assert.equal(mayReview({ userId: 1, unitPath: '/1/7/12/', officerOfSubject: false }, subject), false);
  assert.equal(mayReview({ userId: 1, unitPath: '/1/8/', officerOfSubject: true }, subject), false);
  assert.equal(mayReview({ userId: 1, unitPath: '/1/8/', officerOfSubject: false }, subject), true);
  assert.equal(mayReview({ userId: 1, unitPath: '/1/70/', officerOfSubject: false }, subject), true);
  assert.equal(mayReview({ userId: 1, unitPath: '/1/', officerOfSubject: false }, subject), true);
});
