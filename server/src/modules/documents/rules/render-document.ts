import type { RenderedBlock } from '../../../../../contracts/published-document.js';
import { documentsText as t } from '../documents.strings.js';
import { BUILT_IN_PLACEHOLDERS, type DocumentTemplate, type TemplateField } from '../template.js';
import type { FieldValues } from './document-fields.js';
import { bodyDate, chinaDateParts, chineseDate, formatDocumentNumber } from './numbering.js';
import { fillPlaceholders, placeholdersIn } from './placeholders.js';

const BUILT_INS = new Set<string>(BUILT_IN_PLACEHOLDERS);

/** What a document is made of once filled (contracts/published-document.ts): the Word writer sets each block; tests read it directly. */
export type { RenderedBlock };

export interface RenderedDocument {
  title: string;
  blocks: RenderedBlock[];
}

export interface RenderContext {
  organName: string;
  /** The organ's short name for the number (its name when it has none). */
  organShort: string;
  /** The sequence once issued; null renders a draft (the number's sequence left blank). */
  n: number | null;
  /** 成文日期: the day of issue, or of the draft. */
  at: Date;
}

/** A value as running text shows it: dates in 年月日, money in 元. */
function display(field: TemplateField, value: string | number): string {
  if (field.kind === 'date') return bodyDate(String(value));
  if (field.kind === 'money') {
    const n = Number(value);
    return `${Number.isInteger(n) ? String(n) : n.toFixed(2)}${t.moneyUnit}`;
  }
  return String(value);
}

/** The document number a template gives for an organ, a day and a sequence (null: a draft's blanks). */
export function documentNumber(template: DocumentTemplate, ctx: Pick<RenderContext, 'organShort' | 'n' | 'at'>): string {
  return formatDocumentNumber(template.numbering, { organShort: ctx.organShort, year: chinaDateParts(ctx.at).year, n: ctx.n });
}

/**
 * Fills a template with checked field values (see checkDocumentFields). Pure: the same
 * template, values and context give the same blocks, so a final document can be rendered again.
 */
export function renderDocument(template: DocumentTemplate, values: FieldValues, ctx: RenderContext): RenderedDocument {
  const number = documentNumber(template, ctx);
  const date = chineseDate(ctx.at);
  const filled: Record<string, string> = { organName: ctx.organName, number: ctx.n === null ? '' : number, date };
  for (const field of template.fields) if (values[field.name] !== undefined) filled[field.name] = display(field, values[field.name]!);

  const blocks: RenderedBlock[] = [];
  for (const block of template.body) {
    switch (block.kind) {
      case 'number':
        blocks.push({ kind: 'number', text: number });
        break;
      case 'signature':
        blocks.push({ kind: 'signature', organ: ctx.organName, date });
        break;
      default: {
        // "罚款金额：{fine}" has nothing to say when the fine was left out.
        const fields = placeholdersIn(block.text).filter((p) => !BUILT_INS.has(p));
        if (fields.length && fields.every((p) => !filled[p])) break;
        // A longtext value spans lines: each becomes a paragraph of its own; empty ones are dropped.
        for (const line of fillPlaceholders(block.text, filled).split(/\r?\n/)) {
          const text = line.trim();
          if (text) blocks.push({ kind: block.kind, text });
        }
      }
    }
  }
  const title = blocks.find((b) => b.kind === 'title');
  return { title: title && 'text' in title ? title.text : template.label, blocks };
}
