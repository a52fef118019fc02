import { PassThrough, type Writable } from 'node:stream';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import ExcelJS from 'exceljs';

/** A number Excel keeps as a number and shows in a format of its own: a rate as "95.24%" (numFmt '0.00%'). */
export interface FormattedNumber {
  value: number;
  numFmt: string;
}

export type Cell = string | number | null | FormattedNumber;


export interface SheetColumn<R> {
  header: string;
  /** Width in characters; the writer's default when absent. */
  width?: number;
  cell: (row: R) => Cell;
}

/**
 * One table as a worksheet: a title row, a period row, the header row, the rows, then
 * a total row and notes when given. Every export (the dashboard's tables, rankings,
 * drill-downs, any case type's list) is one of these, written by one writer (writeXlsx).
 */
export interface SheetTable<R> {
  /** Worksheet name (Excel allows 31 characters). */
  sheetName: string;
  title: string;
  /** "统计期间：…", "统计时点：…" or "导出时间：…". */
  period: string;
  columns: Array<SheetColumn<R>>;
  rows: Iterable<R>;
  total?: R;
  notes?: string[];
}

const isFormatted = (cell: Cell): cell is FormattedNumber => typeof cell === 'object' && cell !== null;

/** Adds one row: formatted numbers go in as numbers, each with its format. */
function addRow<R>(sheet: ExcelJS.Worksheet, columns: Array<SheetColumn<R>>, row: R): ExcelJS.Row {
  const cells = columns.map((c) => c.cell(row));
  const added = sheet.addRow(cells.map((cell) => (isFormatted(cell) ? cell.value : cell)));
  cells.forEach((cell, i) => {
    if (isFormatted(cell)) added.getCell(i + 1).numFmt = cell.numFmt;
  });
  return added;
}

const DEFAULT_WIDTH = 12;
/** Rows written between two yields to the event loop, so a 50,000-row export never stalls other requests. */
const ROWS_PER_SLICE = 2000;

/**
 * Writes one table as an .xlsx workbook into `out`, row by row (ExcelJS's streaming
 * writer), so the file is sent while it is being made and memory stays flat.
 */
export async function writeXlsx<R>(table: SheetTable<R>, out: Writable): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = book.addWorksheet(table.sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.columns = table.columns.map((c) => ({ width: c.width ?? DEFAULT_WIDTH }));
  const title = sheet.addRow([table.title]);
  title.font = { bold: true, size: 14 };
  title.commit();
  sheet.addRow([table.period]).commit();
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  let written = 0;
  for (const row of table.rows) {
    addRow(sheet, table.columns, row).commit();
    if (++written % ROWS_PER_SLICE === 0) await yieldToEventLoop();
  }
  if (table.total !== undefined) {
    const total = addRow(sheet, table.columns, table.total);
    total.font = { bold: true };
    total.commit();
  }
  for (const note of table.notes ?? []) sheet.addRow([note]).commit();
  sheet.commit();
  await book.commit();
}

/** The workbook as a stream to send while it is written; a failure ends the stream with the error. */
export function xlsxStream<R>(table: SheetTable<R>): PassThrough {
  const body = new PassThrough();
  writeXlsx(table, body).catch((error: unknown) => body.destroy(error as Error));
  return body;
}

/** The whole workbook in memory, for callers that need the bytes (tests, the ranking export). */
export async function xlsxBuffer<R>(table: SheetTable<R>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const body = xlsxStream(table);
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
