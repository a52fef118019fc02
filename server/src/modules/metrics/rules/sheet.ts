import type { FigureValue } from '../../../../../contracts/metrics.js';
import { DENOMINATOR, NUMERATOR } from '../metrics.strings.js';
import { formatRate } from './figure.js';

export type Cell = string | number | null;

export interface SheetColumn<R> {
  header: string;
  /** Width in characters; the writer's default when absent. */
  width?: number;
  cell: (row: R) => Cell;
}

/**
 * One table as a worksheet: a title row, a period row, the header row, the rows, then
 * a total row and notes when given. Every export (dashboard tables, ranking, drill-down)
 * is one of these, written by one writer (operations/write-xlsx.ts).
 */
export interface SheetTable<R> {
  /** Worksheet name (Excel allows 31 characters). */
  sheetName: string;
  title: string;
  /** "统计期间：…" or "统计时点：…". */
  period: string;
  columns: Array<SheetColumn<R>>;
  rows: Iterable<R>;
  total?: R;
  notes?: string[];
}

/** A rate as three columns: the shown text ("95.24%"), its numerator and its denominator. */
export function rateColumns<R>(label: string, pick: (row: R) => FigureValue): Array<SheetColumn<R>> {
  return [
    { header: label, width: 10, cell: (row) => formatRate(pick(row).value) },
    { header: `${label}${NUMERATOR}`, width: 8, cell: (row) => pick(row).numerator },
    { header: `${label}${DENOMINATOR}`, width: 8, cell: (row) => pick(row).denominator },
  ];
}
