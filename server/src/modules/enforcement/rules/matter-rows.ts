// Rows of a matters file (one row per grade of circumstance, rows of one matter sharing its
// code) → matters with their benchmarks. Every problem is listed with its line, the header
// being line 1, so a county mends the whole file at once; one problem and nothing is loaded.
import { splitList } from '../../duties/index.js';
import { MATTER_COLUMNS as C, MATTER_KINDS, MATTER_REQUIRED_COLUMNS, NO, ROW_PROBLEMS, YES, type MatterKind } from '../enforcement.strings.js';
import { benchmarkProblems, type BenchmarkProblem, type DiscretionRow } from './discretion.js';
import { CIRCUMSTANCE_KEYS, PENALTY_KINDS, circumstanceByLabel, fieldByLabel } from './vocabulary.js';

export interface MatterRecord {
  code: string;
  name: string;
  kind: MatterKind;
  field: string;
  subjectId: number;
  basis: string;
  dutyCode: string | null;
  firstOffenceExempt: boolean;
  minorExempt: boolean;
  exemptionItem: string | null;
  discretion: DiscretionRow[];
}

export interface MatterResolvers {
  /** The subject of this name, with the fields it holds. */
  subject(name: string): { id: number; fields: readonly string[] } | undefined;
  dutyExists(code: string): boolean;
}

const MATTER_COLUMNS = ['code', 'name', 'kind', 'field', 'subject', 'basis', 'dutyCode', 'firstOffenceExempt', 'minorExempt', 'exemptionItem'] as const;
const BENCHMARK_PROBLEM: Record<BenchmarkProblem, (line: number) => string> = {
  fine_order: ROW_PROBLEMS.fineOrder,
  fine_half_open: ROW_PROBLEMS.fineHalfOpen,
  circumstance_twice: ROW_PROBLEMS.circumstanceTwice,
  row_empty: ROW_PROBLEMS.rowEmpty,
  grades_overlap: ROW_PROBLEMS.gradesOverlap,
};

export function parseMatterRows(records: ReadonlyArray<Record<string, string>>, resolve: MatterResolvers): { matters: MatterRecord[]; problems: string[] } {
  if (records.length === 0) return { matters: [], problems: [ROW_PROBLEMS.noRows] };
  const missingColumns = MATTER_REQUIRED_COLUMNS.map((k) => C[k]).filter((c) => !(c in records[0]!));
  if (missingColumns.length) return { matters: [], problems: [ROW_PROBLEMS.missingColumns(missingColumns)] };

  const problems: string[] = [];
  const refused = new Set<string>();
  const matters = new Map<string, { matter: MatterRecord; firstLine: number; cells: Record<string, string>; lines: number[] }>();
  records.forEach((record, index) => {
    const line = index + 2;
    const cell = (key: keyof typeof C) => (record[C[key]] ?? '').trim();
    const before = problems.length;
    const code = cell('code');
    const known = code ? matters.get(code) : undefined;
    let matter: MatterRecord | null = null;
    if (refused.has(code)) {
      // A later row of a matter whose first row was refused: only its own grade is checked.
      benchmarkRow(line, cell, problems);
      return;
    }
    if (known) {
      // A later row of a matter repeats its columns or leaves them empty.
      for (const key of MATTER_COLUMNS) if (cell(key) && cell(key) !== known.cells[key]) problems.push(ROW_PROBLEMS.differs(line, C[key], known.firstLine));
    } else {
      for (const key of MATTER_REQUIRED_COLUMNS) if (!cell(key)) problems.push(ROW_PROBLEMS.missing(line, C[key]));
      if (problems.length === before) matter = matterOf(line, cell, resolve, problems);
    }
    const row = benchmarkRow(line, cell, problems);
    if (problems.length > before) {
      if (!known && code) refused.add(code);
      return;
    }
    if (known) {
      if (row) {
        known.matter.discretion.push(row);
        known.lines.push(line);
      }
      return;
    }
    if (row) matter!.discretion.push(row);
    matters.set(code, { matter: matter!, firstLine: line, cells: Object.fromEntries(MATTER_COLUMNS.map((k) => [k, cell(k)])), lines: row ? [line] : [] });
  });
  for (const { matter, lines } of matters.values()) {
    for (const { index, problem } of benchmarkProblems(matter.discretion, CIRCUMSTANCE_KEYS)) problems.push(BENCHMARK_PROBLEM[problem](lines[index]!));
  }
  return problems.length ? { matters: [], problems: sortByLine(problems) } : { matters: [...matters.values()].map((m) => m.matter), problems };
}

function matterOf(line: number, cell: (key: keyof typeof C) => string, resolve: MatterResolvers, problems: string[]): MatterRecord | null {
  const before = problems.length;
  const kind = cell('kind');
  if (!(MATTER_KINDS as readonly string[]).includes(kind)) problems.push(ROW_PROBLEMS.badKind(line, kind));
  const field = fieldByLabel(cell('field'));
  if (!field) problems.push(ROW_PROBLEMS.badField(line, cell('field')));
  const subject = resolve.subject(cell('subject'));
  if (!subject) problems.push(ROW_PROBLEMS.unknownSubject(line, cell('subject')));
  else if (field && !subject.fields.includes(field)) problems.push(ROW_PROBLEMS.fieldNotHeld(line, cell('subject'), cell('field')));
  const dutyCode = cell('dutyCode');
  if (dutyCode && !resolve.dutyExists(dutyCode)) problems.push(ROW_PROBLEMS.unknownDuty(line, dutyCode));
  const flag = (key: 'firstOffenceExempt' | 'minorExempt'): boolean => {
    const value = cell(key);
    if (value && value !== YES && value !== NO) problems.push(ROW_PROBLEMS.badFlag(line, C[key], value));
    return value === YES;
  };
  const firstOffenceExempt = flag('firstOffenceExempt');
  const minorExempt = flag('minorExempt');
  if ((firstOffenceExempt || minorExempt) && !cell('exemptionItem')) problems.push(ROW_PROBLEMS.exemptionItemMissing(line));
  if (problems.length > before) return null;
  return {
    code: cell('code'), name: cell('name'), kind: kind as MatterKind, field: field!, subjectId: subject!.id, basis: cell('basis'),
    dutyCode: dutyCode || null, firstOffenceExempt, minorExempt, exemptionItem: cell('exemptionItem') || null, discretion: [],
  };
}

function benchmarkRow(line: number, cell: (key: keyof typeof C) => string, problems: string[]): DiscretionRow | null {
  const label = cell('circumstance');
  if (!label) {
    if (cell('description') || cell('fineMin') || cell('fineMax') || cell('otherPenalties')) problems.push(ROW_PROBLEMS.benchmarkColumnsWithoutCircumstance(line));
    return null;
  }
  const circumstance = circumstanceByLabel(label);
  if (!circumstance) problems.push(ROW_PROBLEMS.badCircumstance(line, label));
  if (!cell('description')) problems.push(ROW_PROBLEMS.missing(line, C.description));
  const yuan = (key: 'fineMin' | 'fineMax'): number | null => {
    const value = cell(key).replace(/,/g, '');
    if (!value) return null;
    if (!/^\d{1,12}$/.test(value)) {
      problems.push(ROW_PROBLEMS.badFine(line, C[key], cell(key)));
      return null;
    }
    return Number(value);
  };
  const [fineMin, fineMax] = [yuan('fineMin'), yuan('fineMax')];
  const otherPenalties = splitList(cell('otherPenalties'));
  for (const p of otherPenalties) if (!PENALTY_KINDS.includes(p)) problems.push(ROW_PROBLEMS.badPenalty(line, p));
  return { circumstance: circumstance ?? label, description: cell('description'), fineMin, fineMax, otherPenalties };
}

const lineOf = (problem: string) => Number(/^第 (\d+) 行/.exec(problem)?.[1] ?? 0);
const sortByLine = (problems: string[]) => problems.map((p, i) => ({ p, i })).sort((a, b) => lineOf(a.p) - lineOf(b.p) || a.i - b.i).map((x) => x.p);
