import { randomBytes, randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Actor, StaffActor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { rowsOf } from '../../../platform/db/rows-of.js';
import { seededRandom } from '../../../platform/seeded-random.js';
import { recordSecurityEvent } from '../../../platform/security-log/security-log.js';
import { cases, linkCases, openCase, performAction, rolesIn } from '../../cases/index.js';
import { maskIdentifiers, redactPersonName } from '../../documents/index.js';
import { units } from '../../orgs/index.js';
import { shanghaiDay } from '../../clock/index.js';
import { enforcementError } from '../enforcement.errors.js';
import { FILE_REVIEW_STATE_LABELS, SELECTION_RULE_LABELS } from '../enforcement.strings.js';
import { enforcementSubjects, fileReviews, fileReviewScores, penaltyCases, reviewCampaigns } from '../enforcement.tables.js';
import { FILE_REVIEW_CASE_TYPE } from '../file-review-case-type.js';
import { DEFAULT_REVIEW, mayReview, sheetProblem, type ReviewerCandidate, type ReviewSheet } from '../rules/file-review.js';
import { drawWithout, seedNumber } from '../rules/inspections.js';
import { ENFORCEMENT_MODULE, allSubjects, supervises, type ScopedSubject } from './register-scope.js';
import type {
  FileSelectionInput, FileSelectionResult, MyReviewFile, PublishedReview, ReviewCampaignInput, ReviewCampaignSummary, ReviewCampaignView, SelectionRule,
} from '../../../../../contracts/enforcement.js';

export type { FileSelectionInput, ReviewCampaignInput };

type CampaignRow = typeof reviewCampaigns.$inferSelect;

/** The governments for which this person supervises (a 司法局's supervisor holds the role for its government). */
const supervisedGovernments = (actor: Actor) => rolesIn(actor, ENFORCEMENT_MODULE).filter((r) => r.role === 'supervisor').map((r) => r.unitId);

async function campaignFor(tx: Db, actor: Actor, id: number): Promise<CampaignRow & { governmentPath: string }> {
  const [row] = await tx.select({ campaign: reviewCampaigns, governmentPath: units.path }).from(reviewCampaigns)
    .innerJoin(units, eq(units.id, reviewCampaigns.governmentUnitId)).where(eq(reviewCampaigns.id, id));
  if (!row || !supervisedGovernments(actor).includes(row.campaign.governmentUnitId)) throw enforcementError('XZZF_REVIEW_CAMPAIGN_NOT_FOUND');
  return { ...row.campaign, governmentPath: row.governmentPath };
}

/** 发起案卷评查: a supervisor opens a campaign for their government, on its own sheet or the default one. */
export async function createCampaign(tx: Db, actor: StaffActor, input: ReviewCampaignInput, now: Date): Promise<{ id: number }> {
  const [government] = supervisedGovernments(actor);
  if (government === undefined) throw enforcementError('XZZF_NOT_SUPERVISOR');
  const sheet: ReviewSheet = {
    items: (input.items ?? DEFAULT_REVIEW.items).map((i) => ({ key: i.key, label: i.label.trim(), max: i.max, ...(i.guidance?.trim() ? { guidance: i.guidance.trim() } : {}) })),
    excellentFrom: input.excellentFrom ?? DEFAULT_REVIEW.excellentFrom,
    poorBelow: input.poorBelow ?? DEFAULT_REVIEW.poorBelow,
  };
  const problem = sheetProblem(sheet);
  if (problem) throw enforcementError('XZZF_REVIEW_SHEET_INVALID', { field: problem === 'lines' ? 'poorBelow' : 'items', problem });
  if (input.periodTo < input.periodFrom) throw enforcementError('XZZF_REVIEW_PERIOD', { field: 'periodTo' });
  const [row] = await tx.insert(reviewCampaigns).values({
    governmentUnitId: government, title: input.title.trim(), periodFrom: input.periodFrom, periodTo: input.periodTo, sheet,
    reviewersPerFile: input.reviewersPerFile ?? DEFAULT_REVIEW.reviewersPerFile, createdBy: actor.userId, createdAt: now,
  }).returning({ id: reviewCampaigns.id });
  await recordSecurityEvent(tx, { kind: 'xzzf_review_campaign_created', at: now, actorUserId: actor.userId, details: { campaignId: row!.id, title: input.title, governmentUnitId: government, sheet } });
  return { id: row!.id };
}

// Which decided files each rule takes; a random draw takes its share of the same files.
const RULE_CONDITIONS: Record<SelectionRule, string> = {
  all: 'true',
  major: `(x.hearing_held_on is not null or jsonb_array_length(x.review_grounds_marked) > 0 or x.collective_required)`,
  no_penalty: `x.outcome = 'no_penalty'`,
  summary: `x.procedure = 'summary'`,
};

interface Candidate { case_id: string; subject_id: number; case_number: string | null }

/** The files of these subjects decided (or otherwise ended) within the campaign's period, not yet in it. */
async function candidates(tx: Db, campaign: CampaignRow, subjectIds: readonly number[], rule: SelectionRule): Promise<Candidate[]> {
  if (subjectIds.length === 0) return [];
  return rowsOf<Candidate>(await tx.execute(sql`
    select x.case_id, x.subject_id, x.case_number from xzcf_cases x
     where x.subject_id in (${sql.join(subjectIds.map((id) => sql`${id}`), sql`, `)})
       and x.outcome in ('penalty', 'no_penalty', 'transferred')
       and coalesce(x.decided_on, x.closed_on) between ${campaign.periodFrom} and ${campaign.periodTo}
       and ${sql.raw(RULE_CONDITIONS[rule])}
       and not exists (select 1 from xzzf_file_reviews r where r.campaign_id = ${campaign.id} and r.penalty_case_id = x.case_id)
     order by x.case_id`));
}

/** Everyone who may be drawn to review for this government: holders of the reviewer role for it or above, with where they work. */
async function reviewerPool(tx: Db, governmentPath: string): Promise<Array<{ userId: number; unitPath: string; officerSubjectIds: number[] }>> {
  return rowsOf<{ userId: number; unitPath: string; officerSubjectIds: number[] }>(await tx.execute(sql`
    select u.id as "userId", home.path as "unitPath",
           coalesce((select jsonb_agg(o.subject_id) from xzzf_officers o where o.user_id = u.id), '[]'::jsonb) as "officerSubjectIds"
      from users u join units home on home.id = u.unit_id
     where u.disabled_at is null and exists (
       select 1 from role_grants g join units gu on gu.id = g.unit_id
        where g.user_id = u.id and g.role = ${`${ENFORCEMENT_MODULE}.file_reviewer`} and ${governmentPath} like gu.path || '%')
     order by u.id`));
}

/**
 * 选取案卷: by a rule (every file it takes), at random (a share per subject, drawn by a seed the
 * server makes and records), or by case number (案例征集: files nominated by the media, the
 * discipline inspectors, a subject's own 优案). Each file gets its experts, drawn at random from
 * those not working in the subject reviewed nor registered as its officers; too few refuses the
 * whole selection. Each becomes a 案卷评查 case in the government's name, linked to the file.
 */
export async function selectFiles(tx: Db, actor: StaffActor, campaignId: number, input: FileSelectionInput, now: Date): Promise<FileSelectionResult> {
  const campaign = await campaignFor(tx, actor, campaignId);
  if (campaign.publishedOn) throw enforcementError('XZZF_REVIEW_PUBLISHED');
  const subjects = (await allSubjects(tx)).filter((s) => s.unitPath.startsWith(campaign.governmentPath) && supervises(actor, s.unitPath));
  const chosen = input.mode !== 'nominated' && input.subjectIds?.length ? subjects.filter((s) => input.subjectIds!.includes(s.id)) : subjects;
  const seed = randomBytes(8).toString('hex');
  const random = seededRandom(seedNumber(seed));
  let picked: Candidate[];
  let reason: string;
  let alreadyInCampaign = 0;
  if (input.mode === 'nominated') {
    const numbers = [...new Set(input.caseNumbers.map((n) => n.trim()))];
    const all = await candidates(tx, campaign, subjects.map((s) => s.id), 'all');
    const held = rowsOf<{ case_number: string }>(await tx.execute(sql`
      select x.case_number from xzzf_file_reviews r join xzcf_cases x on x.case_id = r.penalty_case_id where r.campaign_id = ${campaign.id}`)).map((r) => r.case_number);
    picked = [];
    for (const number of numbers) {
      const found = all.find((c) => c.case_number === number);
      if (found) picked.push(found);
      else if (held.includes(number)) alreadyInCampaign++;
      else throw enforcementError('XZZF_REVIEW_CASE_NUMBER_UNKNOWN', { field: 'caseNumbers', caseNumber: number });
    }
    reason = input.reason.trim();
  } else if (input.mode === 'rule') {
    picked = await candidates(tx, campaign, chosen.map((s) => s.id), input.rule);
    reason = SELECTION_RULE_LABELS[input.rule];
  } else {
    const rule = input.rule ?? 'all';
    const all = await candidates(tx, campaign, chosen.map((s) => s.id), rule);
    picked = chosen.flatMap((s) => drawWithout(all.filter((c) => c.subject_id === s.id), input.perSubject, random));
    reason = `${SELECTION_RULE_LABELS[rule]}，每个执法主体随机抽取${input.perSubject}件（随机种子 ${seed}）`;
  }
  if (picked.length === 0) throw enforcementError('XZZF_REVIEW_NO_FILES');

  const pool = await reviewerPool(tx, campaign.governmentPath);
  const byId = new Map<number, ScopedSubject>(subjects.map((s) => [s.id, s]));
  const caseIds: string[] = [];
  for (const file of picked) {
    const subject = byId.get(file.subject_id)!;
    const eligible = pool
      .map((p): ReviewerCandidate => ({ userId: p.userId, unitPath: p.unitPath, officerOfSubject: p.officerSubjectIds.includes(subject.id) }))
      .filter((p) => mayReview(p, subject.unitPath));
    if (eligible.length < campaign.reviewersPerFile) throw enforcementError('XZZF_REVIEW_TOO_FEW_REVIEWERS', { caseNumber: file.case_number, eligible: eligible.length, needed: campaign.reviewersPerFile });
    const reviewerIds = drawWithout(eligible, campaign.reviewersPerFile, random).map((p) => p.userId).sort((a, b) => a - b);
    const caseId = randomUUID();
    await openCase(tx, {
      caseId, caseType: FILE_REVIEW_CASE_TYPE, actor, at: now, organUnitId: campaign.governmentUnitId,
      payload: { campaignId: campaign.id, penaltyCaseId: file.case_id, caseNumber: file.case_number, source: input.mode, reason, reviewerIds },
    });
    await tx.insert(fileReviews).values({
      caseId, campaignId: campaign.id, penaltyCaseId: file.case_id, subjectId: subject.id, subjectUnitId: subject.unitId, source: input.mode, reason, reviewerIds,
    });
    await linkCases(tx, { fromCaseId: caseId, toCaseId: file.case_id, kind: 'reviewed', actor, at: now });
    caseIds.push(caseId);
  }
  await recordSecurityEvent(tx, { kind: 'xzzf_review_files_selected', at: now, actorUserId: actor.userId, details: { campaignId: campaign.id, mode: input.mode, seed, files: picked.map((p) => p.case_id), caseIds } });
  return { selected: caseIds.length, alreadyInCampaign, caseIds };
}

async function summaries(tx: Db, rows: readonly CampaignRow[]): Promise<ReviewCampaignSummary[]> {
  if (rows.length === 0) return [];
  const counts = rowsOf<{ campaign_id: number; files: number; scored: number; decided: number; excellent: number; poor: number }>(await tx.execute(sql`
    select r.campaign_id, count(*)::int as files,
           count(*) filter (where c.state not in ('scoring', 'withdrawn'))::int as scored,
           count(*) filter (where c.state in ('decided', 'published'))::int as decided,
           count(*) filter (where r.grade = 'excellent' and c.state in ('decided', 'published'))::int as excellent,
           count(*) filter (where r.grade = 'poor' and c.state in ('decided', 'published'))::int as poor
      from xzzf_file_reviews r join cases c on c.id = r.case_id
     where r.campaign_id in (${sql.join(rows.map((r) => sql`${r.id}`), sql`, `)}) and c.state <> 'withdrawn'
     group by r.campaign_id`));
  return rows.map((c) => {
    const n = counts.find((k) => k.campaign_id === c.id);
    return {
      id: c.id, title: c.title, periodFrom: c.periodFrom, periodTo: c.periodTo, governmentUnitId: c.governmentUnitId, publishedOn: c.publishedOn,
      files: n?.files ?? 0, scored: n?.scored ?? 0, decided: n?.decided ?? 0, excellent: n?.excellent ?? 0, poor: n?.poor ?? 0,
    };
  });
}

/** The campaigns of the governments this person supervises, newest first. */
export async function listCampaigns(tx: Db, actor: Actor): Promise<ReviewCampaignSummary[]> {
  const governments = supervisedGovernments(actor);
  if (governments.length === 0) throw enforcementError('XZZF_NOT_SUPERVISOR');
  return summaries(tx, await tx.select().from(reviewCampaigns).where(inArray(reviewCampaigns.governmentUnitId, governments)).orderBy(desc(reviewCampaigns.id)));
}

/** One campaign: its sheet, and each file with its state, experts, how many have scored, its score and grade. */
export async function readCampaign(tx: Db, actor: Actor, id: number): Promise<ReviewCampaignView> {
  const campaign = await campaignFor(tx, actor, id);
  const [summary] = await summaries(tx, [campaign]);
  const files = await tx
    .select({ review: fileReviews, state: cases.state, caseNumber: penaltyCases.caseNumber, subjectName: enforcementSubjects.name })
    .from(fileReviews)
    .innerJoin(cases, eq(cases.id, fileReviews.caseId))
    .innerJoin(penaltyCases, eq(penaltyCases.caseId, fileReviews.penaltyCaseId))
    .innerJoin(enforcementSubjects, eq(enforcementSubjects.id, fileReviews.subjectId))
    .where(eq(fileReviews.campaignId, campaign.id))
    .orderBy(enforcementSubjects.name, penaltyCases.caseNumber);
  const reviewerIds = [...new Set(files.flatMap((f) => f.review.reviewerIds))];
  const names = reviewerIds.length
    ? rowsOf<{ id: number; name: string; unit: string }>(await tx.execute(sql`
        select u.id, u.display_name as name, n.name as unit from users u join units n on n.id = u.unit_id where u.id in (${sql.join(reviewerIds.map((r) => sql`${r}`), sql`, `)})`))
    : [];
  const scoredBy = files.length
    ? await tx.select({ caseId: fileReviewScores.caseId, n: sql<number>`count(*)::int` }).from(fileReviewScores)
      .where(inArray(fileReviewScores.caseId, files.map((f) => f.review.caseId))).groupBy(fileReviewScores.caseId)
    : [];
  return {
    ...summary!,
    items: campaign.sheet.items, excellentFrom: campaign.sheet.excellentFrom, poorBelow: campaign.sheet.poorBelow, reviewersPerFile: campaign.reviewersPerFile,
    reviewFiles: files.map((f) => ({
      caseId: f.review.caseId, penaltyCaseId: f.review.penaltyCaseId, caseNumber: f.caseNumber, subjectName: f.subjectName,
      source: f.review.source, reason: f.review.reason, state: f.state, stateLabel: FILE_REVIEW_STATE_LABELS[f.state as keyof typeof FILE_REVIEW_STATE_LABELS] ?? f.state,
      reviewers: f.review.reviewerIds.map((r) => { const n = names.find((x) => x.id === r); return n ? `${n.name}（${n.unit}）` : String(r); }),
      scoredBy: scoredBy.find((s) => s.caseId === f.review.caseId)?.n ?? 0,
      score: f.review.score === null ? null : f.review.score / 10,
      grade: f.review.grade,
    })),
  };
}

/**
 * 通报: once every file still in the campaign has its grade, publishes them all together; each
 * 典型差案 opens its rectification (an 执法监督意见 to the subject) with these requirements and day.
 */
export async function publishCampaign(tx: Db, actor: StaffActor, id: number, input: { requirements: string; respondBy: string }, now: Date): Promise<{ published: number; rectifications: number }> {
  const campaign = await campaignFor(tx, actor, id);
  if (campaign.publishedOn) throw enforcementError('XZZF_REVIEW_PUBLISHED');
  const files = await tx.select({ caseId: fileReviews.caseId, grade: fileReviews.grade, state: cases.state }).from(fileReviews)
    .innerJoin(cases, eq(cases.id, fileReviews.caseId)).where(eq(fileReviews.campaignId, campaign.id)).orderBy(fileReviews.caseId);
  const open = files.filter((f) => f.state !== 'withdrawn' && f.state !== 'published');
  if (open.length === 0 || open.some((f) => f.state !== 'decided')) throw enforcementError('XZZF_REVIEW_NOT_READY');
  let rectifications = 0;
  for (const file of open) {
    const poor = file.grade === 'poor';
    await performAction(tx, { caseId: file.caseId, action: 'publish', actor, input: poor ? { requirements: input.requirements, respondBy: input.respondBy } : {}, now, caseType: FILE_REVIEW_CASE_TYPE });
    if (poor) rectifications++;
  }
  await tx.update(reviewCampaigns).set({ publishedOn: shanghaiDay(now) }).where(eq(reviewCampaigns.id, campaign.id));
  return { published: open.length, rectifications };
}

/**
 * 我的评查: the files drawn for this expert that wait for their score, oldest first. The platform's
 * to-do is a unit's; an expert's work is their own, so it is listed here.
 */
export async function myFiles(tx: Db, actor: StaffActor): Promise<MyReviewFile[]> {
  const scopes = rolesIn(actor, ENFORCEMENT_MODULE).filter((r) => r.role === 'file_reviewer').map((r) => r.scopePath);
  if (scopes.length === 0) return [];
  const rows = rowsOf<{ case_id: string; penalty_case_id: string; campaign: string; subject_name: string; case_number: string | null; decision_number: string | null; cause: string; selected_at: Date | string }>(
    await tx.execute(sql`
      select r.case_id, r.penalty_case_id, m.title as campaign, s.name as subject_name, x.case_number, x.decision_number, x.summary as cause, c.created_at as selected_at
        from xzzf_file_reviews r join cases c on c.id = r.case_id join units o on o.id = c.organ_unit_id
        join xzzf_review_campaigns m on m.id = r.campaign_id join xzzf_subjects s on s.id = r.subject_id join xzcf_cases x on x.case_id = r.penalty_case_id
       where c.state = 'scoring' and r.reviewer_ids @> ${JSON.stringify([actor.userId])}::jsonb
         and not exists (select 1 from xzzf_file_review_scores f where f.case_id = r.case_id and f.reviewer_id = ${actor.userId})
         and (${sql.join(scopes.map((scope) => sql`o.path like ${`${scope}%`}`), sql` or `)})
       order by c.created_at, r.case_id`));
  return rows.map((r) => ({
    caseId: r.case_id, penaltyCaseId: r.penalty_case_id, campaign: r.campaign, subjectName: r.subject_name, caseNumber: r.case_number, decisionNumber: r.decision_number,
    cause: r.cause, selectedAt: new Date(r.selected_at).toISOString(),
  }));
}

/** 示范优案 and 典型差案 published, newest first, for anyone: persons appear as surname + 某, numbers masked. */
export async function listPublishedReviews(tx: Db, query: { page: number; pageSize: number }): Promise<{ items: PublishedReview[]; total: number }> {
  const where = and(isNotNull(fileReviews.publishedOn), inArray(fileReviews.grade, ['excellent', 'poor']), isNull(penaltyCases.withdrawnOn));
  const base = () => tx.select({
    campaign: reviewCampaigns.title, publishedOn: fileReviews.publishedOn, subjectName: enforcementSubjects.name, caseNumber: penaltyCases.caseNumber,
    decisionNumber: penaltyCases.decisionNumber, cause: penaltyCases.summary, partyKind: penaltyCases.partyKind, partyName: penaltyCases.partyName,
    grade: fileReviews.grade, score: fileReviews.score, summary: fileReviews.summary,
  }).from(fileReviews)
    .innerJoin(reviewCampaigns, eq(reviewCampaigns.id, fileReviews.campaignId))
    .innerJoin(penaltyCases, eq(penaltyCases.caseId, fileReviews.penaltyCaseId))
    .innerJoin(enforcementSubjects, eq(enforcementSubjects.id, fileReviews.subjectId));
  const [{ n: total } = { n: 0 }] = await tx.select({ n: sql<number>`count(*)::int` }).from(fileReviews)
    .innerJoin(penaltyCases, eq(penaltyCases.caseId, fileReviews.penaltyCaseId)).where(where);
  const rows = await base().where(where).orderBy(desc(fileReviews.publishedOn), desc(fileReviews.score)).limit(query.pageSize).offset((query.page - 1) * query.pageSize);
  const hide = (text: string, r: { partyKind: string; partyName: string | null }) => {
    const name = r.partyKind === 'individual' ? r.partyName?.trim() : undefined;
    return maskIdentifiers(name ? text.split(name).join(redactPersonName(name)) : text);
  };
  return {
    total,
    items: rows.map((r) => ({
      campaign: r.campaign, publishedOn: r.publishedOn!, subjectName: r.subjectName, caseNumber: r.caseNumber, decisionNumber: r.decisionNumber,
      cause: hide(r.cause, r), grade: r.grade as 'excellent' | 'poor', score: (r.score ?? 0) / 10, summary: hide(r.summary ?? '', r),
    })),
  };
}

