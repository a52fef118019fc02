import { and, eq, inArray } from 'drizzle-orm';
import { isStaff } from '../../platform/actor.js';
import type { Db } from '../../platform/db/database.js';
import { shanghaiDay } from '../clock/index.js';
import { actsAs, defineCaseType, inputFields, linkCases, type ActionContext, type ActionDefinition } from '../cases/index.js';
import { users } from '../orgs/index.js';
import { enforcementError } from './enforcement.errors.js';
import {
  FILE_REVIEW_ACTION_LABELS, FILE_REVIEW_CASE_LABEL, FILE_REVIEW_FIELD_LABELS, FILE_REVIEW_LIST_LABELS, FILE_REVIEW_STATE_LABELS, POOR_FILE_FINDINGS,
  REVIEW_GRADE_LABELS, REVIEW_SOURCE_LABELS,
} from './enforcement.strings.js';
import { fileReviews, fileReviewScores, penaltyCases, reviewCampaigns } from './enforcement.tables.js';
import { issueSupervision } from './operations/issue-supervision.js';
import { ENFORCEMENT_MODULE } from './operations/register-scope.js';
import { fileScore, gradesFor, sheetScore, suggestedGrade, type ReviewGrade } from './rules/file-review.js';

export const FILE_REVIEW_CASE_TYPE = 'xzzf_file_review';

type Input = Record<string, any>;
type Ctx = ActionContext<Input>;

const { text, longText, day, object } = inputFields(FILE_REVIEW_FIELD_LABELS);

async function reviewOf(tx: Db, caseId: string) {
  const [row] = await tx
    .select({ review: fileReviews, campaign: reviewCampaigns })
    .from(fileReviews)
    .innerJoin(reviewCampaigns, eq(reviewCampaigns.id, fileReviews.campaignId))
    .where(eq(fileReviews.caseId, caseId));
  if (!row) throw enforcementError('XZZF_REVIEW_NOT_FOUND');
  return row;
}
const update = (ctx: Ctx, changes: Partial<typeof fileReviews.$inferInsert>) => ctx.tx.update(fileReviews).set(changes).where(eq(fileReviews.caseId, ctx.caseId));
const scoresOf = (tx: Db, caseId: string) => tx.select().from(fileReviewScores).where(eq(fileReviewScores.caseId, caseId));

// The 司法局's supervisors run the campaign in the government's name (the case's organ); a
// reviewer scores only the files drawn for them, once each.
const forSupervisor = async (ctx: Ctx) => actsAs(ctx.actor, ENFORCEMENT_MODULE, ['supervisor'], ctx.organUnitId);
const forAssignedReviewer = async (ctx: Ctx) => {
  const userId = reviewerId(ctx);
  const { review } = await reviewOf(ctx.tx, ctx.caseId);
  if (userId === undefined || !review.reviewerIds.includes(userId)) return false;
  const scored = await scoresOf(ctx.tx, ctx.caseId);
  return !scored.some((s) => s.reviewerId === userId);
};
const reviewerId = (ctx: Ctx) => (isStaff(ctx.actor) ? ctx.actor.userId : undefined);

const score = (tenths: number | null) => (tenths === null ? null : tenths / 10);

function action(definition: ActionDefinition<Input>): ActionDefinition<Input> {
  return definition;
}

/**
 * 案卷评查 of one 行政处罚 file, as Tianjin's 优差双评 runs it: the experts drawn for it score it
 * on the campaign's sheet (each alone, not from the subject reviewed), the 司法局 checks the
 * scores (returning one to its expert when it does not hold), the leading group decides 示范优案,
 * 一般 or 典型差案 within the lines the score allows, and publication opens a rectification
 * (an 执法监督意见 with its report clock) for each 典型差案.
 */
export const fileReviewCaseType = defineCaseType({
  name: FILE_REVIEW_CASE_TYPE,
  label: FILE_REVIEW_CASE_LABEL,
  module: ENFORCEMENT_MODULE,
  states: Object.fromEntries(Object.entries(FILE_REVIEW_STATE_LABELS).map(([k, label]) => [k, { label, final: k === 'published' || k === 'withdrawn' }])),
  initialState: 'scoring',
  openEvent: 'file_review_selected',
  openLabel: '选取案卷',
  // The subject reviewed sees its file's review once it is published, not while experts score it.
  stakeholders: 'select case_id, subject_unit_id as unit_id from xzzf_file_reviews where published_on is not null',
  listing: {
    source: `select r.case_id, m.title as campaign, s.name as subject_name, x.case_number, r.source, r.score_tenths / 10.0 as score, r.grade, r.decided_on
               from xzzf_file_reviews r join xzzf_review_campaigns m on m.id = r.campaign_id
               join xzzf_subjects s on s.id = r.subject_id join xzcf_cases x on x.case_id = r.penalty_case_id`,
    columns: [
      { key: 'campaign', label: FILE_REVIEW_LIST_LABELS.campaign, kind: 'text' },
      { key: 'subject_name', label: FILE_REVIEW_LIST_LABELS.subject, kind: 'text' },
      { key: 'case_number', label: FILE_REVIEW_LIST_LABELS.caseNumber, kind: 'text' },
      { key: 'source', label: FILE_REVIEW_LIST_LABELS.source, kind: 'choice', options: REVIEW_SOURCE_LABELS },
      { key: 'score', label: FILE_REVIEW_LIST_LABELS.score, kind: 'number' },
      { key: 'grade', label: FILE_REVIEW_LIST_LABELS.grade, kind: 'choice', options: REVIEW_GRADE_LABELS },
      { key: 'decided_on', label: FILE_REVIEW_LIST_LABELS.decidedOn, kind: 'date' },
    ],
    filters: [
      { key: 'state', label: FILE_REVIEW_LIST_LABELS.state, kind: 'choice' },
      { key: 'grade', label: FILE_REVIEW_LIST_LABELS.grade, kind: 'choice' },
      { key: 'campaign', label: FILE_REVIEW_LIST_LABELS.campaign, kind: 'text' },
    ],
    search: ['campaign', 'subject_name', 'case_number'],
    title: 'subject_name',
    code: 'case_number',
  },
  actions: {
    score: action({
      label: FILE_REVIEW_ACTION_LABELS.score, from: ['scoring'], roles: ['file_reviewer'], authorize: forAssignedReviewer,
      input: object({ comments: longText(5000) }, ['comments']),
      // The campaign's own sheet: one whole-number field per item, bounded by its points.
      fieldsOnCase: async (ctx) => {
        const { campaign } = await reviewOf(ctx.tx, ctx.caseId);
        return {
          properties: Object.fromEntries(campaign.sheet.items.map((item) => [item.key, {
            type: 'integer', minimum: 0, maximum: item.max, title: `${item.label}（${item.max}分）`, ...(item.guidance ? { description: item.guidance } : {}),
          }])),
          required: campaign.sheet.items.map((item) => item.key),
        };
      },
      effect: async (ctx) => {
        const { review, campaign } = await reviewOf(ctx.tx, ctx.caseId);
        const points = Object.fromEntries(campaign.sheet.items.map((item) => [item.key, ctx.input[item.key] as number]));
        const total = sheetScore(campaign.sheet, points);
        await ctx.tx.insert(fileReviewScores).values({ caseId: ctx.caseId, reviewerId: reviewerId(ctx)!, points, total, comments: ctx.input.comments, scoredAt: ctx.now });
        const all = await scoresOf(ctx.tx, ctx.caseId);
        if (all.length < review.reviewerIds.length) return { eventFacts: { total } };
        const mean = fileScore(all.map((s) => s.total));
        await update(ctx, { score: Math.round(mean * 10) });
        return { nextState: 'scored', eventFacts: { total, fileScore: mean } };
      },
    }),
    return_score: action({
      label: FILE_REVIEW_ACTION_LABELS.return_score, from: ['scored'], to: 'scoring', roles: ['supervisor'], authorize: forSupervisor,
      input: object({ reviewerId: { type: 'integer', minimum: 1 }, reason: longText(2000) }, ['reviewerId', 'reason']),
      choices: async (ctx) => {
        const scored = await scoresOf(ctx.tx, ctx.caseId);
        const names = scored.length ? await ctx.tx.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, scored.map((s) => s.reviewerId))) : [];
        return { reviewerId: scored.map((s) => ({ value: s.reviewerId, label: `${names.find((n) => n.id === s.reviewerId)?.name ?? s.reviewerId}：${s.total}分` })) };
      },
      effect: async (ctx) => {
        const removed = await ctx.tx.delete(fileReviewScores)
          .where(and(eq(fileReviewScores.caseId, ctx.caseId), eq(fileReviewScores.reviewerId, ctx.input.reviewerId as number)))
          .returning({ total: fileReviewScores.total });
        if (removed.length === 0) throw enforcementError('XZZF_REVIEW_NOT_SCORED_BY', { field: 'reviewerId' });
        await update(ctx, { score: null });
        return { eventFacts: { returnedTotal: removed[0]!.total } };
      },
    }),
    verify: action({
      label: FILE_REVIEW_ACTION_LABELS.verify, from: ['scored'], to: 'verified', roles: ['supervisor'], authorize: forSupervisor,
      input: object({ note: text(1000) }),
    }),
    decide: action({
      label: FILE_REVIEW_ACTION_LABELS.decide, from: ['verified'], to: 'decided', roles: ['supervisor'], authorize: forSupervisor,
      input: object({ grade: { type: 'string', enum: Object.keys(REVIEW_GRADE_LABELS), 'x-kind': 'choice', 'x-labels': REVIEW_GRADE_LABELS }, summary: longText(3000) }, ['grade', 'summary']),
      choices: async (ctx) => {
        const { review, campaign } = await reviewOf(ctx.tx, ctx.caseId);
        return { grade: gradesFor(campaign.sheet, score(review.score) ?? 0).map((g) => ({ value: g, label: REVIEW_GRADE_LABELS[g] })) };
      },
      defaults: async (ctx) => {
        const { review, campaign } = await reviewOf(ctx.tx, ctx.caseId);
        return { grade: suggestedGrade(campaign.sheet, score(review.score) ?? 0) };
      },
      effect: async (ctx) => {
        const { review, campaign } = await reviewOf(ctx.tx, ctx.caseId);
        const fileScoreNow = score(review.score) ?? 0;
        const grade = ctx.input.grade as ReviewGrade;
        if (!gradesFor(campaign.sheet, fileScoreNow).includes(grade)) throw enforcementError('XZZF_REVIEW_GRADE_NOT_ALLOWED', { field: 'grade', score: fileScoreNow });
        await update(ctx, { grade, summary: ctx.input.summary, decidedOn: shanghaiDay(ctx.now) });
        return { eventFacts: { score: fileScoreNow } };
      },
    }),
    publish: action({
      label: FILE_REVIEW_ACTION_LABELS.publish, from: ['decided'], to: 'published', roles: ['supervisor'], authorize: forSupervisor,
      input: object({}),
      // A 典型差案 is published with what the subject must put right and by when.
      fieldsOnCase: async (ctx) => {
        const { review } = await reviewOf(ctx.tx, ctx.caseId);
        return review.grade === 'poor'
          ? { properties: { requirements: { ...longText(3000), title: FILE_REVIEW_FIELD_LABELS.requirements }, respondBy: { ...day, title: FILE_REVIEW_FIELD_LABELS.respondBy } }, required: ['requirements', 'respondBy'] }
          : { properties: {} };
      },
      effect: async (ctx) => {
        const { review, campaign } = await reviewOf(ctx.tx, ctx.caseId);
        const today = shanghaiDay(ctx.now);
        await update(ctx, { publishedOn: today });
        if (review.grade !== 'poor') return {};
        const [file] = await ctx.tx.select({ caseNumber: penaltyCases.caseNumber }).from(penaltyCases).where(eq(penaltyCases.caseId, review.penaltyCaseId));
        const { caseId: rectification } = await issueSupervision(ctx.tx, ctx.actor, {
          subjectId: review.subjectId,
          findings: POOR_FILE_FINDINGS(campaign.title, file?.caseNumber ?? '', score(review.score) ?? 0, review.summary ?? ''),
          requirements: ctx.input.requirements,
          respondBy: ctx.input.respondBy,
          caseIds: [review.penaltyCaseId],
        }, ctx.now);
        await linkCases(ctx.tx, { fromCaseId: rectification, toCaseId: ctx.caseId, kind: 'supervised', actor: ctx.actor, at: ctx.now });
        return { eventFacts: { rectificationCaseId: rectification } };
      },
    }),
    withdraw: action({
      label: FILE_REVIEW_ACTION_LABELS.withdraw, from: ['scoring', 'scored', 'verified'], to: 'withdrawn', roles: ['supervisor'], authorize: forSupervisor,
      input: object({ reason: longText(2000) }, ['reason']),
    }),
  },
});
