import type { Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { recordCaseEvent } from '../../cases/index.js';
import { checkDocumentFields } from '../rules/document-fields.js';
import { lockCase } from './case-row.js';
import { templateForCase } from './find-template.js';
import { produceDocument, refuseIfFinal } from './produce-document.js';

export interface DraftDocumentInput {
  caseId: string;
  /** A registered template's id that the case's type issues. */
  template: string;
  fields: Readonly<Record<string, unknown>>;
  actor: Actor;
  organUnitId: number | null;
  at: Date;
}

/**
 * Renders a new draft version of a document and records `document_drafted`
 * { documentId, template, version, sha256 } in the case's chain. Once the template's document
 * is final for the case, no further draft is taken (DOCUMENT_FINAL). The caller has checked
 * the actor may draft it (see mayDraftDocument); not for use inside an action's effect,
 * whose event the engine writes after it.
 */
export async function draftDocument(tx: Db, input: DraftDocumentInput) {
  const row = await lockCase(tx, input.caseId);
  const template = templateForCase(input.template, row.caseType);
  const values = checkDocumentFields(template, input.fields);
  const { latest } = await refuseIfFinal(tx, row.id, template.id);
  const version = (latest?.version ?? 0) + 1;
  const { documentId, sha256 } = await produceDocument(tx, { caseId: row.id, template, values, organUnitId: input.organUnitId, version, final: false, actor: input.actor, at: input.at });
  await recordCaseEvent(tx, { caseId: row.id, type: 'document_drafted', actor: input.actor, payload: { documentId, template: template.id, version, sha256 }, at: input.at });
  return { documentId, template: template.id, version, sha256 };
}
