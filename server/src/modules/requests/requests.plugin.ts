import type { FastifyInstance } from 'fastify';
import { CITIZEN, type Actor } from '../../platform/actor.js';
import type { SmsSender } from '../../platform/sms.js';
import type { AppContext } from '../../platform/http/context.js';
import { storedImageHeaders } from '../../platform/uploads/serve-image.js';
import { performAction, proveRequester } from '../cases/index.js';
import { requireModule, requireStaff } from '../auth/index.js';
import { registerUnitMergeStep } from '../orgs/index.js';
import { handOverMergedUnit } from './operations/hand-over-merged-unit.js';
import { HOTLINE_MODULE } from './requests.access.js';
import { HOTLINE_CASE_TYPE } from './hotline-case-type.js';
import { hotlineConfig } from './hotline-config.js';
import { caseIdForCode, publicRequestView } from './operations/public-view.js';
import type { BatchAction, RequestFilters } from '../../../../contracts/requests.js';
import { runBatch } from './operations/batch-actions.js';
import { callerHistory, listRequests, type ListQuery } from './operations/list-requests.js';
import { deleteView, listSavedViews, saveView } from './operations/saved-views.js';
import { requestAttachment, requestDetail } from './operations/staff-views.js';
import { IntakeQueue, prepareRequest, type SubmitRequestInput } from './operations/submit-request.js';
import { categoryTree, loadReferenceData, ReferenceCache, type ReferenceData } from './reference-data.js';
import { requestSchemas } from './requests.schemas.js';
import { receiptSms } from './requests.strings.js';

/** Routes of 接诉即办: the public intake and tracking API, and the staff workbench. */
export async function requestsPlugin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const cache = await ReferenceCache.open(() => loadReferenceData(ctx.database.db), ctx.config.referenceMaxAgeMs ?? 60_000, (error) => app.log.error({ err: error }, 'reference data not reloaded'));
  const reference = () => cache.get();
  app.onReferenceChanged(async () => void (await cache.reload()));
  const receivedListeners: Array<(caseIds: string[]) => void> = [];
  const intake = new IntakeQueue(ctx.database, () => ctx.time.now(), {
    maxBatch: 200,
    concurrency: ctx.database.kind === 'postgres' ? 4 : 1,
    onCommitted: (caseIds) => receivedListeners.forEach((listener) => listener(caseIds)),
  });
  // The requester's codes go to their phone once the request is safely stored; a gateway that
  // fails is logged and does not fail the submission.
  const sendReceipt = (sms: SmsSender | undefined, countyName: string, phone: string | undefined, trackingCode: string, requesterKey: string) => {
    if (!sms?.configured || !phone) return;
    sms.send(phone, receiptSms(countyName, trackingCode, requesterKey), { name: 'receipt', params: { trackingCode, requesterKey } }).catch((error: unknown) => app.log.warn({ err: error }, 'receipt SMS not sent'));
  };
  // When an administrator merges units, the hotline's open work moves with them.
  registerUnitMergeStep('hotline', handOverMergedUnit);
  app.decorate('onRequestsReceived', (listener: (caseIds: string[]) => void) => void receivedListeners.push(listener));
  // Other ways in (Open311) take the same intake: its checks, its group commit, its receipt.
  const hotlineIntake: HotlineIntake = {
    reference,
    submit: async (input, actor) => {
      const data = await reference();
      const prepared = await prepareRequest(input, data, actor);
      const result = await intake.submit(prepared);
      sendReceipt(ctx.config.sms, data.countyName, prepared.input.phone, result.trackingCode, prepared.requesterKey);
      return { ...result, requesterKey: prepared.requesterKey };
    },
  };
  app.decorate('hotlineIntake', hotlineIntake);

  app.get('/api/public/meta', { schema: requestSchemas.meta }, async () => {
    const data = await reference();
    return {
      county: { code: data.countyCode, name: data.countyName },
      townships: [...data.townships.values()].map((t) => ({ code: t.code, name: t.name, villages: [...t.villages].map(([code, name]) => ({ code, name })) })),
      categories: categoryTree(data),
      requestTypes: hotlineConfig().requestTypes.map((t) => ({ value: t, label: t })),
      channels: hotlineConfig().channels,
    };
  });

  app.post(
    '/api/public/requests',
    {
      schema: requestSchemas.publicSubmit,
      bodyLimit: 8 * 1024 * 1024,
      config: { rateLimit: { max: ctx.config.intakeRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const body = request.body as SubmitRequestInput;
      const data = await reference();
      const prepared = await prepareRequest({ ...body, channel: 'web', urgency: 'normal' }, data, CITIZEN);
      const { trackingCode } = await intake.submit(prepared);
      sendReceipt(ctx.config.sms, data.countyName, prepared.input.phone, trackingCode, prepared.requesterKey);
      // The key is shown this once: only its keyed hash is kept.
      return reply.code(201).send({ trackingCode, requesterKey: prepared.requesterKey });
    },
  );

  app.get('/api/public/requests/:code', { schema: requestSchemas.publicView }, async (request) => {
    const { code } = request.params as { code: string };
    return publicRequestView(ctx.database.db, code, await reference());
  });

  app.post('/api/public/requests/:code/evaluation', { schema: requestSchemas.publicEvaluate, config: { citizenAct: true } }, async (request, reply) => {
    const { code } = request.params as { code: string };
    const { key, ...input } = request.body as { key: string } & Record<string, unknown>;
    const caseId = await caseIdForCode(ctx.database.db, code);
    const requester = await proveRequester(ctx.database, caseId, key);
    const result = await ctx.database.transaction((tx) =>
      performAction(tx, { caseId, caseType: HOTLINE_CASE_TYPE, action: 'citizen_evaluate', actor: requester, input, now: ctx.time.now() }));
    return reply.code(201).send({ status: result.state });
  });

  app.post('/api/requests', { schema: requestSchemas.record, bodyLimit: 8 * 1024 * 1024 }, async (request, reply) => {
    const actor = requireStaff(request, ['operator', 'dispatcher']);
    const data = await reference();
    const prepared = await prepareRequest(request.body as SubmitRequestInput, data, actor);
    const result = await intake.submit(prepared);
    // The operator never sees the caller's key: it goes to the caller's phone, if they gave one.
    sendReceipt(ctx.config.sms, data.countyName, prepared.input.phone, result.trackingCode, prepared.requesterKey);
    return reply.code(201).send(result);
  });

  app.get('/api/requests', { schema: requestSchemas.list }, async (request) => {
    const actor = requireModule(request, HOTLINE_MODULE);
    return listRequests(ctx.database.db, actor, request.query as ListQuery, await reference(), ctx.time.now());
  });

  app.post('/api/requests/caller-history', { schema: requestSchemas.callerHistory }, async (request) => {
    const actor = requireStaff(request, ['operator', 'dispatcher']);
    return callerHistory(ctx.database.db, actor, (request.body as { phone: string }).phone, await reference());
  });

  app.get('/api/requests/views', { schema: requestSchemas.views }, async (request) => {
    const actor = requireModule(request, HOTLINE_MODULE);
    return { items: await listSavedViews(ctx.database.db, actor) };
  });

  app.post('/api/requests/views', { schema: requestSchemas.saveView }, async (request, reply) => {
    const actor = requireModule(request, HOTLINE_MODULE);
    const { name, filters } = request.body as { name: string; filters: RequestFilters };
    const view = await ctx.database.transaction((tx) => saveView(tx, actor, name, filters, ctx.time.now()));
    return reply.code(201).send(view);
  });

  app.delete('/api/requests/views/:id', { schema: requestSchemas.deleteView }, async (request) => {
    const actor = requireModule(request, HOTLINE_MODULE);
    await ctx.database.transaction((tx) => deleteView(tx, actor, (request.params as { id: number }).id));
    return { ok: true };
  });

  app.post('/api/requests/batch/:action', { schema: requestSchemas.batch }, async (request) => {
    const actor = requireModule(request, HOTLINE_MODULE);
    const { action } = request.params as { action: BatchAction };
    const { caseIds, note } = request.body as { caseIds: string[]; note?: string };
    const input = action === 'urge' && note ? { note } : {};
    const results = await runBatch(ctx.database, actor, action, caseIds, input, () => ctx.time.now(), (err) => request.log.error({ err }, 'batch action failed'));
    return { results, done: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length };
  });

  app.get('/api/requests/:caseId', { schema: requestSchemas.detail }, async (request) => {
    const actor = requireModule(request, HOTLINE_MODULE);
    const { caseId } = request.params as { caseId: string };
    return requestDetail(ctx.database.db, actor, caseId, await reference(), ctx.time.now());
  });

  app.get('/api/requests/:caseId/attachments/:attachmentId', { schema: requestSchemas.attachment }, async (request, reply) => {
    const actor = requireModule(request, HOTLINE_MODULE);
    const { caseId, attachmentId } = request.params as { caseId: string; attachmentId: string };
    const file = await requestAttachment(ctx.database.db, actor, caseId, attachmentId);
    return reply.headers(storedImageHeaders(file.mimeType, `photo-${attachmentId}`)).header('cache-control', 'private, max-age=3600').send(Buffer.from(file.data));
  });

  app.post('/api/requests/:caseId/actions/:action', { schema: requestSchemas.action }, async (request) => {
    const actor = requireModule(request, HOTLINE_MODULE);
    const { caseId, action } = request.params as { caseId: string; action: string };
    const result = await ctx.database.transaction((tx) =>
      performAction(tx, { caseId, caseType: HOTLINE_CASE_TYPE, action, actor, input: (request.body ?? {}) as Record<string, unknown>, now: ctx.time.now() }),
    );
    return { state: result.state, seq: result.seq };
  });
}

/** Intake for other modules' ways in: the request is committed before `submit` resolves. */
export interface HotlineIntake {
  /** Regions and categories as intake reads them (re-read when they change, and by age). */
  reference(): Promise<ReferenceData>;
  /** The key is the requester's own (评价码): show it to them once; it is also sent by SMS when they gave a phone. */
  submit(input: SubmitRequestInput, actor: Actor): Promise<{ caseId: string; trackingCode: string; requesterKey: string }>;
}

declare module 'fastify' {
  interface FastifyInstance {
    hotlineIntake: HotlineIntake;
    /** Called with the ids of newly received requests once their intake has committed. */
    onRequestsReceived(listener: (caseIds: string[]) => void): void;
  }
}
