import { ATTACHMENT_MAX_BYTES } from './rules/attachment-content.js';

const tag = ['案件文书与附件'];
const uuid = { type: 'string', format: 'uuid' };
const caseParams = { type: 'object', required: ['caseId'], properties: { caseId: uuid } };
const itemParams = { type: 'object', required: ['caseId', 'id'], properties: { caseId: uuid, id: uuid } };

// The schema lets a file somewhat over the limit through, so the operation can refuse it with
// ATTACHMENT_TOO_LARGE and the limit in words; the body limit stops anything absurd before it is parsed.
const BASE64_MAX = Math.ceil((ATTACHMENT_MAX_BYTES * 1.05) / 3) * 4;
export const ATTACHMENT_BODY_LIMIT = BASE64_MAX + 64 * 1024;

const notFound = 'A case the caller may not see answers 404 CASE_NOT_FOUND, exactly like one that does not exist.';

export const documentSchemas = {
  addAttachment: {
    summary: '添加案件附件',
    description: `Adds a file (evidence, an application, a decision received) to a case: PDF, JPEG, PNG, WebP, .docx, .xlsx or UTF-8 text, at most 20 MB, sent as base64. Images are re-encoded without metadata; other files are kept as sent and must be what their type says (ATTACHMENT_CONTENT_MISMATCH). The file's SHA-256 is recorded in the case's event chain (attachment_added). Staff who may take an action on the case now only (ATTACHMENT_ADD_FORBIDDEN). ${notFound}`,
    tags: tag,
    params: caseParams,
    body: {
      type: 'object',
      required: ['name', 'mediaType', 'contentBase64'],
      additionalProperties: false,
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 255 },
        mediaType: { type: 'string', minLength: 1, maxLength: 200 },
        contentBase64: { type: 'string', minLength: 1, maxLength: BASE64_MAX },
      },
    },
    response: { 201: { type: 'object', properties: { attachmentId: { type: 'string' }, sha256: { type: 'string' } } } },
  },
  listAttachments: {
    summary: '案件附件列表',
    description: `The files of a case, newest first, each with its SHA-256 and download address. ${notFound}`,
    tags: tag,
    params: caseParams,
  },
  attachment: {
    summary: '下载案件附件',
    description: `One file of a case as stored, under its name (filename*=UTF-8''…), never sniffed; images inline, other files as a download. ${notFound}`,
    tags: tag,
    params: itemParams,
  },
  listDocuments: {
    summary: '案件文书列表',
    description: `Every version of every document of a case, newest first: drafts and the final numbered one, with their fields, number and SHA-256. ${notFound}`,
    tags: tag,
    params: caseParams,
  },
  draftDocument: {
    summary: '起草文书',
    description: `Renders a new draft version of a document from a template the case's type declares (DOCUMENT_TEMPLATE_UNKNOWN otherwise) and the fields filled in (DOCUMENT_FIELDS_MISSING names the required ones left out; DOCUMENT_FIELD_INVALID a value of the wrong kind). Open to whoever may take, now, one of the actions that issue the template (DOCUMENT_DRAFT_FORBIDDEN); the document is issued, numbered and frozen by that action. After it is final no draft is taken (DOCUMENT_FINAL). The draft's SHA-256 is recorded in the chain (document_drafted). ${notFound}`,
    tags: tag,
    params: caseParams,
    body: {
      type: 'object',
      required: ['template', 'fields'],
      additionalProperties: false,
      properties: {
        template: { type: 'string', minLength: 1, maxLength: 100 },
        fields: { type: 'object', maxProperties: 100 },
      },
    },
    response: { 201: { type: 'object', properties: { documentId: { type: 'string' }, template: { type: 'string' }, version: { type: 'integer' }, sha256: { type: 'string' } } } },
  },
  document: {
    summary: '下载文书',
    description: `One version of a document as a Word file (.docx), named after its template and its number or draft version. ${notFound}`,
    tags: tag,
    params: itemParams,
  },
  templates: {
    summary: '文书模板',
    description: 'The document templates a case type declares: label, numbering pattern, the actions that issue each, and its fields (name, label, kind, required, options), so pages can build the forms. Staff only.',
    tags: tag,
    querystring: { type: 'object', required: ['caseType'], additionalProperties: false, properties: { caseType: { type: 'string', minLength: 1, maxLength: 100 } } },
  },
};
