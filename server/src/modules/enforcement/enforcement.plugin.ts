import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/http/context.js';
import { requireModule } from '../auth/index.js';
import { rolesIn } from '../cases/index.js';
import { shanghaiDay } from '../clock/index.js';
import { readDutyFile } from '../duties/index.js';
import { registerUnitMergeStep } from '../orgs/index.js';
import { enforcementError } from './enforcement.errors.js';
import { enforcementSchemas as schemas } from './enforcement.schemas.js';
import { expiringCertificates } from './operations/certified-officers.js';
import { importMatters, listMatters, readMatter, type MatterQuery } from './operations/matters.js';
import { eraseObject, readObject, registerObject, searchObjects, type ObjectInput, type ObjectQuery } from './operations/objects.js';
import { addCertificate, createOfficer, listOfficers, setCertificateStatus, type CertificateInput, type OfficerInput } from './operations/officers.js';
import { ENFORCEMENT_MODULE } from './operations/register-scope.js';
import { recordClue, type ClueInput } from './operations/record-clue.js';
import { oversight } from './operations/oversight.js';
import type { OversightQuery } from '../../../../contracts/enforcement.js';
import { issueSupervision, type SupervisionInput } from './operations/issue-supervision.js';
import {
  createCampaign, listCampaigns, listPublishedReviews, myFiles, publishCampaign, readCampaign, selectFiles, type FileSelectionInput, type ReviewCampaignInput,
} from './operations/file-reviews.js';
import {
  createPlan, drawPlan, inspectionsByEnterprise, listPlans, listPublishedInspections, openFollowUp, readInspectionSettings, readPlan, recordResult, setInspectionSettings, verifyInspectionCode,
  type PlanInput, type ResultInput,
} from './operations/inspections.js';
import { listPublishedPenalties, readPublishedPenalty } from './operations/publications.js';
import { createSubject, listSubjects, moveSubjectsOfMergedUnit, updateSubject, type SubjectInput } from './operations/subjects.js';
import { CIRCUMSTANCES, ENFORCEMENT_FIELDS, PENALTY_KINDS } from './rules/vocabulary.js';
import type { CertificateStatus } from './rules/certificates.js';
import { DEFAULT_REVIEW } from './rules/file-review.js';
import { socialSupervisorRoutes } from './social-supervisors.routes.js';

type IdParams = { id: number };

/** 行政执法's registers: read by every holder of a 行政执法 role within their subtrees, kept by the people each belongs to. */
export async function enforcementPlugin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const db = ctx.database.db;
  registerUnitMergeStep('enforcement', (tx, merge) => moveSubjectsOfMergedUnit(tx, merge.from.id, merge.into.id, merge.now));
  const actorOf = (request: Parameters<typeof requireModule>[0]) => requireModule(request, ENFORCEMENT_MODULE);
  const today = () => shanghaiDay(ctx.time.now());
  await socialSupervisorRoutes(app, ctx);

  app.get('/api/xzzf/vocabulary', { schema: schemas.vocabulary }, async (request) => {
    actorOf(request);
    return { fields: ENFORCEMENT_FIELDS, penaltyKinds: PENALTY_KINDS, circumstances: CIRCUMSTANCES };
  });

  app.get('/api/public/xzzf/decisions', { schema: schemas.publishedPenalties }, async (request) =>
    listPublishedPenalties(db, request.query as { q?: string; page: number; pageSize: number }));

  app.get('/api/public/xzzf/decisions/:id', { schema: schemas.publishedPenalty }, async (request) => readPublishedPenalty(db, (request.params as { id: string }).id));

  app.get('/api/xzzf/oversight', { schema: schemas.oversight }, async (request) => {
    const actor = actorOf(request);
    return ctx.database.transaction((tx) => oversight(tx, actor, today(), ctx.time.now(), request.query as OversightQuery));
  });

  app.post('/api/xzzf/supervision', { schema: schemas.issueSupervision }, async (request, reply) => {
    const actor = actorOf(request);
    const result = await ctx.database.transaction((tx) => issueSupervision(tx, actor, request.body as SupervisionInput, ctx.time.now()));
    return reply.code(201).send(result);
  });

  app.post('/api/xzzf/reviews', { schema: schemas.createReviewCampaign }, async (request, reply) => {
    const actor = actorOf(request);
    const result = await ctx.database.transaction((tx) => createCampaign(tx, actor, request.body as ReviewCampaignInput, ctx.time.now()));
    return reply.code(201).send(result);
  });

  app.get('/api/xzzf/reviews', { schema: schemas.reviewCampaigns }, async (request) => ({ items: await listCampaigns(db, actorOf(request)), defaultSheet: DEFAULT_REVIEW }));

  app.get('/api/xzzf/reviews/mine', { schema: schemas.myReviewFiles }, async (request) => ({ items: await myFiles(db, actorOf(request)) }));

  app.get('/api/xzzf/reviews/:id', { schema: schemas.reviewCampaign }, async (request) => readCampaign(db, actorOf(request), (request.params as IdParams).id));

  app.post('/api/xzzf/reviews/:id/files', { schema: schemas.selectReviewFiles }, async (request) => {
    const actor = actorOf(request);
    return ctx.database.transaction((tx) => selectFiles(tx, actor, (request.params as IdParams).id, request.body as FileSelectionInput, ctx.time.now()));
  });

  app.post('/api/xzzf/reviews/:id/publish', { schema: schemas.publishReviewCampaign }, async (request) => {
    const actor = actorOf(request);
    return ctx.database.transaction((tx) => publishCampaign(tx, actor, (request.params as IdParams).id, request.body as { requirements: string; respondBy: string }, ctx.time.now()));
  });

  app.get('/api/public/xzzf/reviews', { schema: schemas.publishedReviews }, async (request) => listPublishedReviews(db, request.query as { page: number; pageSize: number }));

  app.post('/api/xzzf/cases', { schema: schemas.recordClue }, async (request, reply) => {
    const actor = actorOf(request);
    const result = await ctx.database.transaction((tx) => recordClue(tx, actor, request.body as ClueInput, ctx.time.now()));
    return reply.code(201).send(result);
  });

  app.get('/api/xzzf/subjects', { schema: schemas.subjects }, async (request) => ({ items: await listSubjects(db, actorOf(request)) }));

  app.post('/api/xzzf/subjects', { schema: schemas.createSubject }, async (request, reply) => {
    const actor = actorOf(request);
    const result = await ctx.database.transaction((tx) => createSubject(tx, actor, request.body as SubjectInput, ctx.time.now()));
    return reply.code(201).send(result);
  });

  app.put('/api/xzzf/subjects/:id', { schema: schemas.updateSubject }, async (request) => {
    const actor = actorOf(request);
    await ctx.database.transaction((tx) => updateSubject(tx, actor, (request.params as IdParams).id, request.body as SubjectInput, ctx.time.now()));
    return { ok: true };
  });

  app.get('/api/xzzf/officers', { schema: schemas.officers }, async (request) =>
    ({ items: await listOfficers(db, actorOf(request), request.query as { subjectId?: number }, today()) }));

  app.post('/api/xzzf/officers', { schema: schemas.createOfficer }, async (request, reply) => {
    const actor = actorOf(request);
    const result = await ctx.database.transaction((tx) => createOfficer(tx, actor, request.body as OfficerInput, ctx.time.now()));
    return reply.code(201).send(result);
  });

  app.post('/api/xzzf/officers/:id/certificates', { schema: schemas.addCertificate }, async (request, reply) => {
    const actor = actorOf(request);
    const result = await ctx.database.transaction((tx) => addCertificate(tx, actor, (request.params as IdParams).id, request.body as CertificateInput, ctx.time.now()));
    return reply.code(201).send(result);
  });

  app.post('/api/xzzf/certificates/:id/status', { schema: schemas.certificateStatus }, async (request) => {
    const actor = actorOf(request);
    const body = request.body as { status: CertificateStatus; reason: string };
    await ctx.database.transaction((tx) => setCertificateStatus(tx, actor, (request.params as IdParams).id, body, ctx.time.now()));
    return { ok: true };
  });

  app.get('/api/xzzf/certificates/expiring', { schema: schemas.expiring }, async (request) => {
    const { days } = request.query as { days: number };
    return { days, today: today(), subjects: await expiringCertificates(db, actorOf(request), today(), days) };
  });

  app.get('/api/xzzf/objects', { schema: schemas.objects }, async (request) => searchObjects(db, actorOf(request), request.query as ObjectQuery));

  app.post('/api/xzzf/objects', { schema: schemas.createObject }, async (request, reply) => {
    const actor = actorOf(request);
    const result = await ctx.database.transaction((tx) => registerObject(tx, actor, request.body as ObjectInput, ctx.time.now(), today()));
    return reply.code(201).send(result);
  });

  app.post('/api/xzzf/objects/:id/erase', { schema: schemas.eraseObject }, async (request) => {
    const actor = actorOf(request);
    const { note } = (request.body ?? {}) as { note?: string };
    return ctx.database.transaction((tx) => eraseObject(tx, actor, (request.params as IdParams).id, note?.trim() || undefined, ctx.time.now()));
  });

  app.get('/api/xzzf/objects/:id', { schema: schemas.object }, async (request) => readObject(db, actorOf(request), (request.params as IdParams).id));

  app.get('/api/xzzf/matters', { schema: schemas.matters }, async (request) => ({ items: await listMatters(db, actorOf(request), request.query as MatterQuery) }));

  app.post('/api/xzzf/matters/import', { schema: schemas.importMatters, bodyLimit: 24 * 1024 * 1024 }, async (request) => {
    const actor = actorOf(request);
    if (!rolesIn(actor, ENFORCEMENT_MODULE).some((r) => r.role === 'supervisor')) throw enforcementError('XZZF_NOT_SUPERVISOR');
    const { fileName, dataBase64 } = request.body as { fileName: string; dataBase64: string };
    const bytes = Buffer.from(dataBase64, 'base64');
    const file = { fileName, sha256: createHash('sha256').update(bytes).digest('hex'), records: await readDutyFile(fileName, bytes) };
    return importMatters(ctx.database, file, { actorUserId: actor.userId, now: ctx.time.now(), importer: actor });
  });

  app.get('/api/xzzf/matters/:id', { schema: schemas.matter }, async (request) => readMatter(db, actorOf(request), (request.params as IdParams).id));

  app.get('/api/public/xzzf/inspections', { schema: schemas.publishedInspections }, async (request) =>
    listPublishedInspections(db, request.query as { q?: string; page: number; pageSize: number }));

  app.get('/api/public/xzzf/inspections/verify/:code', { schema: schemas.verifyInspection }, async (request) => verifyInspectionCode(db, (request.params as { code: string }).code));

  app.post('/api/xzzf/inspection-plans', { schema: schemas.createInspectionPlan }, async (request, reply) => {
    const actor = actorOf(request);
    const result = await ctx.database.transaction((tx) => createPlan(tx, actor, request.body as PlanInput, ctx.time.now()));
    return reply.code(201).send(result);
  });

  app.get('/api/xzzf/inspection-plans', { schema: schemas.inspectionPlans }, async (request) => ({ items: await listPlans(db, actorOf(request), request.query as { year?: number }) }));

  app.get('/api/xzzf/inspection-plans/:id', { schema: schemas.inspectionPlan }, async (request) => readPlan(db, actorOf(request), (request.params as IdParams).id));

  app.post('/api/xzzf/inspection-plans/:id/draw', { schema: schemas.drawInspectionPlan }, async (request) => {
    const actor = actorOf(request);
    return ctx.database.transaction((tx) => drawPlan(tx, actor, (request.params as IdParams).id, ctx.time.now()));
  });

  app.post('/api/xzzf/inspections/:id/result', { schema: schemas.inspectionResult }, async (request) => {
    const actor = actorOf(request);
    await ctx.database.transaction((tx) => recordResult(tx, actor, (request.params as IdParams).id, request.body as ResultInput, ctx.time.now()));
    return { ok: true };
  });

  app.post('/api/xzzf/inspections/:id/follow-up', { schema: schemas.inspectionFollowUp }, async (request, reply) => {
    const actor = actorOf(request);
    const result = await ctx.database.transaction((tx) => openFollowUp(tx, actor, (request.params as IdParams).id, request.body as { summary: string }, ctx.time.now()));
    return reply.code(201).send(result);
  });

  app.get('/api/xzzf/inspections/by-enterprise', { schema: schemas.inspectionsByEnterprise }, async (request) =>
    inspectionsByEnterprise(db, actorOf(request), (request.query as { year: number }).year));

  app.get('/api/xzzf/inspection-settings', { schema: schemas.inspectionSettings }, async (request) => readInspectionSettings(db, actorOf(request)));

  app.put('/api/xzzf/inspection-settings', { schema: schemas.setInspectionSettings }, async (request) => {
    const actor = actorOf(request);
    await ctx.database.transaction((tx) => setInspectionSettings(tx, actor, request.body as { yearlyCap: number }, ctx.time.now()));
    return { ok: true };
  });
}

