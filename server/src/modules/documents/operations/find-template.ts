import { documentError } from '../documents.errors.js';
import { findDocumentTemplate } from '../template-registry.js';
import type { DocumentTemplate } from '../template.js';

/** The template, when it exists and the case's type issues it; otherwise DOCUMENT_TEMPLATE_UNKNOWN. */
export function templateForCase(templateId: string, caseType: string): DocumentTemplate {
  const template = findDocumentTemplate(templateId);
  if (!template || template.issuedBy.caseType !== caseType) throw documentError('DOCUMENT_TEMPLATE_UNKNOWN', { template: templateId.slice(0, 100) });
  return template;
}
