import { and, desc, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { caseDocuments, readPublishedDocument, redactPersonName, type PublishedDocument } from '../../documents/index.js';
import { enforcementError } from '../enforcement.errors.js';
import { enforcementSubjects, penaltyCases } from '../enforcement.tables.js';
import { PENALTY_DOCUMENTS } from '../penalty-documents.js';
import { fieldLabel } from '../rules/vocabulary.js';
import type { PublishedPenaltyItem } from '../../../../../contracts/enforcement.js';

/** The documents that are a penalty decision: the general one and the one made on the spot. */
const DECISION_TEMPLATES = [PENALTY_DOCUMENTS.decision.id, PENALTY_DOCUMENTS.onSpot.id];

export type { PublishedPenaltyItem };

// Published and not withdrawn: a decision revoked or varied leaves the public list (art. 48(2)).
const isPublic = and(isNotNull(penaltyCases.publishedOn), isNull(penaltyCases.withdrawnOn), inArray(caseDocuments.templateId, DECISION_TEMPLATES), eq(caseDocuments.status, 'final'));

/**
 * 执法公示: the penalty decisions published, newest first. `q` finds a decision by its number, the
 * subject, the case's cause or an organisation's name; never by a person's name.
 */
export async function listPublishedPenalties(tx: Db, query: { q?: string; page: number; pageSize: number }): Promise<{ items: PublishedPenaltyItem[]; total: number }> {
  const words = query.q?.trim();
  const like = words ? `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const match: SQL | undefined = like
    ? or(ilike(caseDocuments.number, like), ilike(enforcementSubjects.name, like), ilike(penaltyCases.summary, like), and(eq(penaltyCases.partyKind, 'enterprise'), ilike(penaltyCases.partyName, like)))
    : undefined;
  const where = and(isPublic, match);
  const from = () =>
    tx
      .select({
        documentId: caseDocuments.id, number: caseDocuments.number, subjectName: enforcementSubjects.name, partyKind: penaltyCases.partyKind, partyName: penaltyCases.partyName,
        summary: penaltyCases.summary, field: penaltyCases.field, decidedOn: penaltyCases.decidedOn, publishedOn: penaltyCases.publishedOn,
      })
      .from(caseDocuments)
      .innerJoin(penaltyCases, eq(penaltyCases.caseId, caseDocuments.caseId))
      .innerJoin(enforcementSubjects, eq(enforcementSubjects.id, penaltyCases.subjectId));
  const [{ n: total } = { n: 0 }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(caseDocuments)
    .innerJoin(penaltyCases, eq(penaltyCases.caseId, caseDocuments.caseId))
    .innerJoin(enforcementSubjects, eq(enforcementSubjects.id, penaltyCases.subjectId))
    .where(where);
  const rows = await from().where(where).orderBy(desc(penaltyCases.publishedOn), desc(caseDocuments.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize);
  return {
    total,
    items: rows.map((r) => ({
      documentId: r.documentId, number: r.number ?? '', subjectName: r.subjectName, summary: r.summary, field: fieldLabel(r.field), decidedOn: r.decidedOn, publishedOn: r.publishedOn!,
      party: r.partyKind === 'individual' ? redactPersonName(r.partyName ?? '') : (r.partyName ?? ''),
    })),
  };
}

/** One published decision's text, persons' names redacted and identity and phone numbers masked; anything else is not found. */
export async function readPublishedPenalty(tx: Db, documentId: string): Promise<PublishedDocument> {
  const [row] = await tx
    .select({ id: caseDocuments.id })
    .from(caseDocuments)
    .innerJoin(penaltyCases, eq(penaltyCases.caseId, caseDocuments.caseId))
    .where(and(eq(caseDocuments.id, documentId), isPublic));
  if (!row) throw enforcementError('XZCF_DECISION_NOT_FOUND');
  return readPublishedDocument(tx, row.id);
}
