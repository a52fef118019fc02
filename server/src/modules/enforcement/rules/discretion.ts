// 裁量基准: for a matter, each grade of circumstance with its range of penalty.

export interface DiscretionRow {
  /** A key of CIRCUMSTANCES (minor, ordinary, serious, grave). */
  circumstance: string;
  description: string;
  /** Fine in whole yuan, both ends included; null when the row sets no fine. */
  fineMin: number | null;
  fineMax: number | null;
  /** Penalties besides a fine (警告, 没收违法所得 …), from PENALTY_KINDS. */
  otherPenalties: string[];
}

export interface MatterBenchmark {
  discretion: readonly DiscretionRow[];
  firstOffenceExempt: boolean;
  minorExempt: boolean;
}

export type DiscretionRange =
  | { kind: 'range'; row: DiscretionRow }
  /** On the 首违不罚 or 轻微不罚 list: a first or minor offence, corrected in time, goes unpunished. */
  | { kind: 'exempt'; list: 'first_offence' | 'minor'; row: DiscretionRow | null }
  | { kind: 'none' };

/**
 * The range the benchmark sets for a circumstance. A minor circumstance of a matter on the
 * 轻微不罚 list, or a first offence of one on the 首违不罚 list, is exempt (行政处罚法 art. 33);
 * the row, if any, is given with it for the record.
 */
export function discretionRangeFor(matter: MatterBenchmark, circumstance: string, options: { firstOffence?: boolean } = {}): DiscretionRange {
  const row = matter.discretion.find((r) => r.circumstance === circumstance) ?? null;
  if (circumstance === 'minor' && matter.minorExempt) return { kind: 'exempt', list: 'minor', row };
  if (options.firstOffence && circumstance === 'minor' && matter.firstOffenceExempt) return { kind: 'exempt', list: 'first_offence', row };
  return row ? { kind: 'range', row } : { kind: 'none' };
}

export type BenchmarkProblem = 'fine_order' | 'fine_half_open' | 'circumstance_twice' | 'row_empty' | 'grades_overlap';

/**
 * What is wrong with a benchmark: a fine whose minimum exceeds its maximum or that gives one
 * end only, a grade twice, a row that sets nothing, or a milder grade whose fine reaches above
 * a graver one's maximum. `order` lists the grades mildest first.
 */
export function benchmarkProblems(rows: readonly DiscretionRow[], order: readonly string[]): Array<{ index: number; problem: BenchmarkProblem }> {
  const problems: Array<{ index: number; problem: BenchmarkProblem }> = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    if (seen.has(row.circumstance)) problems.push({ index, problem: 'circumstance_twice' });
    seen.add(row.circumstance);
    if ((row.fineMin === null) !== (row.fineMax === null)) problems.push({ index, problem: 'fine_half_open' });
    else if (row.fineMin !== null && row.fineMax !== null && row.fineMin > row.fineMax) problems.push({ index, problem: 'fine_order' });
    if (row.fineMin === null && row.fineMax === null && row.otherPenalties.length === 0) problems.push({ index, problem: 'row_empty' });
  });
  const fined = rows
    .map((row, index) => ({ row, index, grade: order.indexOf(row.circumstance) }))
    .filter((r) => r.row.fineMax !== null)
    .sort((a, b) => a.grade - b.grade);
  for (let i = 1; i < fined.length; i++) {
    if (fined[i - 1]!.row.fineMax! > fined[i]!.row.fineMax!) problems.push({ index: fined[i]!.index, problem: 'grades_overlap' });
  }
  return problems;
}
