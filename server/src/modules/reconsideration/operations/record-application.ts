import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../platform/actor.js';
import { randomCode } from '../../../platform/crockford.js';
import type { Db } from '../../../platform/db/database.js';
import { shanghaiDay } from '../../clock/index.js';
import { openCase } from '../../cases/index.js';
import { findUnit } from '../../orgs/index.js';
import { RECONSIDERATION_CASE_TYPE } from '../reconsideration-case-type.js';
import { reconsiderationError } from '../reconsideration.errors.js';
import { reconsiderationCases } from '../reconsideration.tables.js';
import { isValidCreditCode, normaliseCreditCode } from '../../../platform/credit-code.js';

export interface ApplicationInput {
  /** The reconsideration organ (a government unit) that receives it. */
  organUnitId: number;
  channel: 'online' | 'counter' | 'mail';
  applicantKind: 'citizen' | 'enterprise' | 'organisation';
  applicantName: string;
  creditCode?: string;
  agentName?: string;
  /** A department or township under the organ; or, for an organ outside the tree, its name alone. */
  respondentUnitId?: number;
  respondentName?: string;
  contestedAct: string;
  field?: string;
  claims: string;
  /** When the application arrived (a letter may be entered days later); today when omitted. */
  receivedOn?: string;
}

/**
 * Opens a reconsideration case from an application, recorded at the counter, from a letter or
 * sent online. The acceptance review's five working days run from `receivedOn`. The query code
 * is returned to be given to the applicant.
 */
export async function recordApplication(tx: Db, input: ApplicationInput, actor: Actor, now: Date): Promise<{ caseId: string; queryCode: string }> {
  const receivedOn = input.receivedOn ?? shanghaiDay(now);
  if (receivedOn > shanghaiDay(now)) throw reconsiderationError('XZFY_RECEIVED_IN_FUTURE', { field: 'receivedOn' });
  const creditCode = input.creditCode ? normaliseCreditCode(input.creditCode) : null;
  if (input.applicantKind === 'enterprise' && (!creditCode || !isValidCreditCode(creditCode))) {
    throw reconsiderationError('XZFY_CREDIT_CODE_INVALID', { field: 'creditCode' });
  }
  if (creditCode && !isValidCreditCode(creditCode)) throw reconsiderationError('XZFY_CREDIT_CODE_INVALID', { field: 'creditCode' });
  const organ = await findUnit(tx, input.organUnitId);
  if (!organ || organ.kind !== 'government') throw reconsiderationError('XZFY_RESPONDENT_UNKNOWN', { field: 'organUnitId' }, '受理机关必须是人民政府');
  let respondentName = input.respondentName?.trim() ?? '';
  let respondentUnitId: number | null = null;
  if (input.respondentUnitId !== undefined) {
    const unit = await findUnit(tx, input.respondentUnitId);
    if (!unit || !['department', 'township'].includes(unit.kind) || !unit.path.startsWith(organ.path)) {
      throw reconsiderationError('XZFY_RESPONDENT_UNKNOWN', { field: 'respondentUnitId' });
    }
    respondentUnitId = unit.id;
    respondentName = unit.name;
  }
  if (!respondentName) throw reconsiderationError('XZFY_RESPONDENT_UNKNOWN', { field: 'respondentName' });

  const caseId = randomUUID();
  const queryCode = randomCode(12);
  const facts = {
    channel: input.channel, applicantKind: input.applicantKind, creditCode, respondentUnitId, respondentName,
    contestedAct: input.contestedAct, field: input.field ?? null, claims: input.claims, receivedOn,
  };
  await openCase(tx, {
    caseId, caseType: RECONSIDERATION_CASE_TYPE, actor, at: now, organUnitId: organ.id, regionCode: organ.regionCode,
    payload: facts, personal: { applicantName: input.applicantName, agentName: input.agentName },
  });
  await tx.insert(reconsiderationCases).values({
    caseId, queryCode, ...facts, applicantName: input.applicantName, agentName: input.agentName ?? null,
  });
  return { caseId, queryCode };
}
