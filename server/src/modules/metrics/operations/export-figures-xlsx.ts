import ExcelJS from 'exceljs';
import { COLUMN_RANK, COLUMN_TOTAL, COLUMN_UNIT, DENOMINATOR, FIGURE_LABELS, NUMERATOR, PERIOD_LABEL, SHEET_TITLE } from '../metrics.strings.js';
import { formatRate } from '../rules/figure.js';
import { FIGURE_KEYS, type UnitFigures } from './compute-hotline-figures.js';

/** The figures table as an .xlsx workbook: rate, numerator and denominator for each figure. */
export async function exportFiguresXlsx(result: { total: UnitFigures; rows: UnitFigures[] }, from: string, to: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(SHEET_TITLE);
  sheet.addRow([`${result.total.unitName}${SHEET_TITLE}`]);
  sheet.addRow([PERIOD_LABEL(from, to)]);
  sheet.addRow([COLUMN_RANK, COLUMN_UNIT, ...FIGURE_KEYS.flatMap((k) => [FIGURE_LABELS[k], `${FIGURE_LABELS[k]}${NUMERATOR}`, `${FIGURE_LABELS[k]}${DENOMINATOR}`])]);
  const line = (row: UnitFigures, rank: string | number) => [
    rank,
    row.unitName,
    ...FIGURE_KEYS.flatMap((k) => [formatRate(row.figures[k].value), row.figures[k].numerator, row.figures[k].denominator]),
  ];
  for (const row of result.rows) sheet.addRow(line(row, row.rank ?? '—'));
  sheet.addRow(line(result.total, COLUMN_TOTAL));
  sheet.getRow(3).font = { bold: true };
  sheet.getColumn(2).width = 32;
  return Buffer.from(await book.xlsx.writeBuffer());
}
