import { checkTemplate } from './rules/check-template.js';
import type { DocumentTemplate } from './template.js';

const registry = new Map<string, DocumentTemplate>();

/**
 * Declares a template (at start-up, beside the case type that issues it). A template that
 * could never render (an unknown placeholder, a pattern without `{n}`) stops the start.
 */
export function registerDocumentTemplate(template: DocumentTemplate): void {
  const problems = checkTemplate(template);
  if (problems.length) throw new Error(`document template ${template.id}: ${problems.join('; ')}`);
  const existing = registry.get(template.id);
  if (existing && existing !== template) throw new Error(`document template ${template.id} registered twice`);
  registry.set(template.id, template);
}

export function findDocumentTemplate(id: string): DocumentTemplate | undefined {
  return registry.get(id);
}

/** The templates a case type issues, in the order they were declared. */
export function documentTemplatesFor(caseType: string): DocumentTemplate[] {
  return [...registry.values()].filter((t) => t.issuedBy.caseType === caseType);
}
