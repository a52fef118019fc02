import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { documentError } from '../documents.errors.js';
import { caseDocuments } from '../documents.tables.js';
import { checkDocumentFields, type FieldValues } from '../rules/document-fields.js';
import type { DocumentTemplate } from '../template.js';
import { lockCase } from './case-row.js';
import { templateForCase } from './find-template.js';
import { produceDocument, refuseIfFinal, type IssuedDocumentFacts } from './produce-document.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface IssueDocumentInput {
  caseId: string;
  /** The draft to issue: the latest version of its template in the case. */
  documentId: string;
  organUnitId: number | null;
  actor: Actor;
  at: Date;
}

/**
 * Issues a draft from within a workflow action's effect (the engine has checked the actor's
 * right and holds the case): takes the next number of the organ's sequence for the year, renders
 * the final version with it as a version of its own, and freezes it: no later draft or issue of
 * the template in this case is taken (DOCUMENT_FINAL). Put the returned facts in the action's
 * `eventFacts`; that is what puts the document's hash in the chain.
 */
export async function issueDocument(tx: Db, input: IssueDocumentInput): Promise<IssuedDocumentFacts> {
  const row = await lockCase(tx, input.caseId);
  const [draft] = UUID.test(input.documentId)
    ? await tx.select().from(caseDocuments).where(and(eq(caseDocuments.id, input.documentId), eq(caseDocuments.caseId, row.id)))
    : [];
  if (!draft) throw documentError('DOCUMENT_NOT_FOUND');
  const template = templateForCase(draft.templateId, row.caseType);
  const { latest } = await refuseIfFinal(tx, row.id, template.id);
  if (latest!.id !== draft.id) throw documentError('DOCUMENT_NOT_LATEST', { latest: latest!.id });
  // Checked again: the template may have gained a required field since the draft.
  return issue(tx, row.id, template, checkDocumentFields(template, draft.fields as FieldValues), latest!.version + 1, input);
}

export interface IssueFromFieldsInput {
  caseId: string;
  template: string;
  fields: Readonly<Record<string, unknown>>;
  organUnitId: number | null;
  actor: Actor;
  at: Date;
}

/**
 * Drafts and issues in one step, for an action whose input carries the document's fields:
 * no draft is stored, the final version follows any drafts there were.
 */
export async function issueDocumentFromFields(tx: Db, input: IssueFromFieldsInput): Promise<IssuedDocumentFacts> {
  const row = await lockCase(tx, input.caseId);
  const template = templateForCase(input.template, row.caseType);
  const values = checkDocumentFields(template, input.fields);
  const { latest } = await refuseIfFinal(tx, row.id, template.id);
  return issue(tx, row.id, template, values, (latest?.version ?? 0) + 1, input);
}

async function issue(tx: Db, caseId: string, template: DocumentTemplate, values: FieldValues, version: number, input: { organUnitId: number | null; actor: Actor; at: Date }): Promise<IssuedDocumentFacts> {
  const made = await produceDocument(tx, { caseId, template, values, organUnitId: input.organUnitId, version, final: true, actor: input.actor, at: input.at });
  return { documentId: made.documentId, template: template.id, number: made.number!, version, sha256: made.sha256 };
}
