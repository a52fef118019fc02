import type { FastifyInstance } from 'fastify';
import { platformError } from '../../platform/errors/platform-errors.js';
import type { AppContext } from '../../platform/http/context.js';
import { requireStaff } from '../auth/index.js';
import { knowledgeError } from './knowledge.errors.js';
import { knowledgeSchemas } from './knowledge.schemas.js';
import { createEntry, type EntryInput } from './operations/create-entry.js';
import { draftFromRequest } from './operations/draft-from-request.js';
import { readsKnowledge, writableUnits } from './operations/entry-access.js';
import { readEntries } from './operations/read-entries.js';
import { searchEntries } from './operations/search-entries.js';

/** The knowledge base's own routes: search, one entry, a new entry, a draft grown from a request. The workflow is the platform's. */
export async function knowledgePlugin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const reader = (request: Parameters<typeof requireStaff>[0]) => {
    const actor = requireStaff(request);
    if (!readsKnowledge(actor)) throw platformError('FORBIDDEN');
    return actor;
  };

  app.get('/api/kb/entries', { schema: knowledgeSchemas.search }, async (request) => {
    const actor = reader(request);
    const query = request.query as { q?: string; owner?: number; page: number; pageSize: number };
    return searchEntries(ctx.database.db, actor, { q: query.q, ownerUnitId: query.owner, page: query.page, pageSize: query.pageSize }, ctx.time.now());
  });

  app.get('/api/kb/entries/:entryId', { schema: knowledgeSchemas.entry }, async (request) => {
    const actor = reader(request);
    const { entryId } = request.params as { entryId: string };
    const [entry] = await readEntries(ctx.database.db, actor, [entryId.toLowerCase()], ctx.time.now());
    if (!entry) throw knowledgeError('KB_ENTRY_NOT_FOUND');
    return entry;
  });

  app.post('/api/kb/entries', { schema: knowledgeSchemas.create }, async (request, reply) => {
    const actor = requireStaff(request);
    const result = await ctx.database.transaction((tx) => createEntry(tx, request.body as EntryInput, actor, ctx.time.now()));
    return reply.code(201).send(result);
  });

  app.get('/api/kb/owners', { schema: knowledgeSchemas.owners }, async (request) => {
    const actor = requireStaff(request);
    const units = await writableUnits(ctx.database.db, actor);
    return { units: units.map((u) => ({ id: u.id, name: u.name, kind: u.kind })) };
  });

  app.get('/api/kb/drafts/from-request/:caseId', { schema: knowledgeSchemas.fromRequest }, async (request) => {
    const actor = requireStaff(request);
    const { caseId } = request.params as { caseId: string };
    return draftFromRequest(ctx.database.db, actor, caseId.toLowerCase());
  });
}
