import type { Ranking } from '../../../../../contracts/statistics.js';
import { rankingTable } from '../rules/stats-tables.js';
import { xlsxBuffer } from './write-xlsx.js';

/** The ranking as an .xlsx workbook: score, volume, and rate, numerator and denominator of each figure. */
export async function exportFiguresXlsx(ranking: Ranking): Promise<Buffer> {
  return xlsxBuffer(rankingTable(ranking));
}
