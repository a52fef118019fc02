import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { linkCases, openCase, performAction } from '../../cases/index.js';
import { enforcementError } from '../enforcement.errors.js';
import { supervisionOpinions } from '../enforcement.tables.js';
import { SUPERVISION_CASE_TYPE, supervisingGovernment } from '../supervision-case-type.js';
import { visibleSubject } from './register-scope.js';
import type { SupervisionInput } from '../../../../../contracts/enforcement.js';

export type { SupervisionInput };

/**
 * 发出执法监督意见: a supervisor over the subject opens the opinion in their government's name and
 * issues it at once, the report clock running to `respondBy` in the subject's to-do; the cases it
 * rests on are linked to it.
 */
export async function issueSupervision(tx: Db, actor: Actor, input: SupervisionInput, now: Date): Promise<{ caseId: string }> {
  const subject = await visibleSubject(tx, actor, input.subjectId);
  const government = subject ? supervisingGovernment(actor, subject.unitPath) : undefined;
  if (!subject || government === undefined) throw enforcementError('XZZF_NOT_SUPERVISOR');
  const caseId = randomUUID();
  await openCase(tx, { caseId, caseType: SUPERVISION_CASE_TYPE, actor, at: now, organUnitId: government, payload: { subjectId: subject.id, findings: input.findings, requirements: input.requirements } });
  await tx.insert(supervisionOpinions).values({ caseId, subjectId: subject.id, subjectUnitId: subject.unitId, findings: input.findings, requirements: input.requirements });
  await performAction(tx, { caseId, action: 'issue', actor, input: { respondBy: input.respondBy }, now, caseType: SUPERVISION_CASE_TYPE });
  for (const toCaseId of new Set(input.caseIds ?? [])) await linkCases(tx, { fromCaseId: caseId, toCaseId, kind: 'supervised', actor, at: now });
  return { caseId };
}
