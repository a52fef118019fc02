import { randomUUID } from 'node:crypto';
import type { KnowledgeEntryInput } from '../../../../../contracts/knowledge.js';
import type { Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { openCase } from '../../cases/index.js';
import { shanghaiDay } from '../../clock/index.js';
import { findUnit } from '../../orgs/index.js';
import { KNOWLEDGE_CASE_TYPE, OWNER_KINDS } from '../knowledge-names.js';
import { knowledgeError } from '../knowledge.errors.js';
import { knowledgeEntries } from '../knowledge.tables.js';
import { datesProblem } from '../rules/availability.js';
import { normaliseKeywords } from '../rules/entry-text.js';
import { assertCategory } from './assert-category.js';
import { eligibleSource } from './draft-from-request.js';
import { writableUnits, writesFor } from './entry-access.js';
import { reindexEntry } from './index-entry.js';

export type EntryInput = KnowledgeEntryInput;

/** Writes a new entry as a draft of its owner; the text is indexed for search at once, for its owner to find. */
export async function createEntry(tx: Db, input: EntryInput, actor: Actor, now: Date): Promise<{ entryId: string }> {
  const owners = await writableUnits(tx, actor);
  if (owners.length === 0) throw knowledgeError('KB_NOT_EDITOR');
  const owner = input.ownerUnitId === undefined ? owners[0]! : await findUnit(tx, input.ownerUnitId);
  if (!owner || !OWNER_KINDS.includes(owner.kind)) throw knowledgeError('KB_OWNER_UNKNOWN', { field: 'ownerUnitId' });
  if (!writesFor(actor, owner)) throw knowledgeError('KB_OWNER_NOT_HELD', { field: 'ownerUnitId' });
  const today = shanghaiDay(now);
  const dates = { validFrom: input.validFrom ?? today, validUntil: input.validUntil ?? null, reviewOn: input.reviewOn };
  const problem = datesProblem(dates, today);
  if (problem) throw knowledgeError(problem, { field: problem === 'KB_REVIEW_DATE_PAST' ? 'reviewOn' : 'validUntil' });
  await assertCategory(tx, input.categoryCode);
  const source = input.sourceCaseId ? await eligibleSource(tx, actor, input.sourceCaseId.toLowerCase()) : null;

  const caseId = randomUUID();
  const text = { question: input.question, answer: input.answer, legalBasis: input.legalBasis, keywords: normaliseKeywords(input.keywords) };
  const facts = {
    ...text, categoryCode: input.categoryCode ?? null, ...dates,
    source: source ? { caseId: source.caseId, trackingCode: source.trackingCode } : null,
  };
  await openCase(tx, { caseId, caseType: KNOWLEDGE_CASE_TYPE, actor, at: now, organUnitId: owner.id, regionCode: owner.regionCode, payload: facts });
  await tx.insert(knowledgeEntries).values({
    caseId, ownerUnitId: owner.id, ...text, categoryCode: input.categoryCode ?? null, ...dates, sourceCaseId: source?.caseId ?? null, revision: 1,
  });
  await reindexEntry(tx, caseId, text);
  return { entryId: caseId };
}
