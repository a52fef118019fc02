import { AlignmentType, ImageRun, Paragraph } from 'docx';
import { FONT, SIZE, bodyParagraph, centered, dataTable, emptyParagraph, headingParagraph, packDocx, titleParagraph, type Block } from '../../../platform/docx/word-writer.js';
import type { ReportModel } from '../rules/report-model.js';
import { CHART_SIZE, renderChartPng } from './render-chart.js';

/** A report model as a .docx: real Word tables, charts as PNG images under their captions. */
export async function writeDocx(model: ReportModel): Promise<Buffer> {
  const images = await Promise.all(model.blocks.map((b) => (b.kind === 'chart' ? renderChartPng(b.chart) : null)));
  const children: Block[] = [titleParagraph(model.title), centered(model.subtitle, FONT.subtitle, SIZE.body)];
  model.blocks.forEach((block, i) => {
    switch (block.kind) {
      case 'heading':
        children.push(headingParagraph(block.text));
        break;
      case 'paragraph':
        children.push(bodyParagraph(block.text));
        break;
      case 'table':
        children.push(centered(block.caption, FONT.heading, SIZE.caption), dataTable(block.columns, block.rows), emptyParagraph());
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
  return packDocx(model.title, children);
}
