import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { findUnit } from '../../orgs/index.js';
import { documentError } from '../documents.errors.js';
import { caseDocuments } from '../documents.tables.js';
import type { FieldValues } from '../rules/document-fields.js';
import { redactFields } from '../rules/redact.js';
import { renderDocument } from '../rules/render-document.js';
import type { PublishedDocument } from '../../../../../contracts/published-document.js';
import { findDocumentTemplate } from '../template-registry.js';

export type { PublishedDocument };

/**
 * The final version of a document as the public may read it: rendered again from its recorded
 * fields with every person's name redacted and identity and phone numbers masked. Which
 * documents are published at all is the module's decision; this only makes the text safe.
 */
export async function readPublishedDocument(tx: Db, documentId: string): Promise<PublishedDocument> {
  const [row] = await tx.select().from(caseDocuments).where(and(eq(caseDocuments.id, documentId), eq(caseDocuments.status, 'final')));
  const template = row ? findDocumentTemplate(row.templateId) : undefined;
  const organ = row ? await findUnit(tx, row.organUnitId) : undefined;
  if (!row || !template || !organ || !row.number) throw documentError('DOCUMENT_NOT_FOUND');
  const values = redactFields(template.fields, row.fields as Record<string, string | number>) as FieldValues;
  const at = row.issuedAt ?? row.createdAt;
  const rendered = renderDocument(template, values, { organName: organ.name, organShort: organ.shortName?.trim() || organ.name, n: null, at });
  const blocks = rendered.blocks.map((b) => (b.kind === 'number' ? { ...b, text: row.number! } : b));
  return { documentId: row.id, caseId: row.caseId, title: rendered.title, number: row.number, issuedAt: at.toISOString(), blocks };
}
