import ExcelJS from 'exceljs';
import type { Ranking, RankingRow } from '../../../../../contracts/statistics.js';
import { COLUMN_RANK, COLUMN_TOTAL, COLUMN_UNIT, DENOMINATOR, FIGURE_LABELS, NUMERATOR, PERIOD_LABEL, SHEET_TITLE, STATS_TEXT } from '../metrics.strings.js';
import { formatRate } from '../rules/figure.js';
import { FIGURE_KEYS } from '../rules/figures.js';

/** The ranking as an .xlsx workbook: score, volume, and rate, numerator and denominator of each figure. */
export async function exportFiguresXlsx(ranking: Ranking): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(SHEET_TITLE);
  sheet.addRow([`${ranking.total.unit.name}${SHEET_TITLE}`]);
  sheet.addRow([PERIOD_LABEL(ranking.period.from, ranking.period.to)]);
  sheet.addRow([
    COLUMN_RANK, COLUMN_UNIT, STATS_TEXT.compositeScore, STATS_TEXT.volume,
    ...FIGURE_KEYS.flatMap((k) => [FIGURE_LABELS[k], `${FIGURE_LABELS[k]}${NUMERATOR}`, `${FIGURE_LABELS[k]}${DENOMINATOR}`]),
  ]);
  const line = (row: RankingRow, rank: string | number) => [
    rank,
    row.unit.name,
    row.compositeScore ?? '—',
    row.volume,
    ...FIGURE_KEYS.flatMap((k) => [formatRate(row.figures[k].value), row.figures[k].numerator, row.figures[k].denominator]),
  ];
  for (const row of ranking.rows) sheet.addRow(line(row, row.rank ?? '—'));
  sheet.addRow(line(ranking.total, COLUMN_TOTAL));
  sheet.getRow(3).font = { bold: true };
  sheet.getColumn(2).width = 32;
  return Buffer.from(await book.xlsx.writeBuffer());
}
