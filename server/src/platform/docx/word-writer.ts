import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType, type IRunOptions } from 'docx';
import { xmlSafe } from '../xml-text.js';

/**
 * The Word writer every module shares: the typography of Chinese government documents
 * (GB/T 9704) in one place, so a report and a numbered decision look like the same office's.
 */

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// 仿宋 body, 黑体 headings, a 宋体 title; Latin and digits in Times New Roman. Word substitutes
// where one is missing.
export const FONT = {
  title: '宋体',
  subtitle: '楷体',
  heading: '黑体',
  body: '仿宋',
  table: '宋体',
  latin: 'Times New Roman',
} as const;
/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt. */
export const SIZE = { title: 44, body: 32, caption: 28, table: 21 } as const;
/** Page margins of GB/T 9704 in twentieths of a point: 37 mm top, 35 mm bottom, 28 mm left, 26 mm right. */
export const MARGIN = { top: 2098, bottom: 1984, left: 1588, right: 1474 } as const;
/** One character of 三号 body text in twentieths of a point: paragraphs indent two, a date stands four from the right. */
export const CHAR_WIDTH = 320;

export type Block = Paragraph | Table;

/** A run of text in an East Asian face with Latin in Times New Roman. */
export const run = (text: string, eastAsia: string, size: number, extra: Partial<IRunOptions> = {}) =>
  new TextRun({ text: xmlSafe(text), size, font: { ascii: FONT.latin, hAnsi: FONT.latin, eastAsia }, ...extra });

export const centered = (text: string, font: string, size: number, bold = false) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: 120 }, children: [run(text, font, size, { bold })] });

/** The title of a document or report: 宋体 二号, bold, centred. */
export const titleParagraph = (text: string) => centered(text, FONT.title, SIZE.title, true);

/** A first-level heading (一、…): 黑体 三号, indented two characters. */
export const headingParagraph = (text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { before: 240, after: 120 }, indent: { firstLine: 2 * CHAR_WIDTH }, children: [run(text, FONT.heading, SIZE.body, { color: '000000' })] });

/** Body text: 仿宋 三号, justified, the first line indented two characters. */
export const bodyParagraph = (text: string) =>
  new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { line: 360 }, indent: { firstLine: 2 * CHAR_WIDTH }, children: [run(text, FONT.body, SIZE.body)] });

/** Body text set to the right, `rightChars` characters from the margin (发文字号, signature, 成文日期). */
export const rightParagraph = (text: string, rightChars = 0, spacingBefore = 0) =>
  new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { line: 360, before: spacingBefore }, indent: { right: rightChars * CHAR_WIDTH }, children: [run(text, FONT.body, SIZE.body)] });

export const emptyParagraph = () => new Paragraph({ children: [] });

/** A real Word table, the header row shaded and repeated on every page. */
export function dataTable(columns: readonly string[], rows: ReadonlyArray<readonly string[]>): Table {
  const cell = (text: string, header: boolean) =>
    new TableCell({
      shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'D9D9D9' } : undefined,
      margins: { left: 60, right: 60, top: 30, bottom: 30 },
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, FONT.table, SIZE.table, { bold: header })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((c) => cell(c, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c, false)) })),
    ],
  });
}

/** The blocks as a .docx on a GB/T 9704 page, 仿宋 三号 by default. */
export function packDocx(title: string, children: Block[]): Promise<Buffer> {
  const document = new Document({
    title: xmlSafe(title),
    creator: 'Fazhi',
    styles: { default: { document: { run: { size: SIZE.body, font: { ascii: FONT.latin, hAnsi: FONT.latin, eastAsia: FONT.body } } } } },
    sections: [{ properties: { page: { margin: MARGIN } }, children }],
  });
  return Packer.toBuffer(document);
}
