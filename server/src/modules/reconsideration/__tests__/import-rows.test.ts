import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { IMPORT_LIMITS, parseReconsiderationImport, type ImportError, type ImportResult, type ImportRow } from '../index.js';

const TODAY = '2024-06-30';
const HEADER = 'received_on,concluded_on,respondent,field,decision';

const importCsv = (text: string | Uint8Array, fileName = 'cases.csv', today = TODAY) =>
  parseReconsiderationImport({ fileName, bytes: typeof text === 'string' ? Buffer.from(text, 'utf8') : text, today });

function rowsOf(result: ImportResult): ImportRow[] {
  assert.ok(result.ok, `expected rows, got ${JSON.stringify(!result.ok && result.errors, null, 1)}`);
  return result.rows;
}

function errorsOf(result: ImportResult): ImportError[] {
  assert.ok(!result.ok, 'expected errors, the file was accepted');
  return result.errors;
}

/** [line, column, code] of each error, in the order reported. */
const brief = (errors: ImportError[]) => errors.map((e) => [e.line, e.column ?? null, e.code]);

describe('reading a CSV import', () => {
  it('reads concluded and open cases, with the line each came from', async () => {
    const rows = rowsOf(
      await importCsv(
        [
          HEADER,
          '2019-07-01,2019-08-20,海南省公安厅,公安,撤销',
          '2020-06-30,,海南省自然资源和规划厅,自然资源,',
          ' 2019-07-02 , 2019-07-02 , 海南省市场监督管理局 ,,被申请人自行纠正 ',
        ].join('\n'),
      ),
    );
    assert.deepEqual(rows, [
      { line: 2, receivedOn: '2019-07-01', concludedOn: '2019-08-20', respondent: '海南省公安厅', field: '公安', decision: '撤销', decisionKey: 'revoke' },
      { line: 3, receivedOn: '2020-06-30', concludedOn: null, respondent: '海南省自然资源和规划厅', field: '自然资源', decision: null, decisionKey: null },
      { line: 4, receivedOn: '2019-07-02', concludedOn: '2019-07-02', respondent: '海南省市场监督管理局', field: null, decision: '被申请人自行纠正', decisionKey: 'respondent_corrected' },
    ]);
  });

  it('accepts a UTF-8 BOM, CRLF line ends, spaces around header names and trailing empty header columns', async () => {
    const text = `\ufeff received_on , concluded_on,respondent, field ,decision,,\r\n2020-01-02,2020-02-03,海南省教育厅,教育,维持,,\r\n`;
    const [row] = rowsOf(await importCsv(text));
    assert.equal(row?.receivedOn, '2020-01-02');
    assert.equal(row?.decisionKey, 'uphold');
    assert.equal(row?.line, 2);
  });

  it('keeps commas and doubled quotes inside quoted fields, and numbers lines as an editor does after a field spanning lines', async () => {
    const text = [
      HEADER,
      '2020-01-02,2020-02-03,"海南省公安厅交通警察总队,海口支队",公安,维持',
      '2020-01-03,,"海南省""大数据""管理局",政府信息公开,',
      '2020-01-04,,"海南省\n水务厅",水利,',
      '2020-01-05,2020-01-04,海南省水务厅,水利,维持',
    ].join('\r\n');
    const errors = errorsOf(await importCsv(text));
    // The quoted line break is not allowed in a name, and the record after it starts on line 6.
    assert.deepEqual(brief(errors), [
      [4, 'respondent', 'IMPORT_TEXT'],
      [6, 'concluded_on', 'IMPORT_DATE_ORDER'],
    ]);
    const rows = rowsOf(await importCsv(text.split('\r\n').slice(0, 3).join('\r\n')));
    assert.equal(rows[0]?.respondent, '海南省公安厅交通警察总队,海口支队');
    assert.equal(rows[1]?.respondent, '海南省"大数据"管理局');
  });

  it('ignores empty lines (and lines of bare commas, as Excel writes them) but keeps counting them', async () => {
    const text = [HEADER, '', '2020-01-02,,海南省教育厅,教育,', ',,,,', '   ', '2020-01-03,,,教育,'].join('\n');
    assert.deepEqual(brief(errorsOf(await importCsv(text))), [[6, 'respondent', 'IMPORT_REQUIRED']]);
  });

  it('names the line of a quote that never closes', async () => {
    const text = [HEADER, '2020-01-02,,海南省教育厅,教育,', '2020-01-03,,"海南省教育厅,教育,', '2020-01-04,,海南省教育厅,教育,'].join('\n');
    const errors = errorsOf(await importCsv(text));
    assert.deepEqual(brief(errors), [[3, null, 'IMPORT_CSV_QUOTE']]);
    assert.match(errors[0]!.message, /第3行/u);
  });
});

describe('the header', () => {
  const cases: Array<[string, string]> = [
    ['columns in another order', 'concluded_on,received_on,respondent,field,decision'],
    ['a column missing', 'received_on,concluded_on,respondent,decision'],
    ['an extra column', `${HEADER},note`],
    ['another spelling', 'Received_On,concluded_on,respondent,field,decision'],
    ['Chinese names', '收到申请日期,审结日期,被申请人,行政管理领域,审结方式'],
    ['a data row where the header should be', '2020-01-02,,海南省教育厅,教育,'],
    ['an empty first line', ''],
  ];
  for (const [what, header] of cases) {
    it(`is refused with ${what}, naming the expected header`, async () => {
      const errors = errorsOf(await importCsv(`${header}\n2020-01-02,,海南省教育厅,教育,\n`));
      assert.deepEqual(brief(errors), [[1, null, 'IMPORT_HEADER']]);
      assert.ok(errors[0]!.message.includes(HEADER), errors[0]!.message);
    });
  }

  it('is refused when the file is empty', async () => {
    assert.deepEqual(brief(errorsOf(await importCsv(''))), [[1, null, 'IMPORT_HEADER']]);
  });
});

describe('values', () => {
  // One row per kind of problem; the blank line 3 checks that lines are counted as the file has them.
  const lines = [
    HEADER, //                                                          1
    '2020-01-02,2020-03-01,"海南省\u3000公安厅",公安,维持', //            2  (an ideographic space inside is fine)
    '', //                                                              3
    '2019-7-1,,海南省公安厅,公安,', //                                    4  IMPORT_DATE
    '2019/07/01,,海南省公安厅,公安,', //                                  5  IMPORT_DATE
    '2019-02-29,,海南省公安厅,公安,', //                                  6  IMPORT_DATE (not a leap year)
    '43647,,海南省公安厅,公安,', //                                       7  IMPORT_DATE (an Excel serial)
    '1990-12-31,,海南省公安厅,公安,', //                                  8  IMPORT_DATE_TOO_EARLY
    '1991-01-01,1991-03-01,海南省公安厅,公安,维持', //                     9  fine: the first day
    '2024-07-01,,海南省公安厅,公安,', //                                 10  IMPORT_DATE_FUTURE
    `2024-06-01,${TODAY},海南省公安厅,公安,撤销`, //                       11  fine: today
    '2020-05-02,2020-05-01,海南省公安厅,公安,维持', //                   12  IMPORT_DATE_ORDER
    '2020-05-02,2020-05-03,海南省公安厅,公安,部分撤销', //               13  IMPORT_DECISION
    '2020-05-02,2020-05-03,海南省公安厅,公安,', //                       14  IMPORT_CONCLUSION_INCOMPLETE (decision)
    '2020-05-02,,海南省公安厅,公安,撤回', //                             15  IMPORT_CONCLUSION_INCOMPLETE (concluded_on)
    ',,海南省公安厅,公安,', //                                           16  IMPORT_REQUIRED (received_on)
    '2020-05-02,,  ,公安,', //                                           17  IMPORT_REQUIRED (respondent)
    `2020-05-02,,${'局'.repeat(101)},公安,`, //                           18  IMPORT_TOO_LONG (respondent)
    `2020-05-02,,${'局'.repeat(100)},公安,`, //                           19  fine: 100 characters
    `2020-05-02,,海南省公安厅,${'域'.repeat(51)},`, //                     20  IMPORT_TOO_LONG (field)
    '2020-05-02,,海南省公安厅,公安', //                                   21  IMPORT_COLUMNS (4 of 5)
    '2020-05-02,,海南省公安厅,公安,,备注', //                             22  IMPORT_COLUMNS (extra value)
    '2020-05-02,,海南省公安厅,公安,,', //                                 23  fine: an extra empty column
    '2020-05-02,,海南省\t公安厅,公安,', //                                24  IMPORT_TEXT
    '"2020-05-02","2020-06-02","海南省公安厅","公安","终止"', //          25  fine: everything quoted
  ];

  it('reports every bad value with its line and column, in file order, and imports nothing', async () => {
    const errors = errorsOf(await importCsv(lines.join('\n')));
    assert.deepEqual(brief(errors), [
      [4, 'received_on', 'IMPORT_DATE'],
      [5, 'received_on', 'IMPORT_DATE'],
      [6, 'received_on', 'IMPORT_DATE'],
      [7, 'received_on', 'IMPORT_DATE'],
      [8, 'received_on', 'IMPORT_DATE_TOO_EARLY'],
      [10, 'received_on', 'IMPORT_DATE_FUTURE'],
      [12, 'concluded_on', 'IMPORT_DATE_ORDER'],
      [13, 'decision', 'IMPORT_DECISION'],
      [14, 'decision', 'IMPORT_CONCLUSION_INCOMPLETE'],
      [15, 'concluded_on', 'IMPORT_CONCLUSION_INCOMPLETE'],
      [16, 'received_on', 'IMPORT_REQUIRED'],
      [17, 'respondent', 'IMPORT_REQUIRED'],
      [18, 'respondent', 'IMPORT_TOO_LONG'],
      [20, 'field', 'IMPORT_TOO_LONG'],
      [21, null, 'IMPORT_COLUMNS'],
      [22, null, 'IMPORT_COLUMNS'],
      [24, 'respondent', 'IMPORT_TEXT'],
    ]);
  });

  it('accepts the good rows of that file once the bad ones are gone', async () => {
    const good = [1, 2, 3, 9, 11, 19, 23, 25].map((n) => lines[n - 1]!);
    const rows = rowsOf(await importCsv(good.join('\n')));
    assert.deepEqual(rows.map((r) => r.line), [2, 4, 5, 6, 7, 8]);
    assert.equal(rows[0]?.respondent, '海南省\u3000公安厅');
    assert.deepEqual(rows.map((r) => r.decisionKey), ['uphold', 'uphold', 'revoke', null, null, 'terminated']);
  });

  it('writes messages in Chinese that name the line, the column and what is expected', async () => {
    const errors = errorsOf(await importCsv(lines.join('\n')));
    const message = (line: number) => errors.find((e) => e.line === line)!.message;
    assert.match(message(4), /^第4行 received_on（收到申请日期）：“2019-7-1”不是有效日期，应写成 YYYY-MM-DD/u);
    assert.match(message(10), /晚于今天（2024-06-30）/u);
    assert.match(message(12), /审结日期 2020-05-01 早于收到申请日期 2020-05-02/u);
    assert.match(message(13), /“部分撤销”不是可用的审结方式，应为以下之一：维持、驳回、撤销、变更、确认违法、责令履行、确认无效、责令答复、被申请人自行纠正、撤回、终止/u);
    assert.match(message(18), /有 101 个字，最多 100 个字/u);
    assert.match(message(21), /有 4 列，应为 5 列/u);
  });

  it('reports several problems of one row together', async () => {
    const text = [HEADER, `2030-01-01,2019-13-01,${'局'.repeat(120)},公安,改判`].join('\n');
    assert.deepEqual(brief(errorsOf(await importCsv(text))), [
      [2, 'received_on', 'IMPORT_DATE_FUTURE'],
      [2, 'concluded_on', 'IMPORT_DATE'],
      [2, 'respondent', 'IMPORT_TOO_LONG'],
      [2, 'decision', 'IMPORT_DECISION'],
    ]);
  });
});

describe('the file as a whole', () => {
  it('says plainly that a GBK file from Excel is not UTF-8, and how to save it', async () => {
    const gbk = Buffer.from([0xba, 0xa3, 0xc4, 0xcf]);
    assert.equal(new TextDecoder('gbk').decode(gbk), '海南'); // the bytes really are GBK
    const bytes = Buffer.concat([
      Buffer.from(`${HEADER}\r\n2020-01-02,,`),
      Buffer.from('ok,公安,\r\n2020-01-03,,'),
      gbk,
      Buffer.from(',,\r\n'),
    ]);
    const errors = errorsOf(await importCsv(bytes));
    assert.deepEqual(brief(errors), [[3, null, 'IMPORT_ENCODING']]);
    assert.match(errors[0]!.message, /不是 UTF-8 编码/u);
    assert.match(errors[0]!.message, /另存为.*CSV UTF-8/u);
  });

  it('refuses a file with no cases', async () => {
    for (const text of [HEADER, `${HEADER}\n`, `${HEADER}\n\n,,,,\n`]) {
      assert.deepEqual(brief(errorsOf(await importCsv(text))), [[0, null, 'IMPORT_NO_ROWS']]);
    }
  });

  it('takes .csv and .xlsx only, in any case', async () => {
    assert.deepEqual(brief(errorsOf(await importCsv(`${HEADER}\n2020-01-02,,局,,`, 'cases.txt'))), [[0, null, 'IMPORT_FILE_TYPE']]);
    assert.equal(rowsOf(await importCsv(`${HEADER}\n2020-01-02,,局,,`, 'CASES.CSV')).length, 1);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const bytes = Buffer.alloc(IMPORT_LIMITS.maxBytes + 1, 0x41);
    const errors = errorsOf(await importCsv(bytes));
    assert.deepEqual(brief(errors), [[0, null, 'IMPORT_FILE_TOO_LARGE']]);
    assert.match(errors[0]!.message, /20 MB/u);
  });

  it(`takes ${IMPORT_LIMITS.maxRows.toLocaleString('en-US')} cases and refuses one more, naming its line`, async () => {
    const row = '2020-01-02,,海南省公安厅,公安,\n';
    const exact = `${HEADER}\n${row.repeat(IMPORT_LIMITS.maxRows)}`;
    assert.equal(rowsOf(await importCsv(exact)).length, IMPORT_LIMITS.maxRows);
    const errors = errorsOf(await importCsv(`${exact}\n${row}`)); // a blank line before the extra row
    assert.deepEqual(brief(errors), [[IMPORT_LIMITS.maxRows + 3, null, 'IMPORT_TOO_MANY_ROWS']]);
    assert.match(errors[0]!.message, /100,000/u);
  });

  it('needs a real day for today', async () => {
    await assert.rejects(importCsv(`${HEADER}\n2020-01-02,,局,,`, 'a.csv', '2024-6-30'), /today/u);
  });
});

describe('reading an .xlsx import', () => {
  async function xlsx(build: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    build(workbook.addWorksheet('案件'), workbook);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
  const importXlsx = async (bytes: Buffer, today = TODAY) => parseReconsiderationImport({ fileName: '案件.xlsx', bytes, today });
  // The wall clock a person typed into Excel, as exceljs hands Excel dates over (UTC fields).
  const excelDate = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min));

  it('reads date cells as the day Excel shows, without slipping a day either way, and text cells as written', async () => {
    const bytes = await xlsx((sheet) => {
      sheet.addRow(['received_on', 'concluded_on', 'respondent', 'field', 'decision']);
      sheet.addRow([excelDate(2019, 7, 1), excelDate(2019, 8, 20), '海南省公安厅', '公安', '撤销']);
      sheet.addRow([excelDate(2019, 7, 1, 23, 59), excelDate(2019, 8, 20, 0, 1), '海南省教育厅', '教育', '维持']);
      sheet.addRow([excelDate(2019, 12, 31, 18, 30), null, '海南省水务厅', null, null]);
      sheet.addRow([]); // row 5 stays empty
      sheet.addRow(['2020-03-01', '2020-04-01', { richText: [{ text: '海口市' }, { text: '人民政府', font: { bold: true } }] }, '自然资源', '确认违法']);
      // Formulas count by the value Excel last computed for them.
      const formulas = sheet.addRow([{ formula: 'DATE(2020,5,6)', result: excelDate(2020, 5, 6) }, null, { formula: '"三亚市"&"人民政府"', result: '三亚市人民政府' }]);
      formulas.getCell(1).numFmt = 'yyyy-mm-dd';
    });
    const rows = rowsOf(await importXlsx(bytes));
    assert.deepEqual(
      rows.map((r) => [r.line, r.receivedOn, r.concludedOn, r.respondent, r.field, r.decisionKey]),
      [
        [2, '2019-07-01', '2019-08-20', '海南省公安厅', '公安', 'revoke'],
        [3, '2019-07-01', '2019-08-20', '海南省教育厅', '教育', 'uphold'],
        [4, '2019-12-31', null, '海南省水务厅', null, null],
        [6, '2020-03-01', '2020-04-01', '海口市人民政府', '自然资源', 'confirm_illegal'],
        [7, '2020-05-06', null, '三亚市人民政府', null, null],
      ],
    );
  });

  it('reads dates of a workbook in the 1904 date system too', async () => {
    const bytes = await xlsx((sheet, workbook) => {
      workbook.properties.date1904 = true;
      sheet.addRow(['received_on', 'concluded_on', 'respondent', 'field', 'decision']);
      sheet.addRow([excelDate(2019, 7, 1), excelDate(2019, 8, 20), '海南省公安厅', '公安', '撤销']);
    });
    const [row] = rowsOf(await importXlsx(bytes));
    assert.deepEqual([row?.receivedOn, row?.concludedOn], ['2019-07-01', '2019-08-20']);
  });

  it('reports bad cells by their sheet row, including a number that is not formatted as a date', async () => {
    const bytes = await xlsx((sheet) => {
      sheet.addRow(['received_on', 'concluded_on', 'respondent', 'field', 'decision']);
      sheet.addRow([43647, null, '海南省公安厅', '公安', null]);
      sheet.addRow([]);
      sheet.addRow([excelDate(2019, 7, 1), excelDate(2019, 6, 30), '海南省公安厅', '公安', '撤销']);
      sheet.addRow([excelDate(2025, 1, 1), null, null, '公安', null, '多出的一格']);
    });
    assert.deepEqual(brief(errorsOf(await importXlsx(bytes))), [
      [2, 'received_on', 'IMPORT_DATE'],
      [4, 'concluded_on', 'IMPORT_DATE_ORDER'],
      [5, null, 'IMPORT_COLUMNS'],
    ]);
  });

  it('reads the first worksheet only, and wants the header in its first row', async () => {
    const good = await xlsx((sheet, workbook) => {
      sheet.addRow(['received_on', 'concluded_on', 'respondent', 'field', 'decision']);
      sheet.addRow([excelDate(2019, 7, 1), null, '海南省公安厅', '公安', null]);
      workbook.addWorksheet('说明').addRow(['这一页不是数据']);
    });
    assert.equal(rowsOf(await importXlsx(good)).length, 1);
    const low = await xlsx((sheet) => {
      sheet.getRow(2).values = ['received_on', 'concluded_on', 'respondent', 'field', 'decision'];
      sheet.getRow(3).values = [excelDate(2019, 7, 1), null, '海南省公安厅', '公安', null];
    });
    assert.deepEqual(brief(errorsOf(await importXlsx(low))), [[1, null, 'IMPORT_HEADER']]);
  });

  it('says so when the file is not an .xlsx workbook', async () => {
    for (const bytes of [Buffer.from(`${HEADER}\n2020-01-02,,局,,\n`), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])]) {
      assert.deepEqual(brief(errorsOf(await importXlsx(bytes))), [[0, null, 'IMPORT_XLSX_UNREADABLE']]);
    }
  });
});
