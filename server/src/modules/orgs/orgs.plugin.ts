import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/http/context.js';
import { requireStaff } from '../auth/index.js';
import { listUnitsInScope } from './orgs.repository.js';

export async function orgsPlugin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/units',
    {
      schema: {
        summary: '单位列表',
        description:
          'Every unit in the caller’s scope (their unit and its subtree), grids excluded. With `module`, also the subtrees of the units the caller holds that module’s roles for (a 司法局 officer granted `xzfy.handler` for the county government picks any organ under it in that module’s forms).',
        tags: ['组织'],
        querystring: { type: 'object', properties: { module: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,39}$' } }, additionalProperties: false },
      },
    },
    async (request) => {
      const actor = requireStaff(request);
      const { module } = request.query as { module?: string };
      const paths = [actor.scopePath, ...(module ? (actor.grants ?? []).filter((g) => g.role.startsWith(`${module}.`)).map((g) => g.unitPath) : [])];
      // A subtree inside another adds nothing.
      const roots = [...new Set(paths)].filter((p, _, all) => !all.some((other) => other !== p && p.startsWith(other)));
      const seen = new Set<number>();
      const rows = (await Promise.all(roots.map((p) => listUnitsInScope(ctx.database.db, p)))).flat().filter((u) => !seen.has(u.id) && seen.add(u.id));
      rows.sort((a, b) => a.id - b.id);
      return { units: rows.filter((u) => u.kind !== 'grid').map((u) => ({ id: u.id, parentId: u.parentId, name: u.name, kind: u.kind })) };
    },
  );
}
