import type { FastifyInstance } from 'fastify';
import { CITIZEN, type Actor } from '../../platform/actor.js';
import type { SmsSender } from '../../platform/sms.js';
import type { AppContext } from '../../platform/http/context.js';
import { storedImageHeaders } from '../../platform/uploads/serve-image.js';
import { performAction, proveRequester } from '../cases/index.js';
import { requireModule, requireStaff } from '../auth/index.js';
import { HOTLINE_MODULE } from './requests.access.js';
import { HOTLINE_CASE_TYPE } from './hotline-case-type.js';
import { hotlineConfig } from './hotline-config.js';
import { caseIdForCode, publicRequestView } from './operations/public-view.js';
import { listRequests, requestAttachment, requestDetail, type ListQuery } from './operations/staff-views.js';
import { IntakeQueue, prepareRequest, type SubmitRequestInput } from './operations/submit-request.js';
import { categoryTree, loadReferenceData, type ReferenceData } from './reference-data.js';
import { requestSchemas } from './requests.schemas.js';
import { receiptSms } from './requests.strings.js';

/** Routes of 接诉即办: the public intake and tracking API, and the staff workbench. */
export async function requestsPlugin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  let reference: ReferenceData = await loadReferenceData(ctx.database.db);
  const receivedListeners: Array<(caseIds: string[]) => void> = [];
  const intake = new IntakeQueue(ctx.database, () => ctx.time.now(), {
    maxBatch: 200,
    concurrency: ctx.database.kind === 'postgres' ? 4 : 1,
    onCommitted: (caseIds) => receivedListeners.forEach((listener) => listener(caseIds)),
  });
  // The requester's codes go to their phone once the request is safely stored; a gateway that
  // fails is logged and does not fail the submission.
  const sendReceipt = (sms: SmsSender | undefined, phone: string | undefined, trackingCode: string, requesterKey: string) => {
    if (!sms?.configured || !phone) return;
    sms.send(phone, receiptSms(reference.countyName, trackingCode, requesterKey)).catch((error: unknown) => app.log.warn({ err: error }, 'receipt SMS not sent'));
  };
  app.decorate('reloadReferenceData', async () => void (reference = await loadReferenceData(ctx.database.db)));
  app.decorate('onRequestsReceived', (listener: (caseIds: string[]) => void) => void receivedListeners.push(listener));
  // Other ways in (Open311) take the same intake: its checks, its group commit, its receipt.
  const hotlineIntake: HotlineIntake = {
    reference: () => reference,
    submit: async (input, actor) => {
      const prepared = await prepareRequest(input, reference, actor);
      const result = await intake.submit(prepared);
      sendReceipt(ctx.config.sms, prepared.input.phone, result.trackingCode, prepared.requesterKey);
      return { ...result, requesterKey: prepared.requesterKey };
    },
  };
  app.decorate('hotlineIntake', hotlineIntake);

  app.get('/api/public/meta', { schema: requestSchemas.meta }, async () => ({
    county: { code: reference.countyCode, name: reference.countyName },
    townships: [...reference.townships.values()].map((t) => ({
      code: t.code,
      name: t.name,
      villages: [...t.villages].map(([code, name]) => ({ code, name })),
    })),
    categories: categoryTree(reference),
    requestTypes: hotlineConfig().requestTypes.map((t) => ({ value: t, label: t })),
    channels: hotlineConfig().channels,
  }));

  app.post(
    '/api/public/requests',
    {
      schema: requestSchemas.publicSubmit,
      bodyLimit: 8 * 1024 * 1024,
      config: { rateLimit: { max: ctx.config.intakeRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const body = request.body as SubmitRequestInput;
      const prepared = await prepareRequest({ ...body, channel: 'web', urgency: 'normal' }, reference, CITIZEN);
      const { trackingCode } = await intake.submit(prepared);
      sendReceipt(ctx.config.sms, prepared.input.phone, trackingCode, prepared.requesterKey);
      // The key is shown this once: only its keyed hash is kept.
      return reply.code(201).send({ trackingCode, requesterKey: prepared.requesterKey });
    },
  );

  app.get('/api/public/requests/:code', { schema: requestSchemas.publicView }, async (request) => {
    const { code } = request.params as { code: string };
    return publicRequestView(ctx.database.db, code, reference);
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
    const prepared = await prepareRequest(request.body as SubmitRequestInput, reference, actor);
    const result = await intake.submit(prepared);
    // The operator never sees the caller's key: it goes to the caller's phone, if they gave one.
    sendReceipt(ctx.config.sms, prepared.input.phone, result.trackingCode, prepared.requesterKey);
    return reply.code(201).send(result);
  });

  app.get('/api/requests', { schema: requestSchemas.list }, async (request) => {
    const actor = requireModule(request, HOTLINE_MODULE);
    return listRequests(ctx.database.db, actor, request.query as ListQuery, reference, ctx.time.now());
  });

  app.get('/api/requests/:caseId', { schema: requestSchemas.detail }, async (request) => {
    const actor = requireModule(request, HOTLINE_MODULE);
    const { caseId } = request.params as { caseId: string };
    return requestDetail(ctx.database.db, actor, caseId, reference, ctx.time.now());
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
  /** Regions and categories as intake reads them (refreshed on import). */
  reference(): ReferenceData;
  /** The key is the requester's own (评价码): show it to them once; it is also sent by SMS when they gave a phone. */
  submit(input: SubmitRequestInput, actor: Actor): Promise<{ caseId: string; trackingCode: string; requesterKey: string }>;
}

declare module 'fastify' {
  interface FastifyInstance {
    hotlineIntake: HotlineIntake;
    /** Re-reads regions and categories after an import. */
    reloadReferenceData(): Promise<void>;
    /** Called with the ids of newly received requests once their intake has committed. */
    onRequestsReceived(listener: (caseIds: string[]) => void): void;
  }
}
