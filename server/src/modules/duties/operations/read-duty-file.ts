import ExcelJS from 'exceljs';
import { parseCsvRecords } from '../../../platform/csv.js';
import { dutyError } from '../duties.errors.js';

/** The first sheet of an .xlsx file, or a UTF-8 .csv, as records keyed by the header row. */
export async function readDutyFile(fileName: string, bytes: Uint8Array): Promise<Array<Record<string, string>>> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) {
    try {
      return parseCsvRecords(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
      throw dutyError('DUTY_FILE_UNREADABLE');
    }
  }
  if (!lower.endsWith('.xlsx')) throw dutyError('DUTY_FILE_UNREADABLE');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw dutyError('DUTY_FILE_UNREADABLE');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const header: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, column) => void (header[column] = cell.text.trim()));
  const records: Array<Record<string, string>> = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const record: Record<string, string> = {};
    header.forEach((name, column) => {
      if (name) record[name] = row.getCell(column).text ?? '';
    });
    records.push(record);
  });
  return records;
}
