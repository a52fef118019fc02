import { bodyParagraph, headingParagraph, packDocx, rightParagraph, titleParagraph, type Block } from '../../../platform/docx/word-writer.js';
import type { RenderedDocument } from '../rules/render-document.js';

/**
 * A rendered document on a GB/T 9704 page: the title, the number on the right, body text, and at
 * the foot the organ's name over the 成文日期, the date four characters from the right margin.
 */
export function writeDocumentDocx(document: RenderedDocument): Promise<Buffer> {
  const children: Block[] = [];
  for (const block of document.blocks) {
    switch (block.kind) {
      case 'title':
        children.push(titleParagraph(block.text));
        break;
      case 'number':
        children.push(rightParagraph(block.text));
        break;
      case 'heading':
        children.push(headingParagraph(block.text));
        break;
      case 'paragraph':
        children.push(bodyParagraph(block.text));
        break;
      case 'signature':
        children.push(rightParagraph(block.organ, 2, 720), rightParagraph(block.date, 4));
        break;
    }
  }
  return packDocx(document.title, children);
}
