// `fazhi xzfy import`: one reconsideration case per row of a .csv or .xlsx file, concluded or
// still open. Every problem is collected with the line the user sees in the file (header = line
// 1; in .xlsx the sheet's row number) so the whole file can be fixed at once; one bad row and
// nothing is imported.
//
// `field` (行政管理领域: 公安, 自然资源, 市场监管 …) is optional free text, trimmed and at most 50
// characters. There is no list to check it against: the categories differ between years and
// provinces' statistics, and past registers often lack them. A list can come later as data
// without changing the file's shape.
import ExcelJS from 'exceljs';
import { parseCsvLines } from '../../../platform/csv.js';
import {
  IMPORT_HEADER,
  IMPORT_MESSAGES as M,
  type ImportColumn,
  type ImportErrorCode,
} from '../reconsideration.strings.js';
import { decisionByValue, listDecisions, type DecisionKey } from './decisions.js';
import { isoDayNumber, excelCellDay } from './iso-day.js';

export const IMPORT_LIMITS = {
  maxBytes: 20 * 1024 * 1024,
  maxRows: 100_000,
  respondentMaxLength: 100,
  fieldMaxLength: 50,
  /** 行政复议条例 (国务院 1990-12-24) took effect on this day; an earlier date is a typo. */
  earliestDay: '1991-01-01',
} as const;

const EARLIEST = isoDayNumber(IMPORT_LIMITS.earliestDay)!;

/** One case as imported. Dates are `YYYY-MM-DD`; an open case has neither concludedOn nor decision. */
export interface ImportRow {
  line: number;
  receivedOn: string;
  concludedOn: string | null;
  respondent: string;
  field: string | null;
  /** As written in the file (维持, 撤销 …). */
  decision: string | null;
  decisionKey: DecisionKey | null;
}

/** `line` is 0 when the problem is the file as a whole (its type, size, or no rows at all). */
export interface ImportError {
  line: number;
  column?: ImportColumn;
  code: ImportErrorCode;
  message: string;
}

export type ImportResult = { ok: true; rows: ImportRow[] } | { ok: false; errors: ImportError[] };

export interface ImportInput {
  fileName: string;
  bytes: Uint8Array;
  /** The Asia/Shanghai day of the import (YYYY-MM-DD): no date in the file may be later. */
  today: string;
}

interface RawRow {
  line: number;
  cells: string[];
}

type Table = { rows: RawRow[] } | { error: ImportError };

const fileError = (code: ImportErrorCode, message: string, line = 0): ImportError => ({ line, code, message });

export async function parseReconsiderationImport(input: ImportInput): Promise<ImportResult> {
  const today = isoDayNumber(input.today);
  if (today === null) throw new Error(`parseReconsiderationImport: today must be YYYY-MM-DD, not ${input.today}`);
  const lower = input.fileName.toLowerCase();
  const format = lower.endsWith('.csv') ? 'csv' : lower.endsWith('.xlsx') ? 'xlsx' : null;
  if (!format) return { ok: false, errors: [fileError('IMPORT_FILE_TYPE', M.IMPORT_FILE_TYPE(input.fileName))] };
  if (input.bytes.length > IMPORT_LIMITS.maxBytes) {
    const mb = IMPORT_LIMITS.maxBytes / 1024 / 1024;
    return { ok: false, errors: [fileError('IMPORT_FILE_TOO_LARGE', M.IMPORT_FILE_TOO_LARGE(mb))] };
  }
  const table = format === 'csv' ? readCsv(input.bytes) : await readXlsx(input.bytes);
  if ('error' in table) return { ok: false, errors: [table.error] };
  return checkRows(table.rows, format, input.today, today);
}

function readCsv(bytes: Uint8Array): Table {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const line = firstLineNotUtf8(bytes);
    return { error: fileError('IMPORT_ENCODING', M.IMPORT_ENCODING(line), line) };
  }
  const { rows, unclosedQuoteLine } = parseCsvLines(text);
  if (unclosedQuoteLine !== null) {
    return { error: fileError('IMPORT_CSV_QUOTE', M.IMPORT_CSV_QUOTE(unclosedQuoteLine), unclosedQuoteLine) };
  }
  return { rows: rows.map((r) => ({ line: r.line, cells: r.fields })) };
}

// LF (0x0A) is never part of a multi-byte character in UTF-8 or GBK, so lines can be tried one by one.
function firstLineNotUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (let line = 1; ; line++) {
    const end = bytes.indexOf(0x0a, start);
    try {
      decoder.decode(bytes.subarray(start, end < 0 ? bytes.length : end));
    } catch {
      return line;
    }
    if (end < 0) return line;
    start = end + 1;
  }
}

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const unreadable = { error: fileError('IMPORT_XLSX_UNREADABLE', M.IMPORT_XLSX_UNREADABLE) };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return unreadable;
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return unreadable;
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => void (cells[column - 1] = cellText(cell.value)));
    rows.push({ line: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  return { rows };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return excelCellDay(value) ?? '';
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return '';
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}

// Line breaks, tabs and other control characters have no place in a name or a date.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;

function checkRows(raw: RawRow[], format: 'csv' | 'xlsx', todayText: string, today: number): ImportResult {
  const errors: ImportError[] = [];
  const first = raw[0];
  const header = first && first.line === 1 ? first.cells.map((c) => c.replace(/^\ufeff/u, '').trim()) : [];
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  if (header.length !== IMPORT_HEADER.length || IMPORT_HEADER.some((name, i) => header[i] !== name)) {
    const actual = first && first.line === 1 ? first.cells.join(',') : '';
    return { ok: false, errors: [{ line: 1, code: 'IMPORT_HEADER', message: M.IMPORT_HEADER(IMPORT_HEADER.join(','), actual) }] };
  }
  const data = raw.slice(1).filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (data.length === 0) return { ok: false, errors: [fileError('IMPORT_NO_ROWS', M.IMPORT_NO_ROWS)] };
  const over = data[IMPORT_LIMITS.maxRows];
  if (over) {
    const message = M.IMPORT_TOO_MANY_ROWS(over.line, IMPORT_LIMITS.maxRows);
    return { ok: false, errors: [fileError('IMPORT_TOO_MANY_ROWS', message, over.line)] };
  }
  const rows: ImportRow[] = [];
  for (const row of data) {
    const found = checkRow(row, format, todayText, today);
    if ('errors' in found) errors.push(...found.errors);
    else rows.push(found.row);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}

function checkRow(
  raw: RawRow,
  format: 'csv' | 'xlsx',
  todayText: string,
  today: number,
): { row: ImportRow } | { errors: ImportError[] } {
  const { line, cells } = raw;
  const width = IMPORT_HEADER.length;
  // A short .csv row has lost a comma, so its values sit under the wrong columns; .xlsx leaves
  // trailing empty cells out, so there a short row is only empty at the end.
  const extra = cells.slice(width).some((c) => c.trim() !== '');
  if ((format === 'csv' && cells.length < width) || extra) {
    const count = extra ? cells.findLastIndex((c) => c.trim() !== '') + 1 : cells.length;
    return { errors: [{ line, code: 'IMPORT_COLUMNS', message: M.IMPORT_COLUMNS(line, count, width) }] };
  }
  const errors: ImportError[] = [];
  const problem = (column: ImportColumn, code: ImportErrorCode, message: string) =>
    errors.push({ line, column, code, message });
  const value = Object.fromEntries(IMPORT_HEADER.map((name, i) => [name, (cells[i] ?? '').trim()])) as Record<ImportColumn, string>;
  for (const column of IMPORT_HEADER) {
    if (CONTROL.test(value[column])) problem(column, 'IMPORT_TEXT', M.IMPORT_TEXT(line, column));
  }
  if (errors.length > 0) return { errors };

  const day = (column: 'received_on' | 'concluded_on'): number | null => {
    const text = value[column];
    if (text === '') return null;
    const n = isoDayNumber(text);
    if (n === null) problem(column, 'IMPORT_DATE', M.IMPORT_DATE(line, column, text));
    else if (n < EARLIEST) problem(column, 'IMPORT_DATE_TOO_EARLY', M.IMPORT_DATE_TOO_EARLY(line, column, text, IMPORT_LIMITS.earliestDay));
    else if (n > today) problem(column, 'IMPORT_DATE_FUTURE', M.IMPORT_DATE_FUTURE(line, column, text, todayText));
    else return n;
    return null;
  };
  if (value.received_on === '') problem('received_on', 'IMPORT_REQUIRED', M.IMPORT_REQUIRED(line, 'received_on'));
  const received = day('received_on');
  const concluded = day('concluded_on');
  if (received !== null && concluded !== null && concluded < received) {
    problem('concluded_on', 'IMPORT_DATE_ORDER', M.IMPORT_DATE_ORDER(line, value.concluded_on, value.received_on));
  }

  const respondentLength = [...value.respondent].length;
  if (respondentLength === 0) problem('respondent', 'IMPORT_REQUIRED', M.IMPORT_REQUIRED(line, 'respondent'));
  else if (respondentLength > IMPORT_LIMITS.respondentMaxLength) {
    problem('respondent', 'IMPORT_TOO_LONG', M.IMPORT_TOO_LONG(line, 'respondent', respondentLength, IMPORT_LIMITS.respondentMaxLength));
  }
  const fieldLength = [...value.field].length;
  if (fieldLength > IMPORT_LIMITS.fieldMaxLength) {
    problem('field', 'IMPORT_TOO_LONG', M.IMPORT_TOO_LONG(line, 'field', fieldLength, IMPORT_LIMITS.fieldMaxLength));
  }

  const decision = value.decision === '' ? undefined : decisionByValue(value.decision);
  if (value.decision !== '' && !decision) {
    problem('decision', 'IMPORT_DECISION', M.IMPORT_DECISION(line, value.decision, listDecisions().map((d) => d.value)));
  }
  if ((value.concluded_on === '') !== (value.decision === '')) {
    const missing = value.concluded_on === '' ? 'concluded_on' : 'decision';
    problem(missing, 'IMPORT_CONCLUSION_INCOMPLETE', M.IMPORT_CONCLUSION_INCOMPLETE(line, missing));
  }
  if (errors.length > 0) return { errors };
  return {
    row: {
      line,
      receivedOn: value.received_on,
      concludedOn: value.concluded_on || null,
      respondent: value.respondent,
      field: value.field || null,
      decision: decision?.value ?? null,
      decisionKey: decision?.key ?? null,
    },
  };
}
