/**
 * A case's file: attachments with their hashes in the case's chain, and documents generated from
 * templates that modules declare, numbered per issuing organ and year, versioned, the final one
 * frozen. Knows no particular case type: a module registers its templates beside its case type.
 */
export { registerDocumentTemplate, findDocumentTemplate, documentTemplatesFor } from './template-registry.js';
export type { DocumentTemplate, TemplateField, TemplateBlock, FieldKind } from './template.js';
export { documentError } from './documents.errors.js';
export { DOCUMENT_FINDINGS } from './documents.strings.js';
export { caseAttachments, caseDocuments, documentNumbers } from './documents.tables.js';
export { prepareAttachment, type AttachmentUpload, type PreparedAttachment } from './operations/prepare-attachment.js';
export { addAttachment, type AddAttachmentInput } from './operations/add-attachment.js';
export { stageAttachment } from './operations/stage-attachment.js';
export { bindAttachments } from './operations/bind-attachments.js';
export { draftDocument, type DraftDocumentInput } from './operations/draft-document.js';
export { issueDocument, issueDocumentFromFields, type IssueDocumentInput, type IssueFromFieldsInput } from './operations/issue-document.js';
export type { IssuedDocumentFacts } from './operations/produce-document.js';
export { nextNumber } from './operations/allocate-number.js';
export { mayAddAttachment, mayDraftDocument } from './operations/case-file-rights.js';
export { listCaseAttachments, listCaseDocuments, readCaseAttachment, readCaseDocument } from './operations/read-case-files.js';
export { readPublishedDocument, type PublishedDocument } from './operations/published-document.js';
export { redactPersonName, maskIdentifiers } from './rules/redact.js';
export { verifyDocuments, type DocumentFinding, type DocumentFindingReason, type DocumentsReport } from './operations/verify-documents.js';
export { documentsPlugin } from './documents.plugin.js';
