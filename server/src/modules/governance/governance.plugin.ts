import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/http/context.js';
import { ROW_ID } from '../../platform/validation.js';
import { requireModule, requireStaff } from '../auth/index.js';
import { HOTLINE_MODULE } from '../requests/index.js';
import { findUnit, regions } from '../orgs/index.js';
import { createGovernanceTopic, leadUnitChoices, listGovernanceTopics, type NewGovernanceTopic } from './operations/governance-topics.js';
import { hotspots } from './operations/hotspots.js';

const tags = ['主动治理'];

/** Hotspots (主动治理) and governance topics (每月一题). */
export async function governancePlugin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const townships = async () => {
    const rows = await ctx.database.db.select({ code: regions.code, name: regions.name }).from(regions).where(eq(regions.level, 'township'));
    return new Map(rows.map((r) => [r.code, r.name]));
  };

  app.get(
    '/api/hotspots',
    {
      schema: {
        summary: '热点诉求',
        description: 'Requests grouped by topic and township; this week (the last 7 × 24 h) against the mean of the four weeks before; warnings at the configured rate.',
        tags,
        querystring: { type: 'object', additionalProperties: false, properties: { townshipCode: { type: 'string', maxLength: 12 } } },
      },
    },
    async (request) => {
      const actor = requireModule(request, HOTLINE_MODULE);
      const { townshipCode } = request.query as { townshipCode?: string };
      return hotspots(ctx.database, actor, ctx.time.now(), await townships(), townshipCode);
    },
  );

  app.get('/api/governance-topics', { schema: { summary: '每月一题', tags } }, async (request) => {
    const actor = requireModule(request, HOTLINE_MODULE);
    const names = await townships();
    const topics = await listGovernanceTopics(ctx.database, actor, ctx.time.now(), async (id) => (await findUnit(ctx.database.db, id))?.name ?? '', (code) => names.get(code) ?? code);
    return { topics };
  });

  app.get(
    '/api/governance-topics/lead-units',
    { schema: { summary: '每月一题可选牵头单位', description: 'The units the caller may name as the lead of a topic (departments and townships in their scope): the form offers exactly these.', tags } },
    async (request) => {
      const actor = requireStaff(request, ['supervisor', 'dispatcher', 'admin']);
      return { units: await leadUnitChoices(ctx.database.db, actor) };
    },
  );

  app.post(
    '/api/governance-topics',
    {
      schema: {
        summary: '设为每月一题',
        tags,
        body: {
          type: 'object',
          required: ['title', 'topicKey', 'leadUnitId'],
          additionalProperties: false,
          properties: {
            title: { type: 'string', minLength: 1, maxLength: 200 },
            topicKey: { type: 'string', minLength: 1, maxLength: 100 },
            townshipCode: { type: ['string', 'null'], maxLength: 12 },
            leadUnitId: ROW_ID,
          },
        },
      },
    },
    async (request, reply) => {
      const actor = requireStaff(request, ['supervisor', 'dispatcher', 'admin']);
      const body = request.body as NewGovernanceTopic;
      const result = await createGovernanceTopic(ctx.database, { ...body, townshipCode: body.townshipCode ?? null }, actor, new Set((await townships()).keys()), ctx.time.now());
      return reply.code(201).send(result);
    },
  );
}
