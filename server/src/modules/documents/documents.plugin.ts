import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isStaff, type StaffActor } from '../../platform/actor.js';
import { DOCX_TYPE } from '../../platform/docx/word-writer.js';
import { platformError } from '../../platform/errors/platform-errors.js';
import type { AppContext } from '../../platform/http/context.js';
import { storedImageHeaders } from '../../platform/uploads/serve-image.js';
import { canSeeCase, caseError } from '../cases/index.js';
import { ATTACHMENT_BODY_LIMIT, documentSchemas } from './documents.schemas.js';
import { documentError } from './documents.errors.js';
import { addAttachment } from './operations/add-attachment.js';
import { lockCase } from './operations/case-row.js';
import { mayAddAttachment, mayDraftDocument } from './operations/case-file-rights.js';
import { draftDocument } from './operations/draft-document.js';
import { templateForCase } from './operations/find-template.js';
import { prepareAttachment } from './operations/prepare-attachment.js';
import { refuseIfFinal } from './operations/produce-document.js';
import { listCaseAttachments, listCaseDocuments, readCaseAttachment, readCaseDocument } from './operations/read-case-files.js';
import { ATTACHMENT_TYPES } from './rules/attachment-content.js';
import { documentTemplatesFor } from './template-registry.js';

function staff(request: FastifyRequest): StaffActor {
  if (!isStaff(request.actor)) throw platformError('UNAUTHENTICATED');
  return request.actor;
}

/** RFC 6266: an ASCII name for old clients, the real one as UTF-8 for the rest. */
function disposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

// A stored file can run nothing, even opened in a tab of its own; ids never change their bytes.
const FILE_HEADERS = { 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'none'; sandbox", 'cache-control': 'private, max-age=3600' };

/** A case's files and documents; the routes every case type shares. */
export async function documentsPlugin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const db = ctx.database.db;
  const sendFile = (reply: FastifyReply, mediaType: string, fileName: string, bytes: Buffer) => {
    if (ATTACHMENT_TYPES[mediaType]?.image) {
      return reply.headers({ ...storedImageHeaders(mediaType, 'attachment'), 'cache-control': FILE_HEADERS['cache-control'], 'content-disposition': disposition('inline', fileName) }).send(bytes);
    }
    const type = mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : mediaType;
    return reply.headers({ ...FILE_HEADERS, 'content-type': type, 'content-disposition': disposition('attachment', fileName) }).send(bytes);
  };

  app.post('/api/cases/:caseId/attachments', { schema: documentSchemas.addAttachment, bodyLimit: ATTACHMENT_BODY_LIMIT }, async (request, reply) => {
    const actor = staff(request);
    const { caseId } = request.params as { caseId: string };
    const now = ctx.time.now();
    // Who may comes before the file is read: nothing is decoded for someone who may not add it.
    if (!(await canSeeCase(db, caseId, actor))) throw caseError('CASE_NOT_FOUND');
    if (!(await mayAddAttachment(db, caseId, actor, now))) throw documentError('ATTACHMENT_ADD_FORBIDDEN');
    // Decoded and re-encoded outside the transaction, which the embedded database holds exclusively.
    const prepared = await prepareAttachment(request.body as { name: string; mediaType: string; contentBase64: string });
    const added = await ctx.database.transaction(async (tx) => {
      await lockCase(tx, caseId);
      if (!(await mayAddAttachment(tx, caseId, actor, now))) throw documentError('ATTACHMENT_ADD_FORBIDDEN');
      return addAttachment(tx, { caseId, actor, prepared, at: now });
    });
    return reply.code(201).send(added);
  });

  app.get('/api/cases/:caseId/attachments', { schema: documentSchemas.listAttachments }, async (request) => {
    const { caseId } = request.params as { caseId: string };
    return { attachments: await listCaseAttachments(db, staff(request), caseId) };
  });

  app.get('/api/cases/:caseId/attachments/:id', { schema: documentSchemas.attachment }, async (request, reply) => {
    const { caseId, id } = request.params as { caseId: string; id: string };
    const file = await readCaseAttachment(db, staff(request), caseId, id);
    return sendFile(reply, file.mediaType, file.fileName, file.bytes);
  });

  app.get('/api/cases/:caseId/documents', { schema: documentSchemas.listDocuments }, async (request) => {
    const { caseId } = request.params as { caseId: string };
    return { documents: await listCaseDocuments(db, staff(request), caseId) };
  });

  app.post('/api/cases/:caseId/documents', { schema: documentSchemas.draftDocument }, async (request, reply) => {
    const actor = staff(request);
    const { caseId } = request.params as { caseId: string };
    const body = request.body as { template: string; fields: Record<string, unknown> };
    const now = ctx.time.now();
    const drafted = await ctx.database.transaction(async (tx) => {
      if (!(await canSeeCase(tx, caseId, actor))) throw caseError('CASE_NOT_FOUND');
      const row = await lockCase(tx, caseId);
      const template = templateForCase(body.template, row.caseType);
      // "Already issued" says more than "not yours" once the case has moved past its issuing action.
      await refuseIfFinal(tx, caseId, template.id);
      if (!(await mayDraftDocument(tx, caseId, template, actor, now))) throw documentError('DOCUMENT_DRAFT_FORBIDDEN', { template: template.id });
      return draftDocument(tx, { caseId, template: template.id, fields: body.fields, actor, organUnitId: row.organUnitId, at: now });
    });
    return reply.code(201).send(drafted);
  });

  app.get('/api/cases/:caseId/documents/:id', { schema: documentSchemas.document }, async (request, reply) => {
    const { caseId, id } = request.params as { caseId: string; id: string };
    const file = await readCaseDocument(db, staff(request), caseId, id);
    return sendFile(reply, DOCX_TYPE, file.fileName, file.bytes);
  });

  app.get('/api/document-templates', { schema: documentSchemas.templates }, async (request) => {
    staff(request);
    const { caseType } = request.query as { caseType: string };
    return {
      templates: documentTemplatesFor(caseType).map((t) => ({
        id: t.id,
        label: t.label,
        numbering: t.numbering,
        actions: t.issuedBy.actions,
        fields: t.fields.map((f) => ({ name: f.name, label: f.label, kind: f.kind, required: f.required, ...(f.options ? { options: f.options } : {}) })),
      })),
    };
  });
}
