import { readFileSync } from 'node:fs';
import { repoPath } from '../../../platform/repo-path.js';

/** One item of a 评查 scoring sheet: what reviewers score, out of `max` points. */
export interface SheetItem {
  key: string;
  label: string;
  max: number;
  guidance?: string;
}

/** A campaign's scoring sheet and the lines that make a file 示范优案 or 典型差案. */
export interface ReviewSheet {
  items: SheetItem[];
  excellentFrom: number;
  poorBelow: number;
}

export type ReviewGrade = 'excellent' | 'ordinary' | 'poor';

interface SheetFile extends ReviewSheet {
  reviewersPerFile: number;
}

/** data/file-review-sheet.json: the sheet a campaign starts from, with its source in the file. */
export const DEFAULT_REVIEW: SheetFile = JSON.parse(readFileSync(repoPath('server/src/modules/enforcement/data/file-review-sheet.json'), 'utf8')) as SheetFile;

export const SHEET_TOTAL = 100;
const ITEM_KEY = /^[a-z][a-z0-9_]{0,30}$/;
/** Field names the scoring form keeps for itself (beside the sheet's items). */
export const RESERVED_FIELDS: readonly string[] = ['comments'];

/** What is wrong with a sheet, or null: items with their own keys, points adding up to 100, 差 below 优. */
export function sheetProblem(sheet: ReviewSheet): 'keys' | 'total' | 'lines' | null {
  const keys = sheet.items.map((i) => i.key);
  if (keys.length === 0 || new Set(keys).size !== keys.length || keys.some((k) => !ITEM_KEY.test(k) || RESERVED_FIELDS.includes(k))) return 'keys';
  if (sheet.items.some((i) => !Number.isInteger(i.max) || i.max < 1) || sheet.items.reduce((sum, i) => sum + i.max, 0) !== SHEET_TOTAL) return 'total';
  if (!(sheet.poorBelow > 0 && sheet.poorBelow < sheet.excellentFrom && sheet.excellentFrom <= SHEET_TOTAL)) return 'lines';
  return null;
}

/** One reviewer's total: the points given per item, each within its item's bounds (the form's schema checks them first). */
export function sheetScore(sheet: ReviewSheet, points: Readonly<Record<string, unknown>>): number {
  return sheet.items.reduce((sum, item) => {
    const p = points[item.key];
    if (typeof p !== 'number' || !Number.isInteger(p) || p < 0 || p > item.max) throw new RangeError(`${item.key}: ${String(p)}`);
    return sum + p;
  }, 0);
}

/** The file's score: the reviewers' mean, to one decimal. */
export function fileScore(totals: readonly number[]): number {
  if (totals.length === 0) throw new RangeError('no scores');
  return Math.round((totals.reduce((a, b) => a + b, 0) / totals.length) * 10) / 10;
}

/** The grades the leading group may give a file of this score: 优 only at or above its line, 差 only below its line, 一般 always. */
export function gradesFor(sheet: ReviewSheet, score: number): ReviewGrade[] {
  return [...(score >= sheet.excellentFrom ? (['excellent'] as const) : []), 'ordinary', ...(score < sheet.poorBelow ? (['poor'] as const) : [])];
}

/** The grade the score itself points to. */
export function suggestedGrade(sheet: ReviewSheet, score: number): ReviewGrade {
  return score >= sheet.excellentFrom ? 'excellent' : score < sheet.poorBelow ? 'poor' : 'ordinary';
}

/** A reviewer candidate: where they work, and whether they are an officer of the file's subject. */
export interface ReviewerCandidate {
  userId: number;
  unitPath: string;
  officerOfSubject: boolean;
}

/**
 * May this person review a file of the subject at `subjectUnitPath`? Not when they work in the
 * subject's unit or under it, nor when they are registered as one of its officers (Tianjin: the
 * reviewers are not from the subject reviewed).
 */
export function mayReview(candidate: ReviewerCandidate, subjectUnitPath: string): boolean {
  return !candidate.officerOfSubject && !candidate.unitPath.startsWith(subjectUnitPath);
}
