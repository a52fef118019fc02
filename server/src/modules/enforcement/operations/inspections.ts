// 涉企检查: a subject's yearly plans under a 行政检查 matter, drawn once at random (双随机) from the
// county's enterprises below the yearly cap, each inspection with two officers certified on its
// day and a code the enterprise checks at the door (扫码入企); then the result, and a 行政处罚
// case opened from a result with problems.
import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor, StaffActor } from '../../../platform/actor.js';
import { lockInTransaction } from '../../../platform/db/advisory-lock.js';
import type { Db } from '../../../platform/db/database.js';
import { rowsOf } from '../../../platform/db/rows-of.js';
import { redactPersonName } from '../../documents/index.js';
import { platformKeyring } from '../../../platform/keyring.js';
import { recordSecurityEvent } from '../../../platform/security-log/security-log.js';
import { shanghaiDay } from '../../clock/index.js';
import { actsAs } from '../../cases/index.js';
import { units } from '../../orgs/index.js';
import { enforcementError } from '../enforcement.errors.js';
import {
  enforcementCertificates, enforcementMatters, enforcementObjects, enforcementOfficers, inspectionDraws, inspectionPlans, inspections, inspectionSettings,
} from '../enforcement.tables.js';
import { certificateAllows } from '../rules/certificates.js';
import { INSPECTION_RULES, codeBelongsTo, daysBetween, drawInspections, inspectionCode, normaliseInspectionCode, type CodeMac } from '../rules/inspections.js';
import { assertCertifiedOfficers } from './certified-officers.js';
import { appendObjectHistory } from './objects.js';
import { recordClue } from './record-clue.js';
import { INSPECTION_RESULT_LABELS, type InspectionPlanInput, type InspectionResultInput, type PublishedInspection } from '../../../../../contracts/enforcement.js';
import { ENFORCEMENT_MODULE, allSubjects, homeRegister, nearestGovernment, supervises, visibleSubjects, type ScopedSubject } from './register-scope.js';

export const INSPECTION_MATTER_KIND = '行政检查';
const PLANNER_ROLES = ['officer', 'subject_admin'];

/** The plan's and the result's input are the shapes the pages send (contracts/enforcement.ts). */
export type PlanInput = InspectionPlanInput;
export type ResultInput = InspectionResultInput;

type PlanRow = typeof inspectionPlans.$inferSelect;
type InspectionRow = typeof inspections.$inferSelect;

const codeMac: CodeMac = (...parts) => platformKeyring().macBytes('inspection.code', ...parts);

const isPlanner = (actor: Actor, subject: ScopedSubject) => actsAs(actor, ENFORCEMENT_MODULE, PLANNER_ROLES, subject.unitId);
const isOfficer = (actor: Actor, subject: ScopedSubject) => actsAs(actor, ENFORCEMENT_MODULE, ['officer'], subject.unitId);

async function governmentOf(tx: Db, subject: ScopedSubject): Promise<number> {
  const all = await tx.select({ id: units.id, path: units.path }).from(units).where(eq(units.kind, 'government'));
  return nearestGovernment(all, subject.unitPath)!.id;
}

/** The yearly cap of a county: its setting, or the default of data/inspection-rules.json. */
export async function yearlyCap(tx: Db, governmentUnitId: number): Promise<number> {
  const [row] = await tx.select({ cap: inspectionSettings.yearlyCap }).from(inspectionSettings).where(eq(inspectionSettings.governmentUnitId, governmentUnitId));
  return row?.cap ?? INSPECTION_RULES.yearlyCapPerEnterprise;
}

/** A plan the person reads (its subject is theirs to read), with its subject; otherwise not found. */
async function visiblePlan(tx: Db, actor: Actor, planId: number): Promise<{ plan: PlanRow; subject: ScopedSubject }> {
  const [plan] = await tx.select().from(inspectionPlans).where(eq(inspectionPlans.id, planId));
  const subject = plan && (await visibleSubjects(tx, actor)).find((s) => s.id === plan.subjectId);
  if (!plan || !subject) throw enforcementError('XZJC_PLAN_NOT_FOUND');
  return { plan, subject };
}

async function visibleInspection(tx: Db, actor: Actor, inspectionId: number): Promise<{ inspection: InspectionRow; plan: PlanRow; subject: ScopedSubject }> {
  const [inspection] = await tx.select().from(inspections).where(eq(inspections.id, inspectionId));
  if (!inspection) throw enforcementError('XZJC_INSPECTION_NOT_FOUND');
  try {
    return { inspection, ...(await visiblePlan(tx, actor, inspection.planId)) };
  } catch {
    throw enforcementError('XZJC_INSPECTION_NOT_FOUND');
  }
}

async function inspectionMatter(tx: Db, matterId: number) {
  const [matter] = await tx.select().from(enforcementMatters).where(eq(enforcementMatters.id, matterId));
  return matter!;
}

/** An officer or the administrator of a subject plans a year's inspections under one of its 行政检查 matters. */
export async function createPlan(tx: Db, actor: StaffActor, input: PlanInput, now: Date): Promise<{ id: number }> {
  const subject = (await visibleSubjects(tx, actor)).find((s) => s.id === input.subjectId);
  if (!subject) throw enforcementError('XZZF_SUBJECT_NOT_FOUND', { field: 'subjectId' });
  if (!isPlanner(actor, subject)) throw enforcementError('XZJC_NOT_PLANNER');
  if (subject.status !== 'active') throw enforcementError('XZJC_SUBJECT_INACTIVE', { field: 'subjectId' });
  const [matter] = await tx.select().from(enforcementMatters).where(eq(enforcementMatters.id, input.matterId));
  if (!matter || matter.subjectId !== subject.id || matter.kind !== INSPECTION_MATTER_KIND) throw enforcementError('XZJC_MATTER_NOT_INSPECTION', { field: 'matterId' });
  const year = String(input.year);
  if (input.firstDay > input.lastDay || !input.firstDay.startsWith(year) || !input.lastDay.startsWith(year)) throw enforcementError('XZJC_PLAN_DAYS', { field: 'lastDay' });
  const joint = [...new Set(input.jointSubjectIds ?? [])];
  if (joint.length) {
    const government = await governmentOf(tx, subject);
    const all = await allSubjects(tx);
    const governments = await tx.select({ id: units.id, path: units.path }).from(units).where(eq(units.kind, 'government'));
    const ok = joint.every((id) => {
      const partner = all.find((s) => s.id === id);
      return partner && partner.id !== subject.id && partner.status === 'active' && nearestGovernment(governments, partner.unitPath)?.id === government;
    });
    if (!ok) throw enforcementError('XZJC_JOINT_SUBJECT_UNKNOWN', { field: 'jointSubjectIds' });
  }
  const [row] = await tx.insert(inspectionPlans).values({
    subjectId: subject.id, year: input.year, matterId: matter.id, title: input.title.trim(), plannedCount: input.plannedCount ?? null, jointSubjectIds: joint,
    firstDay: input.firstDay, lastDay: input.lastDay, createdBy: actor.userId, createdAt: now,
  }).returning({ id: inspectionPlans.id });
  await recordSecurityEvent(tx, { kind: 'xzjc_plan_created', at: now, actorUserId: actor.userId, details: { planId: row!.id, subjectId: subject.id, year: input.year, matterId: matter.id, plannedCount: input.plannedCount ?? null, jointSubjectIds: joint } });
  return { id: row!.id };
}

/**
 * 双随机: draws the plan's enterprises and each one's officers, once. The seed comes from the
 * server's random source (nobody picks it), and the draw is recorded with the candidates, those
 * over the cap and the officers' pool, so anyone auditing can replay it with the same rule.
 * A plan already drawn is refused: its inspections stand as drawn.
 */
export async function drawPlan(tx: Db, actor: StaffActor, planId: number, now: Date) {
  const { plan, subject } = await visiblePlan(tx, actor, planId);
  if (!isPlanner(actor, subject)) throw enforcementError('XZJC_NOT_PLANNER');
  // Draws of the county's plans one at a time: each counts the inspections the one before it drew against the cap.
  await lockInTransaction(tx, 'fazhi.xzjc.draw');
  const claimed = await tx.update(inspectionPlans).set({ status: 'drawn' }).where(and(eq(inspectionPlans.id, plan.id), eq(inspectionPlans.status, 'planned'))).returning({ id: inspectionPlans.id });
  if (claimed.length === 0) throw enforcementError('XZJC_ALREADY_DRAWN');
  const matter = await inspectionMatter(tx, plan.matterId);
  const government = await governmentOf(tx, subject);
  const enterprises = await tx.select({ id: enforcementObjects.id }).from(enforcementObjects)
    .where(and(eq(enforcementObjects.governmentUnitId, government), eq(enforcementObjects.kind, 'enterprise')));
  const objectIds = enterprises.map((e) => e.id);
  const past = objectIds.length
    ? (await tx.select({ id: inspections.id, objectId: inspections.objectId }).from(inspections).where(and(eq(inspections.year, plan.year), inArray(inspections.objectId, objectIds))))
      .map((p) => ({ objectId: p.objectId, jointKey: String(p.id) }))
    : [];
  const officers = await tx.select({ id: enforcementOfficers.id }).from(enforcementOfficers).where(eq(enforcementOfficers.subjectId, subject.id));
  const certificates = officers.length
    ? await tx.select({ officerId: enforcementCertificates.officerId, status: enforcementCertificates.status, validFrom: enforcementCertificates.validFrom, validTo: enforcementCertificates.validTo, fields: enforcementCertificates.fields })
      .from(enforcementCertificates).where(inArray(enforcementCertificates.officerId, officers.map((o) => o.id)))
    : [];
  const cap = await yearlyCap(tx, government);
  const seed = randomBytes(16).toString('hex');
  const result = drawInspections({
    seed, objectIds, past, cap, plannedCount: plan.plannedCount, sharePercent: INSPECTION_RULES.defaultSharePercent,
    officers: officers.map((o) => ({ officerId: o.id, certificates: certificates.filter((c) => c.officerId === o.id) })),
    officersPerInspection: INSPECTION_RULES.officersPerInspection, field: matter.field, days: daysBetween(plan.firstDay, plan.lastDay),
  });
  if (!result.ok) throw result.reason === 'no_candidates' ? enforcementError('XZJC_NO_CANDIDATES') : enforcementError('XZJC_TOO_FEW_OFFICERS', { day: result.day });
  const drawn: Array<{ id: number; objectId: number; plannedOn: string; officerIds: number[]; code: string }> = [];
  for (const d of result.inspections) {
    const [row] = await tx.insert(inspections).values({
      planId: plan.id, subjectId: subject.id, year: plan.year, objectId: d.objectId, officerIds: d.officerIds, jointSubjectIds: plan.jointSubjectIds,
      plannedOn: d.day, code: `pending-${randomBytes(12).toString('hex')}`, createdAt: now,
    }).returning({ id: inspections.id });
    const code = inspectionCode(row!.id, randomBytes(5), codeMac);
    await tx.update(inspections).set({ code }).where(eq(inspections.id, row!.id));
    drawn.push({ id: row!.id, objectId: d.objectId, plannedOn: d.day, officerIds: d.officerIds, code });
  }
  await tx.insert(inspectionDraws).values({
    planId: plan.id, seed, candidateCount: result.candidates.length, candidateIds: result.candidates, cappedIds: result.capped,
    officerPoolIds: officers.map((o) => o.id).sort((a, b) => a - b), drawnObjectIds: drawn.map((d) => d.objectId), cap, drawnBy: actor.userId, drawnAt: now,
  });
  await recordSecurityEvent(tx, { kind: 'xzjc_plan_drawn', at: now, actorUserId: actor.userId, details: { planId: plan.id, seed, candidates: result.candidates.length, capped: result.capped.length, cap, inspectionIds: drawn.map((d) => d.id) } });
  return { planId: plan.id, seed, cap, candidateCount: result.candidates.length, cappedCount: result.capped.length, inspections: drawn };
}

/** The result of an inspection, signed by two officers certified in the matter's field on the day; noted in the enterprise's history. */
export async function recordResult(tx: Db, actor: StaffActor, inspectionId: number, input: ResultInput, now: Date): Promise<void> {
  const { inspection, plan, subject } = await visibleInspection(tx, actor, inspectionId);
  if (!isOfficer(actor, subject)) throw enforcementError('XZCF_NOT_OFFICER');
  if (inspection.status !== 'drawn') throw enforcementError('XZJC_ALREADY_RECORDED');
  if (input.inspectedOn > shanghaiDay(now) || input.inspectedOn < plan.firstDay || input.inspectedOn > plan.lastDay) throw enforcementError('XZJC_DAY_INVALID', { field: 'inspectedOn' });
  const ours = new Set([subject.id, ...inspection.jointSubjectIds]);
  const officers = input.officerIds.length ? await tx.select({ id: enforcementOfficers.id, subjectId: enforcementOfficers.subjectId }).from(enforcementOfficers).where(inArray(enforcementOfficers.id, input.officerIds)) : [];
  if (officers.some((o) => !ours.has(o.subjectId))) throw enforcementError('XZJC_OFFICER_NOT_OURS', { field: 'officerIds' });
  const matter = await inspectionMatter(tx, plan.matterId);
  await assertCertifiedOfficers(tx, input.officerIds, input.inspectedOn, matter.field);
  const officerIds = [...new Set(input.officerIds)];
  await tx.update(inspections).set({ status: 'done', result: input.result, resultNote: input.note.trim(), inspectedOn: input.inspectedOn, inspectedBy: officerIds }).where(eq(inspections.id, inspection.id));
  await appendObjectHistory(tx, { objectId: inspection.objectId, kind: 'inspection', refId: String(inspection.id), subjectId: subject.id, day: input.inspectedOn, summary: `${plan.title}：${INSPECTION_RESULT_LABELS[input.result]}` }, now);
  await recordSecurityEvent(tx, { kind: 'xzjc_result_recorded', at: now, actorUserId: actor.userId, details: { inspectionId: inspection.id, planId: plan.id, objectId: inspection.objectId, result: input.result, officerIds } });
}

/** A 行政处罚 case from an inspection that found problems: a clue from 检查发现, on the inspected enterprise, kept on the inspection. */
export async function openFollowUp(tx: Db, actor: StaffActor, inspectionId: number, input: { summary: string }, now: Date): Promise<{ caseId: string }> {
  const { inspection, plan, subject } = await visibleInspection(tx, actor, inspectionId);
  if (!isOfficer(actor, subject)) throw enforcementError('XZCF_NOT_OFFICER');
  if (inspection.status !== 'done' || inspection.result !== 'problems') throw enforcementError('XZJC_NO_PROBLEMS');
  if (inspection.followUpCaseId) throw enforcementError('XZJC_FOLLOW_UP_EXISTS', { caseId: inspection.followUpCaseId });
  const matter = await inspectionMatter(tx, plan.matterId);
  const { caseId } = await recordClue(tx, actor, { subjectId: subject.id, field: matter.field, source: 'inspection', summary: input.summary, discoveredOn: inspection.inspectedOn!, objectId: inspection.objectId }, now);
  await tx.update(inspections).set({ followUpCaseId: caseId }).where(eq(inspections.id, inspection.id));
  await recordSecurityEvent(tx, { kind: 'xzjc_follow_up_opened', at: now, actorUserId: actor.userId, details: { inspectionId: inspection.id, caseId } });
  return { caseId };
}

async function officerNames(tx: Db, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, string>();
  const rows = await tx.select({ id: enforcementOfficers.id, name: enforcementOfficers.name }).from(enforcementOfficers).where(inArray(enforcementOfficers.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function listPlans(tx: Db, actor: Actor, query: { year?: number }) {
  const subjects = await visibleSubjects(tx, actor);
  if (subjects.length === 0) return [];
  const rows = await tx.select().from(inspectionPlans)
    .where(and(inArray(inspectionPlans.subjectId, subjects.map((s) => s.id)), query.year ? eq(inspectionPlans.year, query.year) : undefined))
    .orderBy(desc(inspectionPlans.year), asc(inspectionPlans.id));
  return rows.map((p) => ({ ...planView(p), subjectName: subjects.find((s) => s.id === p.subjectId)!.name }));
}

const planView = (p: PlanRow) => ({
  id: p.id, subjectId: p.subjectId, year: p.year, matterId: p.matterId, title: p.title, plannedCount: p.plannedCount, jointSubjectIds: p.jointSubjectIds,
  firstDay: p.firstDay, lastDay: p.lastDay, status: p.status,
});

/** A plan with its draw record and its inspections (enterprise, officers, code, result). */
export async function readPlan(tx: Db, actor: Actor, planId: number) {
  const { plan, subject } = await visiblePlan(tx, actor, planId);
  const [draw] = await tx.select().from(inspectionDraws).where(eq(inspectionDraws.planId, plan.id));
  const rows = await tx.select({ inspection: inspections, objectName: enforcementObjects.name, creditCode: enforcementObjects.creditCode })
    .from(inspections).innerJoin(enforcementObjects, eq(enforcementObjects.id, inspections.objectId))
    .where(eq(inspections.planId, plan.id)).orderBy(asc(inspections.plannedOn), asc(inspections.id));
  const names = await officerNames(tx, rows.flatMap((r) => [...r.inspection.officerIds, ...(r.inspection.inspectedBy ?? [])]));
  return {
    ...planView(plan), subjectName: subject.name,
    draw: draw ? { seed: draw.seed, cap: draw.cap, candidateCount: draw.candidateCount, candidateIds: draw.candidateIds, cappedIds: draw.cappedIds, officerPoolIds: draw.officerPoolIds, drawnAt: draw.drawnAt.toISOString() } : null,
    inspections: rows.map(({ inspection: i, objectName, creditCode }) => ({
      id: i.id, objectId: i.objectId, objectName, creditCode, plannedOn: i.plannedOn, code: i.code, status: i.status,
      officers: i.officerIds.map((id) => ({ id, name: names.get(id) ?? '' })), result: i.result, resultNote: i.resultNote, inspectedOn: i.inspectedOn,
      inspectedBy: (i.inspectedBy ?? []).map((id) => ({ id, name: names.get(id) ?? '' })), followUpCaseId: i.followUpCaseId,
    })),
  };
}

/**
 * 扫码入企, for anyone at the enterprise's door: whom this code lets inspect whom, when and under
 * which plan. Only the officers' names and certificate numbers, as they would show them; an
 * unknown or forged code is not found.
 */
export async function verifyInspectionCode(tx: Db, input: string) {
  const code = normaliseInspectionCode(input);
  const [row] = code ? await tx.select().from(inspections).where(eq(inspections.code, code)) : [];
  if (!row || !codeBelongsTo(row.code, row.id, codeMac)) throw enforcementError('XZJC_CODE_UNKNOWN');
  const [plan] = await tx.select().from(inspectionPlans).where(eq(inspectionPlans.id, row.planId));
  const matter = await inspectionMatter(tx, plan!.matterId);
  const [object] = await tx.select({ name: enforcementObjects.name, creditCode: enforcementObjects.creditCode }).from(enforcementObjects).where(eq(enforcementObjects.id, row.objectId));
  const subjects = await allSubjects(tx);
  const day = row.inspectedOn ?? row.plannedOn;
  const officerIds = row.inspectedBy ?? row.officerIds;
  const names = await officerNames(tx, officerIds);
  const certificates = await tx.select().from(enforcementCertificates).where(inArray(enforcementCertificates.officerId, officerIds));
  return {
    code: row.code, status: row.status, plannedOn: row.plannedOn, inspectedOn: row.inspectedOn,
    subjectName: subjects.find((s) => s.id === row.subjectId)?.name ?? '',
    jointSubjectNames: row.jointSubjectIds.map((id) => subjects.find((s) => s.id === id)?.name ?? ''),
    enterprise: { name: object!.name, creditCode: object!.creditCode },
    plan: { title: plan!.title, year: plan!.year, matterName: matter.name, basis: matter.basis },
    officers: officerIds.map((id) => ({
      name: names.get(id) ?? '',
      certificateNumber: certificates.find((c) => c.officerId === id && certificateAllows(c, day, matter.field))?.number ?? null,
    })),
  };
}

/**
 * 一公开: the results of inspections carried out, newest first, for anyone — the subject (and its
 * partners), the enterprise and its credit code, the matter, the day and the result; never the
 * officers' notes. A party registered as a person shows as surname + 某, without an ID number.
 */
export async function listPublishedInspections(tx: Db, query: { q?: string; page: number; pageSize: number }): Promise<{ items: PublishedInspection[]; total: number }> {
  const words = query.q?.trim();
  const like = words ? `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = sql`i.status = 'done' and (${like}::text is null or (o.kind = 'enterprise' and (o.name ilike ${like} or o.credit_code ilike ${like})) or s.name ilike ${like})`;
  const [{ n: total } = { n: 0 }] = rowsOf<{ n: number }>(await tx.execute(sql`
    select count(*)::int as n from xzjc_inspections i join xzzf_objects o on o.id = i.object_id join xzzf_subjects s on s.id = i.subject_id where ${where}`));
  const rows = rowsOf<{ id: number; subject_name: string; joint_subject_ids: number[]; kind: string; name: string; credit_code: string | null; matter_name: string; inspected_on: string; result: 'no_problem' | 'problems'; follow_up: boolean }>(
    await tx.execute(sql`
      select i.id, s.name as subject_name, i.joint_subject_ids, o.kind, o.name, o.credit_code, m.name as matter_name, i.inspected_on, i.result, i.follow_up_case_id is not null as follow_up
        from xzjc_inspections i join xzzf_objects o on o.id = i.object_id join xzzf_subjects s on s.id = i.subject_id
        join xzjc_plans p on p.id = i.plan_id join xzzf_matters m on m.id = p.matter_id
       where ${where}
       order by i.inspected_on desc, i.id desc limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`));
  const subjects = rows.some((r) => r.joint_subject_ids.length) ? await allSubjects(tx) : [];
  return {
    total,
    items: rows.map((r) => ({
      id: r.id, subjectName: r.subject_name, jointSubjectNames: r.joint_subject_ids.map((id) => subjects.find((x) => x.id === id)?.name ?? ''),
      enterprise: r.kind === 'enterprise' ? r.name : redactPersonName(r.name), creditCode: r.kind === 'enterprise' ? r.credit_code : null,
      matterName: r.matter_name, inspectedOn: r.inspected_on, result: r.result, followUp: r.follow_up,
    })),
  };
}

/**
 * Inspections per enterprise in a year, for the 营商环境 office: a joint inspection is one row
 * and counts once, its subjects all listed. The 司法局's supervisors read it for their government.
 */
export async function inspectionsByEnterprise(tx: Db, actor: StaffActor, year: number) {
  const subjects = (await visibleSubjects(tx, actor)).filter((s) => supervises(actor, s.unitPath));
  if (subjects.length === 0) throw enforcementError('XZZF_NOT_SUPERVISOR');
  const government = await homeRegister(tx, actor);
  const cap = government === undefined ? INSPECTION_RULES.yearlyCapPerEnterprise : await yearlyCap(tx, government);
  const rows = await tx.select({ inspection: inspections, objectName: enforcementObjects.name, creditCode: enforcementObjects.creditCode })
    .from(inspections).innerJoin(enforcementObjects, eq(enforcementObjects.id, inspections.objectId))
    .where(and(eq(inspections.year, year), inArray(inspections.subjectId, subjects.map((s) => s.id))));
  const byObject = new Map<number, { objectId: number; name: string; creditCode: string | null; inspections: number; done: number; problems: number; followUpCases: number; subjectIds: Set<number> }>();
  for (const { inspection: i, objectName, creditCode } of rows) {
    const e = byObject.get(i.objectId) ?? { objectId: i.objectId, name: objectName, creditCode, inspections: 0, done: 0, problems: 0, followUpCases: 0, subjectIds: new Set<number>() };
    e.inspections += 1;
    if (i.status === 'done') e.done += 1;
    if (i.result === 'problems') e.problems += 1;
    if (i.followUpCaseId) e.followUpCases += 1;
    for (const s of [i.subjectId, ...i.jointSubjectIds]) e.subjectIds.add(s);
    byObject.set(i.objectId, e);
  }
  const items = [...byObject.values()]
    .map(({ subjectIds, ...e }) => ({ ...e, subjects: [...subjectIds].map((id) => subjects.find((s) => s.id === id)?.name ?? '').filter(Boolean), overCap: e.inspections > cap }))
    .sort((a, b) => b.inspections - a.inspections || a.objectId - b.objectId);
  return { year, cap, enterprises: items.length, inspections: rows.length, items };
}

/** The county's yearly cap, read by anyone of 行政执法 in it; set by its supervisors, logged with what it was. */
export async function readInspectionSettings(tx: Db, actor: Actor) {
  const government = await homeRegister(tx, actor);
  if (government === undefined) throw enforcementError('XZZF_NOT_SUPERVISOR');
  return { yearlyCap: await yearlyCap(tx, government), defaultYearlyCap: INSPECTION_RULES.yearlyCapPerEnterprise };
}

export async function setInspectionSettings(tx: Db, actor: StaffActor, input: { yearlyCap: number }, now: Date): Promise<void> {
  const government = await homeRegister(tx, actor);
  const [unit] = government === undefined ? [] : await tx.select({ path: units.path }).from(units).where(eq(units.id, government));
  if (!unit || !supervises(actor, unit.path)) throw enforcementError('XZZF_NOT_SUPERVISOR');
  const before = await yearlyCap(tx, government!);
  await tx.insert(inspectionSettings).values({ governmentUnitId: government!, yearlyCap: input.yearlyCap, updatedBy: actor.userId, updatedAt: now })
    .onConflictDoUpdate({ target: inspectionSettings.governmentUnitId, set: { yearlyCap: input.yearlyCap, updatedBy: actor.userId, updatedAt: now } });
  await recordSecurityEvent(tx, { kind: 'xzjc_settings_updated', at: now, actorUserId: actor.userId, details: { governmentUnitId: government, yearlyCap: input.yearlyCap, before } });
}
