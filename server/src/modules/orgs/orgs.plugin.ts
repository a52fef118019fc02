import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/http/context.js';
import { requireStaff } from '../auth/index.js';
import { listUnitsInScope } from './orgs.repository.js';

export async function orgsPlugin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/units',
    { schema: { summary: '单位列表', description: 'Every unit in the caller’s scope (their unit and its subtree), grids excluded.', tags: ['组织'] } },
    async (request) => {
      const actor = requireStaff(request);
      const rows = await listUnitsInScope(ctx.database.db, actor.scopePath);
      return { units: rows.filter((u) => u.kind !== 'grid').map((u) => ({ id: u.id, parentId: u.parentId, name: u.name, kind: u.kind })) };
    },
  );
}
