import ExcelJS from 'exceljs';

/**
 * Every row of the first sheet as the reader gets it; empty cells are null, and a number with a
 * format of its own is `{ value, numFmt }` (a rate is a number shown as a percentage, not text).
 */
export async function sheetRows(payload: Buffer): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(payload as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  book.worksheets[0]!.eachRow((row) => rows.push(Array.from((row.values as unknown[]).slice(1), (v, i) => {
    const numFmt = row.getCell(i + 1).numFmt;
    return typeof v === 'number' && numFmt ? { value: v, numFmt } : (v ?? null);
  })));
  return rows;
}

/** What a rate's cell must hold: the number, shown with two decimals of a percent; "—" without a denominator. */
export const rate = (value: number | null) => (value === null ? '—' : { value, numFmt: '0.00%' });
/** A rate's change in percentage points, shown "+2.35 个百分点". */
export const points = (value: number | null) => (value === null ? '—' : { value, numFmt: '+0.00" 个百分点";-0.00" 个百分点";0.00" 个百分点"' });
/** A count's change relative to its base, shown "+93.0%". */
export const relative = (value: number | null) => (value === null ? '—' : { value, numFmt: '+0.0%;-0.0%;0.0%' });
