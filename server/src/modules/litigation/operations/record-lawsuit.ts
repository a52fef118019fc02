import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { shanghaiDay } from '../../clock/index.js';
import { linkCases, openCase } from '../../cases/index.js';
import { findUnit } from '../../orgs/index.js';
import { LITIGATION_CASE_TYPE } from '../litigation-case-type.js';
import { litigationError } from '../litigation.errors.js';
import { litigationCases } from '../litigation.tables.js';

export interface LawsuitInput {
  /** The organ sued: a government, department or township of the tree; it runs its defence. */
  defendantUnitId: number;
  courtName: string;
  courtCaseNumber: string;
  cause: string;
  plaintiffName: string;
  /** When the complaint's copy reached the organ (may be days before it is entered). */
  servedOn: string;
  /** The reconsideration whose decision is sued, if any: linked both ways. */
  fromReviewCaseId?: string;
}

/** Records a lawsuit served on an organ; the fifteen days to answer run from `servedOn`. */
export async function recordLawsuit(tx: Db, input: LawsuitInput, actor: Actor, now: Date): Promise<{ caseId: string }> {
  if (input.servedOn > shanghaiDay(now)) throw litigationError('XZSS_SERVED_IN_FUTURE', { field: 'servedOn' });
  const defendant = await findUnit(tx, input.defendantUnitId);
  if (!defendant || !['government', 'department', 'township'].includes(defendant.kind)) throw litigationError('XZSS_DEFENDANT_UNKNOWN', { field: 'defendantUnitId' });
  const caseId = randomUUID();
  const facts = { courtName: input.courtName, courtCaseNumber: input.courtCaseNumber, cause: input.cause, servedOn: input.servedOn };
  await openCase(tx, { caseId, caseType: LITIGATION_CASE_TYPE, actor, at: now, organUnitId: defendant.id, regionCode: defendant.regionCode, payload: facts, personal: { plaintiffName: input.plaintiffName } });
  await tx.insert(litigationCases).values({ caseId, ...facts, plaintiffName: input.plaintiffName });
  if (input.fromReviewCaseId) await linkCases(tx, { fromCaseId: input.fromReviewCaseId, toCaseId: caseId, kind: 'sued_after_review', actor, at: now });
  return { caseId };
}
