import { and, eq, inArray, ne } from 'drizzle-orm';
import type { StaffActor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { recordSecurityEvent } from '../../../platform/security-log/security-log.js';
import { findUnit, regions } from '../../orgs/index.js';
import { enforcementError } from '../enforcement.errors.js';
import { enforcementSubjects } from '../enforcement.tables.js';
import { FIELD_KEYS } from '../rules/vocabulary.js';
import { supervises, visibleSubject, visibleSubjects, type ScopedSubject, type SubjectRow } from './register-scope.js';

export interface SubjectInput {
  unitId: number;
  name: string;
  kind: SubjectRow['kind'];
  entrustedById?: number | null;
  basisText: string;
  basisArticle: string;
  regionCodes: string[];
  fields: string[];
  status?: SubjectRow['status'];
}

const SUBJECT_UNIT_KINDS = ['department', 'township'];

export const subjectView = (s: ScopedSubject) => ({
  id: s.id, unitId: s.unitId, unitName: s.unitName, name: s.name, kind: s.kind, entrustedById: s.entrustedById,
  basisText: s.basisText, basisArticle: s.basisArticle, regionCodes: s.regionCodes, fields: s.fields, status: s.status,
});

export async function listSubjects(tx: Db, actor: StaffActor) {
  return (await visibleSubjects(tx, actor)).map(subjectView);
}

/** Checks a subject's input against the tree, the field list, the regions and the other subjects; refuses before anything is written. */
async function checkInput(tx: Db, actor: StaffActor, input: SubjectInput, selfId: number | null): Promise<void> {
  const unit = await findUnit(tx, input.unitId);
  if (!unit || !SUBJECT_UNIT_KINDS.includes(unit.kind) || unit.mergedIntoId !== null) throw enforcementError('XZZF_UNIT_UNKNOWN', { field: 'unitId' });
  if (!supervises(actor, unit.path)) throw enforcementError('XZZF_NOT_SUPERVISOR');
  if (input.fields.some((f) => !FIELD_KEYS.includes(f))) throw enforcementError('XZZF_FIELD_UNKNOWN', { field: 'fields' });
  const entrusting = input.entrustedById ? await visibleSubject(tx, actor, input.entrustedById) : undefined;
  if ((input.kind === 'entrusted') !== Boolean(entrusting) || (entrusting && entrusting.kind !== 'organ')) throw enforcementError('XZZF_ENTRUSTING_INVALID', { field: 'entrustedById' });
  const codes = [...new Set(input.regionCodes)];
  const known = codes.length ? await tx.select({ code: regions.code }).from(regions).where(inArray(regions.code, codes)) : [];
  if (known.length !== codes.length) throw enforcementError('XZZF_REGION_UNKNOWN', { field: 'regionCodes' });
  const [taken] = await tx.select({ id: enforcementSubjects.id }).from(enforcementSubjects)
    .where(and(eq(enforcementSubjects.name, input.name), selfId === null ? undefined : ne(enforcementSubjects.id, selfId)));
  if (taken) throw enforcementError('XZZF_SUBJECT_NAME_TAKEN', { field: 'name' });
}

const values = (input: SubjectInput) => ({
  unitId: input.unitId, name: input.name.trim(), kind: input.kind, entrustedById: input.kind === 'entrusted' ? input.entrustedById! : null,
  basisText: input.basisText, basisArticle: input.basisArticle, regionCodes: [...new Set(input.regionCodes)], fields: [...new Set(input.fields)],
});

/** A 司法局 supervisor registers a subject of a unit under their government; logged in the security log. */
export async function createSubject(tx: Db, actor: StaffActor, input: SubjectInput, now: Date): Promise<{ id: number }> {
  await checkInput(tx, actor, input, null);
  const [row] = await tx.insert(enforcementSubjects).values({ ...values(input), status: input.status ?? 'active', createdAt: now, updatedAt: now }).returning({ id: enforcementSubjects.id });
  await recordSecurityEvent(tx, { kind: 'xzzf_subject_created', at: now, actorUserId: actor.userId, details: { subjectId: row!.id, name: input.name, unitId: input.unitId, kind: input.kind, fields: input.fields } });
  return { id: row!.id };
}

/** Changes a subject as a whole (its basis, territory, fields, status); logged with what it was. */
export async function updateSubject(tx: Db, actor: StaffActor, subjectId: number, input: SubjectInput, now: Date): Promise<void> {
  const before = await visibleSubject(tx, actor, subjectId);
  if (!before) throw enforcementError('XZZF_SUBJECT_NOT_FOUND');
  if (!supervises(actor, before.unitPath)) throw enforcementError('XZZF_NOT_SUPERVISOR');
  await checkInput(tx, actor, input, subjectId);
  const next = { ...values(input), status: input.status ?? before.status };
  await tx.update(enforcementSubjects).set({ ...next, updatedAt: now }).where(eq(enforcementSubjects.id, subjectId));
  const changed = (Object.keys(next) as Array<keyof typeof next>).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(before[k]));
  await recordSecurityEvent(tx, { kind: 'xzzf_subject_updated', at: now, actorUserId: actor.userId, details: { subjectId, name: next.name, changed, before: Object.fromEntries(changed.map((k) => [k, before[k]])) } });
}

/** A merged unit's subjects now belong to the unit it was merged into (their names and bases stay as registered). */
export async function moveSubjectsOfMergedUnit(tx: Db, fromUnitId: number, intoUnitId: number, now: Date): Promise<{ enforcementSubjectsMoved: number }> {
  const moved = await tx.update(enforcementSubjects).set({ unitId: intoUnitId, updatedAt: now }).where(eq(enforcementSubjects.unitId, fromUnitId)).returning({ id: enforcementSubjects.id });
  return { enforcementSubjectsMoved: moved.length };
}
