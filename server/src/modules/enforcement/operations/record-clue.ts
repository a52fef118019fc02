import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { shanghaiDay } from '../../clock/index.js';
import { actsAs, openCase } from '../../cases/index.js';
import { enforcementError } from '../enforcement.errors.js';
import { enforcementObjects, penaltyCases } from '../enforcement.tables.js';
import { PENALTY_CASE_TYPE } from '../penalty-case-type.js';
import { appendObjectHistory } from './objects.js';
import type { ClueInput } from '../../../../../contracts/enforcement.js';
import { ENFORCEMENT_MODULE, visibleSubject } from './register-scope.js';

export type { ClueInput };

/**
 * 线索登记: an officer records a clue in the name of their subject (from 12345, the command
 * center, an inspection, a transfer or a report). The case is the subject's from here on: its
 * unit is the case's organ, and the filing clock of the field runs from the day of discovery.
 */
export async function recordClue(tx: Db, actor: Actor, input: ClueInput, now: Date): Promise<{ caseId: string }> {
  const subject = await visibleSubject(tx, actor, input.subjectId);
  if (!subject || !actsAs(actor, ENFORCEMENT_MODULE, ['officer'], subject.unitId)) throw enforcementError('XZCF_SUBJECT_NOT_YOURS', { field: 'subjectId' });
  if (!subject.fields.includes(input.field)) throw enforcementError('XZZF_FIELD_NOT_HELD', { field: 'field' });
  if (input.discoveredOn > shanghaiDay(now)) throw enforcementError('XZCF_CASE_NOT_FOUND', { field: 'discoveredOn' }, '发现日期不能晚于今天');
  let party: { kind: 'enterprise' | 'individual'; name: string; objectId: number | null };
  if (input.objectId !== undefined) {
    const [object] = await tx.select().from(enforcementObjects).where(eq(enforcementObjects.id, input.objectId));
    if (!object) throw enforcementError('XZCF_OBJECT_UNKNOWN', { field: 'objectId' });
    party = { kind: object.kind, name: object.name, objectId: object.id };
  } else {
    if (!input.partyKind || !input.partyName?.trim()) throw enforcementError('XZCF_OBJECT_UNKNOWN', { field: 'partyName' });
    party = { kind: input.partyKind, name: input.partyName.trim(), objectId: null };
  }
  const caseId = randomUUID();
  await openCase(tx, {
    caseId, caseType: PENALTY_CASE_TYPE, actor, at: now, organUnitId: subject.unitId,
    payload: { subjectId: subject.id, field: input.field, source: input.source, summary: input.summary, discoveredOn: input.discoveredOn, partyKind: party.kind, objectId: party.objectId },
    // A person's name stays beside the record, erasable; an enterprise's is public record.
    ...(party.kind === 'individual' ? { personal: { partyName: party.name } } : {}),
  });
  await tx.insert(penaltyCases).values({
    caseId, subjectId: subject.id, field: input.field, source: input.source, summary: input.summary, discoveredOn: input.discoveredOn,
    partyKind: party.kind, objectId: party.objectId, partyName: party.name,
  });
  if (party.objectId !== null) {
    await appendObjectHistory(tx, { objectId: party.objectId, kind: 'case', refId: caseId, subjectId: subject.id, day: input.discoveredOn, summary: input.summary }, now);
  }
  return { caseId };
}
