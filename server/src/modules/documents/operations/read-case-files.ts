import { and, desc, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { canSeeCase, caseError } from '../../cases/index.js';
import { documentError } from '../documents.errors.js';
import { documentsText as t } from '../documents.strings.js';
import { caseAttachments, caseDocuments } from '../documents.tables.js';
import { findDocumentTemplate } from '../template-registry.js';

// Every read checks scope first: a case the reader may not see answers CASE_NOT_FOUND, the
// same as a case that does not exist.
async function requireVisible(tx: Db, caseId: string, actor: Actor): Promise<void> {
  if (!(await canSeeCase(tx, caseId, actor))) throw caseError('CASE_NOT_FOUND');
}

const attachmentColumns = {
  id: caseAttachments.id,
  fileName: caseAttachments.fileName,
  mediaType: caseAttachments.mediaType,
  size: caseAttachments.size,
  sha256: caseAttachments.sha256,
  addedAt: caseAttachments.addedAt,
  addedByUserId: caseAttachments.addedByUserId,
};

/** A case's files, newest first. */
export async function listCaseAttachments(tx: Db, actor: Actor, caseId: string) {
  await requireVisible(tx, caseId, actor);
  const rows = await tx.select(attachmentColumns).from(caseAttachments).where(eq(caseAttachments.caseId, caseId)).orderBy(desc(caseAttachments.addedAt), desc(caseAttachments.id));
  return rows.map((r) => ({ ...r, addedAt: r.addedAt.toISOString(), url: `/api/cases/${caseId}/attachments/${r.id}` }));
}

/** One file's bytes, with what to call it. */
export async function readCaseAttachment(tx: Db, actor: Actor, caseId: string, attachmentId: string) {
  await requireVisible(tx, caseId, actor);
  const [row] = await tx.select({ fileName: caseAttachments.fileName, mediaType: caseAttachments.mediaType, bytes: caseAttachments.bytes })
    .from(caseAttachments).where(and(eq(caseAttachments.caseId, caseId), eq(caseAttachments.id, attachmentId)));
  if (!row) throw documentError('ATTACHMENT_NOT_FOUND');
  return { ...row, bytes: Buffer.from(row.bytes) };
}

/** Every version of every document of a case, newest first. */
export async function listCaseDocuments(tx: Db, actor: Actor, caseId: string) {
  await requireVisible(tx, caseId, actor);
  const rows = await tx
    .select({
      id: caseDocuments.id, templateId: caseDocuments.templateId, version: caseDocuments.version, status: caseDocuments.status, fields: caseDocuments.fields,
      number: caseDocuments.number, sha256: caseDocuments.sha256, createdAt: caseDocuments.createdAt, createdByUserId: caseDocuments.createdByUserId, issuedAt: caseDocuments.issuedAt,
    })
    .from(caseDocuments)
    .where(eq(caseDocuments.caseId, caseId))
    .orderBy(desc(caseDocuments.createdAt), desc(caseDocuments.version));
  return rows.map(({ templateId, ...r }) => ({
    ...r,
    template: templateId,
    templateLabel: findDocumentTemplate(templateId)?.label ?? templateId,
    createdAt: r.createdAt.toISOString(),
    issuedAt: r.issuedAt?.toISOString() ?? null,
    url: `/api/cases/${caseId}/documents/${r.id}`,
  }));
}

/** One version's .docx, named after its template and number (or draft version). */
export async function readCaseDocument(tx: Db, actor: Actor, caseId: string, documentId: string) {
  await requireVisible(tx, caseId, actor);
  const [row] = await tx.select({ templateId: caseDocuments.templateId, version: caseDocuments.version, number: caseDocuments.number, bytes: caseDocuments.bytes })
    .from(caseDocuments).where(and(eq(caseDocuments.caseId, caseId), eq(caseDocuments.id, documentId)));
  if (!row) throw documentError('DOCUMENT_NOT_FOUND');
  const label = findDocumentTemplate(row.templateId)?.label ?? row.templateId;
  return { fileName: `${label}${row.number ? t.numberSuffix(row.number) : t.draftSuffix(row.version)}.docx`, bytes: Buffer.from(row.bytes) };
}
