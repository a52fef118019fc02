import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType, type IRunOptions } from 'docx';
import { xmlSafe } from '../../../platform/xml-text.js';
import type { ReportBlock, ReportModel } from '../rules/report-model.js';
import { CHART_SIZE, renderChartPng } from './render-chart.js';

// The usual typefaces of Chinese government documents (GB/T 9704): 仿宋 body, 黑体 headings,
// a 宋体 title; Latin and digits in Times New Roman. Word substitutes where one is missing.
const FONT = {
  title: '宋体',
  subtitle: '楷体',
  heading: '黑体',
  body: '仿宋',
  table: '宋体',
  latin: 'Times New Roman',
} as const;
// Sizes are half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt.
const SIZE = { title: 44, body: 32, caption: 28, table: 21 } as const;
/** Page margins of GB/T 9704 in twentieths of a point: 37 mm top, 35 mm bottom, 28 mm left, 26 mm right. */
const MARGIN = { top: 2098, bottom: 1984, left: 1588, right: 1474 } as const;

const run = (text: string, eastAsia: string, size: number, extra: Partial<IRunOptions> = {}) =>
  new TextRun({ text: xmlSafe(text), size, font: { ascii: FONT.latin, hAnsi: FONT.latin, eastAsia }, ...extra });

const centered = (text: string, font: string, size: number, bold = false) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: 120 }, children: [run(text, font, size, { bold })] });

function table(block: Extract<ReportBlock, { kind: 'table' }>): Table {
  const cell = (text: string, header: boolean) =>
    new TableCell({
      shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'D9D9D9' } : undefined,
      margins: { left: 60, right: 60, top: 30, bottom: 30 },
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, FONT.table, SIZE.table, { bold: header })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: block.columns.map((c) => cell(c, true)) }),
      ...block.rows.map((r) => new TableRow({ children: r.map((c) => cell(c, false)) })),
    ],
  });
}

/** A report model as a .docx: real Word tables, charts as PNG images under their captions. */
export async function writeDocx(model: ReportModel): Promise<Buffer> {
  const images = await Promise.all(model.blocks.map((b) => (b.kind === 'chart' ? renderChartPng(b.chart) : null)));
  const children: Array<Paragraph | Table> = [
    centered(model.title, FONT.title, SIZE.title, true),
    centered(model.subtitle, FONT.subtitle, SIZE.body),
  ];
  model.blocks.forEach((block, i) => {
    switch (block.kind) {
      case 'heading':
        children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { before: 240, after: 120 }, indent: { firstLine: 640 }, children: [run(block.text, FONT.heading, SIZE.body, { color: '000000' })] }));
        break;
      case 'paragraph':
        children.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { line: 360 }, indent: { firstLine: 640 }, children: [run(block.text, FONT.body, SIZE.body)] }));
        break;
      case 'table':
        children.push(centered(block.caption, FONT.heading, SIZE.caption), table(block), new Paragraph({ children: [] }));
        break;
      case 'chart':
        children.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new ImageRun({ type: 'png', data: images[i]!, transformation: { ...CHART_SIZE }, altText: { name: block.chart.title, title: block.chart.title, description: block.caption } })],
          }),
          centered(block.caption, FONT.heading, SIZE.caption),
        );
        break;
    }
  });
  const document = new Document({
    title: model.title,
    creator: 'Fazhi',
    styles: { default: { document: { run: { size: SIZE.body, font: { ascii: FONT.latin, hAnsi: FONT.latin, eastAsia: FONT.body } } } } },
    sections: [{ properties: { page: { margin: MARGIN } }, children }],
  });
  return Packer.toBuffer(document);
}
