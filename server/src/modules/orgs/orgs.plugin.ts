import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/http/context.js';
import { requireStaff } from '../auth/index.js';
import { addUnit, type NewUnit } from './operations/add-unit.js';
import { listAdminUnits } from './operations/list-admin-units.js';
import { mergeUnits } from './operations/merge-units.js';
import { moveUnit, type UnitMove } from './operations/move-unit.js';
import { renameUnit, type UnitNames } from './operations/rename-unit.js';
import { listUnitsInScope } from './orgs.repository.js';

const adminTags = ['单位管理'];
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } };
const unitId = { type: 'integer', minimum: 1 };
const name = { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' };
const shortName = { type: ['string', 'null'], minLength: 1, maxLength: 50, pattern: '\\S' };
const regionCode = { type: ['string', 'null'], pattern: '^[0-9]{9}([0-9]{3})?$' };

export async function orgsPlugin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get(
    '/api/units',
    {
      schema: {
        summary: '单位列表',
        description:
          'Every unit in the caller’s scope (their unit and its subtree), grids and merged units excluded. With `module`, also the subtrees of the units the caller holds that module’s roles for (a 司法局 officer granted `xzfy.handler` for the county government picks any organ under it in that module’s forms).',
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
      // A merged unit is history: no new work goes to it.
      return { units: rows.filter((u) => u.kind !== 'grid' && u.mergedIntoId === null).map((u) => ({ id: u.id, parentId: u.parentId, name: u.name, kind: u.kind })) };
    },
  );

  // Changing the tree changes what intake offers (communities) and what dispatch knows.
  const changed = () => app.referenceChanged();
  const admin = { preValidation: async (request: Parameters<typeof requireStaff>[0]) => void requireStaff(request, ['admin']) };

  app.get('/api/admin/units', { ...admin, schema: { summary: '单位管理：本管理范围的单位', description: 'The administrator’s subtree, merged units included, with the accounts working at each and the kinds of unit with where each may sit.', tags: adminTags } }, async (request) =>
    listAdminUnits(ctx.database.db, requireStaff(request, ['admin'])));

  app.post(
    '/api/admin/units',
    {
      ...admin,
      schema: {
        summary: '添加单位',
        description: 'Adds a unit within the administrator’s subtree, e.g. a 村（社区） under its township with its 12-digit region code. Logged in the security log.',
        tags: adminTags,
        body: {
          type: 'object',
          required: ['parentId', 'name', 'kind'],
          additionalProperties: false,
          properties: { parentId: unitId, name, kind: { type: 'string', pattern: '^[a-z_]{2,20}$' }, shortName, regionCode },
        },
      },
    },
    async (request, reply) => {
      const created = await addUnit(ctx.database, requireStaff(request, ['admin']), request.body as NewUnit, ctx.time.now());
      await changed();
      return reply.code(201).send({ id: created.id, path: created.path });
    },
  );

  app.patch(
    '/api/admin/units/:id',
    {
      ...admin,
      schema: {
        summary: '修改单位名称',
        description: 'Renames a unit of the administrator’s subtree (the tree’s root: its administrators only). A township or community whose region bore the old name renames its region too.',
        tags: adminTags,
        params: idParams,
        body: { type: 'object', additionalProperties: false, minProperties: 1, properties: { name, shortName } },
      },
    },
    async (request) => {
      await renameUnit(ctx.database, requireStaff(request, ['admin']), (request.params as { id: number }).id, request.body as UnitNames, ctx.time.now());
      await changed();
      return { ok: true };
    },
  );

  app.post(
    '/api/admin/units/:id/move',
    {
      ...admin,
      schema: {
        summary: '调整上级单位',
        description: 'Puts the unit and its subtree under another parent within the administrator’s subtree; scope and case visibility follow the paths at once.',
        tags: adminTags,
        params: idParams,
        body: { type: 'object', required: ['parentId'], additionalProperties: false, properties: { parentId: unitId, regionCode } },
      },
    },
    async (request) => {
      await moveUnit(ctx.database, requireStaff(request, ['admin']), (request.params as { id: number }).id, request.body as UnitMove, ctx.time.now());
      await changed();
      return { ok: true };
    },
  );

  app.post(
    '/api/admin/units/:id/merge',
    {
      ...admin,
      schema: {
        summary: '合并单位',
        description: 'Merges the unit into another of the same kind: accounts, grants and open work move; the merged unit stays, under the survivor, as history (docs/administration.md).',
        tags: adminTags,
        params: idParams,
        body: { type: 'object', required: ['intoUnitId'], additionalProperties: false, properties: { intoUnitId: unitId } },
      },
    },
    async (request) => {
      const { intoUnitId } = request.body as { intoUnitId: number };
      const result = await mergeUnits(ctx.database, requireStaff(request, ['admin']), (request.params as { id: number }).id, intoUnitId, ctx.time.now());
      await changed();
      return result;
    },
  );
}
