import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/http/context.js';
import { requireCountyAdmin, requireModule, requireStaff } from '../auth/index.js';
import { HOTLINE_MODULE } from '../requests/index.js';
import { classifyText } from './classify.js';
import { autoDispatch } from './operations/auto-dispatch.js';
import { autoMerge, autoMergeEnabled } from './operations/auto-merge.js';
import { activateCandidate, discardCandidate, modelsOverview, restorePrevious, trainCandidate } from './operations/model-candidates.js';
import { listRules, loadAutoDispatchRules, replaceAutoDispatchRules } from './operations/auto-dispatch-rules.js';
import { KnowledgeCache, loadRoutingKnowledge } from './operations/routing-knowledge.js';
import { suggestionForCase } from './operations/suggest-for-request.js';
import { suggestPlace } from './rules/suggest.js';
import { trainFromHistory } from './operations/train-from-history.js';
import { routingError } from './routing.errors.js';

const tags = ['智能派单'];

/** Suggestions before dispatch, automatic dispatch, and retraining from the platform's history. */
export async function routingPlugin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const maxAgeMs = ctx.config.referenceMaxAgeMs ?? 60_000;
  const knowledge = new KnowledgeCache(() => loadRoutingKnowledge(ctx.database.db, (text) => classifyText(text)), maxAgeMs);
  app.onReferenceChanged(() => knowledge.invalidate());
  // The county's switches, re-read at most a minute late when another app server changed them.
  const readSwitches = async () => ({
    automatic: (await loadAutoDispatchRules(ctx.database.db)).size > 0,
    merging: await autoMergeEnabled(ctx.database.db),
    at: Date.now(),
  });
  let switches = await readSwitches();

  // New requests are offered to automatic dispatch one at a time, after intake has
  // acknowledged them, so intake never waits for it.
  let queue = Promise.resolve();
  app.onRequestsReceived((caseIds) => {
    queue = queue.then(async () => {
      if (Date.now() - switches.at > maxAgeMs) switches = await readSwitches();
      if (!switches.automatic && !switches.merging) return;
      const k = await knowledge.get();
      for (const caseId of caseIds) {
        if (switches.merging && (await autoMerge(ctx.database, caseId, k, ctx.time.now()))) continue;
        if (switches.automatic) await autoDispatch(ctx.database, caseId, k, ctx.time.now());
      }
    }).catch((error: unknown) => app.log.error(error, 'automatic dispatch failed'));
  });
  const settingsView = async () => ({
    rules: listRules(await loadAutoDispatchRules(ctx.database.db), (await knowledge.get()).categories),
    autoMerge: await autoMergeEnabled(ctx.database.db),
  });

  app.get(
    '/api/requests/:caseId/suggestions',
    {
      schema: {
        summary: '派单建议',
        description: 'Suggested category, type, urgency, place and top three units, each with confidence and reasons.',
        tags,
        params: { type: 'object', properties: { caseId: { type: 'string', format: 'uuid' } } },
      },
    },
    async (request) => {
      const actor = requireModule(request, HOTLINE_MODULE);
      const { caseId } = request.params as { caseId: string };
      return suggestionForCase(ctx.database.db, actor, caseId, await knowledge.get());
    },
  );

  app.post(
    '/api/public/place-suggestion',
    {
      schema: {
        summary: '从诉求内容推测发生地点（公众）',
        description: 'The township (and community, when named) a message speaks of, so the intake form can offer it; nulls when the text names none. Nothing is stored.',
        tags,
        body: { type: 'object', required: ['text'], additionalProperties: false, properties: { text: { type: 'string', maxLength: 20000 } } },
      },
      config: { rateLimit: { max: ctx.config.intakeRateLimitPerMinute * 4, timeWindow: '1 minute' } },
    },
    async (request) => {
      const { text } = request.body as { text: string };
      const { townshipCode, townshipName, villageCode, villageName } = suggestPlace({ text, townshipCode: null, villageCode: null }, await knowledge.get());
      return { townshipCode, townshipName, villageCode, villageName };
    },
  );

  app.get('/api/routing/auto-dispatch', { schema: { summary: '自动派单与自动合并设置', tags } }, async (request) => {
    requireModule(request, HOTLINE_MODULE);
    return settingsView();
  });

  app.put(
    '/api/routing/auto-dispatch',
    {
      schema: {
        summary: '设置自动派单与自动合并',
        description: 'Replaces all rules. A rule on a category applies to every category under it; the most specific rule wins. autoMerge merges a new request into the open one it repeats when the match is beyond doubt.',
        tags,
        body: {
          type: 'object',
          required: ['rules'],
          additionalProperties: false,
          properties: {
            autoMerge: { type: 'boolean' },
            rules: {
              type: 'array',
              maxItems: 1000,
              items: {
                type: 'object',
                required: ['categoryCode', 'threshold'],
                additionalProperties: false,
                properties: { categoryCode: { type: 'string', minLength: 1, maxLength: 32 }, threshold: { type: 'number', minimum: 0.5, maximum: 1 } },
              },
            },
          },
        },
      },
    },
    async (request) => {
      const actor = requireCountyAdmin(request);
      const { rules, autoMerge: mergeSetting } = request.body as { rules: Array<{ categoryCode: string; threshold: number }>; autoMerge?: boolean };
      const k = await knowledge.get();
      await replaceAutoDispatchRules(ctx.database, rules, mergeSetting, k.categories, actor.userId, ctx.time.now());
      switches = await readSwitches();
      return settingsView();
    },
  );

  app.post('/api/routing/train', { schema: { summary: '用历史数据重新训练并立即启用', description: 'Retrains from the answered requests and puts the new models in use at once (the page trains a candidate instead: /api/admin/routing/candidate). County administrators only.', tags } }, async (request) => {
    requireCountyAdmin(request);
    const report = await trainFromHistory(ctx.database, ctx.time.now());
    if (report.unitLabels === 0 && report.categoryLabels === 0) throw routingError('NOTHING_TO_LEARN');
    knowledge.invalidate();
    return report;
  });

  // Retraining as an administrator decides it: a candidate, its figures beside the model in use, then a switch.
  const modelTags = ['模型训练'];
  app.get('/api/admin/routing/models', { schema: { summary: '派单模型：在用、候选与上一版', description: 'The models in use, the candidate waiting for a decision with its held-out figures beside those of the models in use, and the previous models that can be restored.', tags: modelTags } }, async (request) => {
    requireStaff(request, ['admin']);
    return modelsOverview(ctx.database.db);
  });
  app.post('/api/admin/routing/candidate', { schema: { summary: '训练候选模型', description: 'Trains candidate models on the older answered requests and scores them and the models in use on the newest 20 %. Nothing changes dispatch until the candidate is switched on. County administrators only; logged.', tags: modelTags } }, async (request) => {
    const actor = requireCountyAdmin(request);
    return { candidate: await trainCandidate(ctx.database, actor.userId, ctx.time.now()) };
  });
  const switchRoute = (path: string, summary: string, description: string, run: typeof activateCandidate) =>
    app.post(path, { schema: { summary, description, tags: modelTags } }, async (request) => {
      const actor = requireCountyAdmin(request);
      await run(ctx.database, actor.userId, ctx.time.now());
      knowledge.invalidate();
      return modelsOverview(ctx.database.db);
    });
  switchRoute('/api/admin/routing/candidate/activate', '启用候选模型', 'The candidate is used for suggestions and automatic dispatch from now on (other app servers within a minute); the model it replaces becomes the previous one. Logged.', activateCandidate);
  switchRoute('/api/admin/routing/candidate/discard', '放弃候选模型', 'Drops the candidate; the models in use stay. Logged.', discardCandidate);
  switchRoute('/api/admin/routing/models/restore', '恢复上一版模型', 'Puts the previous models back in use, and the current ones aside as previous. Logged.', restorePrevious);
}
