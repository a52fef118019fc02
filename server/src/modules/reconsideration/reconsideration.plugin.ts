import { asc, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { CITIZEN } from '../../platform/actor.js';
import type { AppContext } from '../../platform/http/context.js';
import { requireModule } from '../auth/index.js';
import { rolesIn } from '../cases/index.js';
import { addAttachment, prepareAttachment, type PreparedAttachment } from '../documents/index.js';
import { units } from '../orgs/index.js';
import { listPublishedDecisions, readPublishedDecision, reconsiderationProgress } from './operations/public-views.js';
import { recordApplication, type ApplicationInput } from './operations/record-application.js';
import { RECONSIDERATION_MODULE } from './reconsideration-case-type.js';
import { reconsiderationError } from './reconsideration.errors.js';
import { PUBLIC_APPLICATION_BODY_LIMIT, reconsiderationSchemas as schemas } from './reconsideration.schemas.js';

type ApplicationBody = Omit<ApplicationInput, 'organUnitId' | 'channel'> & { organUnitId?: number };

/** 行政复议's own routes: applications at the counter and online, and what the public reads. */
export async function reconsiderationPlugin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const db = ctx.database.db;

  app.post('/api/xzfy/applications', { schema: schemas.record }, async (request, reply) => {
    const actor = requireModule(request, RECONSIDERATION_MODULE);
    const body = request.body as ApplicationBody & { channel: 'counter' | 'mail' };
    // The organs this person handles applications for; with one, the form need not name it.
    const organs = rolesIn(actor, RECONSIDERATION_MODULE).filter((r) => r.role === 'handler').map((r) => r.unitId);
    const organUnitId = body.organUnitId ?? (organs.length === 1 ? organs[0] : undefined);
    if (organUnitId === undefined || !organs.includes(organUnitId)) throw reconsiderationError('XZFY_ORGAN_NOT_HELD', { field: 'organUnitId' });
    const result = await ctx.database.transaction((tx) => recordApplication(tx, { ...body, organUnitId }, actor, ctx.time.now()));
    return reply.code(201).send(result);
  });

  app.get('/api/public/xzfy/organs', { schema: schemas.organs }, async () => {
    const rows = await db
      .select({ id: units.id, parentId: units.parentId, name: units.name, kind: units.kind, path: units.path })
      .from(units)
      .where(inArray(units.kind, ['government', 'department', 'township']))
      .orderBy(asc(units.path));
    const organs = rows.filter((u) => u.kind === 'government');
    return {
      organs: organs.map((o) => ({
        id: o.id,
        name: o.name,
        // The organ's own departments and townships, not those of a government below it.
        respondents: rows
          .filter((u) => u.kind !== 'government' && u.path.startsWith(o.path) && nearestOrgan(organs, u.path)?.id === o.id)
          .map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
      })),
    };
  });

  app.post(
    '/api/public/xzfy/applications',
    {
      schema: schemas.apply,
      bodyLimit: PUBLIC_APPLICATION_BODY_LIMIT,
      config: { citizenAct: true, rateLimit: { max: ctx.config.intakeRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { files = [], ...body } = request.body as ApplicationBody & { organUnitId: number; files?: Array<{ name: string; mediaType: string; contentBase64: string }> };
      // Files are checked and re-encoded before the transaction: a bad file refuses the whole application.
      const prepared: PreparedAttachment[] = [];
      for (const file of files) prepared.push(await prepareAttachment(file));
      const now = ctx.time.now();
      const { queryCode } = await ctx.database.transaction(async (tx) => {
        const opened = await recordApplication(tx, { ...body, channel: 'online' }, CITIZEN, now);
        for (const file of prepared) await addAttachment(tx, { caseId: opened.caseId, actor: CITIZEN, prepared: file, at: now });
        return opened;
      });
      return reply.code(201).send({ queryCode });
    },
  );

  app.get('/api/public/xzfy/cases/:code', { schema: schemas.progress }, async (request) => {
    const { code } = request.params as { code: string };
    return reconsiderationProgress(db, code);
  });

  app.get('/api/public/xzfy/decisions', { schema: schemas.decisions }, async (request) => {
    const query = request.query as { organUnitId?: number; page: number; pageSize: number };
    return listPublishedDecisions(db, query);
  });

  app.get('/api/public/xzfy/decisions/:id', { schema: schemas.decision }, async (request) => {
    const { id } = request.params as { id: string };
    return readPublishedDecision(db, id);
  });
}

/** The government a unit at this path belongs to: the deepest one above it. */
function nearestOrgan<T extends { path: string }>(organs: readonly T[], path: string): T | undefined {
  return organs.filter((o) => path.startsWith(o.path)).sort((a, b) => b.path.length - a.path.length)[0];
}
