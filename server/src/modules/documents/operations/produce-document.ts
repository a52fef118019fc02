import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { isStaff, type Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { findUnit } from '../../orgs/index.js';
import { documentError } from '../documents.errors.js';
import { caseDocuments } from '../documents.tables.js';
import type { FieldValues } from '../rules/document-fields.js';
import { chinaDateParts } from '../rules/numbering.js';
import { documentNumber, renderDocument } from '../rules/render-document.js';
import type { DocumentTemplate } from '../template.js';
import { allocateDocumentNumber } from './allocate-number.js';
import { sha256Hex } from './prepare-attachment.js';
import { writeDocumentDocx } from './write-document-docx.js';

/** What issuing hands back for the action to record in its event (a type, so it fits `eventFacts`). */
export type IssuedDocumentFacts = {
  documentId: string;
  template: string;
  number: string;
  version: number;
  sha256: string;
};

/** The versions of one template in one case so far (the case row is locked): the latest, and whether one is final. */
export async function versionsOf(tx: Db, caseId: string, templateId: string) {
  const rows = await tx
    .select({ id: caseDocuments.id, version: caseDocuments.version, status: caseDocuments.status })
    .from(caseDocuments)
    .where(and(eq(caseDocuments.caseId, caseId), eq(caseDocuments.templateId, templateId)))
    .orderBy(desc(caseDocuments.version));
  return { latest: rows[0], final: rows.find((r) => r.status === 'final') };
}

/** Once a template's document is final in a case, nothing more of it is drafted or issued there. */
export async function refuseIfFinal(tx: Db, caseId: string, templateId: string) {
  const versions = await versionsOf(tx, caseId, templateId);
  if (versions.final) throw documentError('DOCUMENT_FINAL', { documentId: versions.final.id });
  return versions;
}

/**
 * Renders and stores one version: a draft (n null) or the final one, numbered from the organ's
 * sequence for the year of `at`. Rows are never updated, so each row's hash is the one its
 * event recorded.
 */
export async function produceDocument(
  tx: Db,
  input: { caseId: string; template: DocumentTemplate; values: FieldValues; organUnitId: number | null; version: number; final: boolean; actor: Actor; at: Date },
): Promise<{ documentId: string; number: string | null; sha256: string }> {
  const organ = input.organUnitId === null ? undefined : await findUnit(tx, input.organUnitId);
  if (!organ) throw documentError('DOCUMENT_ORGAN_UNKNOWN');
  const organShort = organ.shortName?.trim() || organ.name;
  const n = input.final
    ? await allocateDocumentNumber(tx, { organUnitId: organ.id, numberingKey: input.template.numberingKey ?? input.template.numbering, year: chinaDateParts(input.at).year })
    : null;
  const rendered = renderDocument(input.template, input.values, { organName: organ.name, organShort, n, at: input.at });
  const bytes = await writeDocumentDocx(rendered);
  const documentId = randomUUID();
  const number = n === null ? null : documentNumber(input.template, { organShort, n, at: input.at });
  const sha256 = sha256Hex(bytes);
  await tx.insert(caseDocuments).values({
    id: documentId,
    caseId: input.caseId,
    templateId: input.template.id,
    version: input.version,
    status: input.final ? 'final' : 'draft',
    fields: input.values,
    organUnitId: organ.id,
    number,
    sha256,
    bytes,
    createdAt: input.at,
    createdByUserId: isStaff(input.actor) ? input.actor.userId : null,
    issuedAt: input.final ? input.at : null,
  });
  return { documentId, number, sha256 };
}
