/**
 * What a module declares so the platform can count its figures: one row per case (`facts`, SQL
 * over the module's own tables), the columns that place a case in a unit's scope, and each
 * figure as a numerator and a denominator over those rows. The platform knows no module.
 */

/** A count (or a sum) of fact rows whose `date` column falls in the period, optionally filtered. */
export interface Measure {
  /** A `YYYY-MM-DD` column of the facts: the moment that puts a case in a period (received, concluded). */
  date: string;
  /** Only rows whose column holds one of these values. */
  where?: Readonly<Record<string, readonly string[]>>;
  /** Sum this numeric column instead of counting rows (for averages). */
  sum?: string;
}

export interface FigureDefinition {
  key: string;
  label: string;
  numerator: Measure;
  /** Absent for a plain count. */
  denominator?: Measure;
  /** How the figure is shown: a rate in percent, an average, or a count. */
  kind: 'rate' | 'average' | 'count';
  /** Decimals shown (half up); the value itself keeps full precision. */
  decimals?: number;
  /** Unit of an average, e.g. 天. */
  unit?: string;
}

/** Figures broken down by a column (by decision type, by respondent, by field). */
export interface Breakdown {
  key: string;
  label: string;
  /** The column grouped by. */
  column: string;
  /** Chinese labels of the column's values, where they are codes. */
  valueLabels?: Readonly<Record<string, string>>;
  /** The figures each group gets (keys of `figures`). */
  figures: readonly string[];
  /** Order groups by this figure's value, highest first (a ranking). */
  rankBy?: string;
}

export interface FigureSet {
  module: string;
  /** SQL yielding one row per case: `case_id` and every column the figures and breakdowns name. */
  facts: string;
  /** Unit-id columns of the facts: a case counts for a unit when one of them lies in its subtree. */
  scopeColumns: readonly string[];
  figures: readonly FigureDefinition[];
  breakdowns?: readonly Breakdown[];
}
