import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/http/context.js';
import { requireCountyAdmin } from '../auth/index.js';
import { createCategory, listCategoriesForAdmin, updateCategory, type CategoryChanges, type NewCategory } from './operations/manage-categories.js';

const tags = ['诉求类别管理'];
const name = { type: 'string', minLength: 1, maxLength: 50, pattern: '\\S' };
const defaultUnitId = { type: ['integer', 'null'], minimum: 1 };
const clockRule = { type: ['string', 'null'], pattern: '^rx12345\\.[a-z_]{1,30}$' };
const code = { type: 'string', pattern: '^[0-9]{2,6}$' };

/** The request taxonomy for county administrators: names, owners, clock rules, new categories. */
export async function categoriesPlugin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/admin/categories', { schema: { summary: '诉求类别及其承办单位、办理时限', description: 'Every category with the department that usually owns it (null: the township of the place) and its clock rule, and the clock rules a category may take. County administrators only.', tags } }, async (request) => {
    requireCountyAdmin(request);
    return listCategoriesForAdmin(ctx.database.db);
  });

  app.patch(
    '/api/admin/categories/:code',
    {
      schema: {
        summary: '修改诉求类别',
        description: 'Name, owner (a department, or null for 属地) or clock rule. New requests use the change at once on this server and within a minute on the others. County administrators only; logged.',
        tags,
        params: { type: 'object', required: ['code'], properties: { code } },
        body: { type: 'object', additionalProperties: false, minProperties: 1, properties: { name, defaultUnitId, clockRule } },
      },
    },
    async (request) => {
      const actor = requireCountyAdmin(request);
      const updated = await updateCategory(ctx.database, actor, (request.params as { code: string }).code, request.body as CategoryChanges, ctx.time.now());
      await app.referenceChanged();
      return { category: updated };
    },
  );

  app.post(
    '/api/admin/categories',
    {
      schema: {
        summary: '添加诉求类别',
        description: 'A category under a level-1 or level-2 one; its code is the parent’s and the next two digits. County administrators only; logged.',
        tags,
        body: { type: 'object', required: ['parentCode', 'name'], additionalProperties: false, properties: { parentCode: code, name, defaultUnitId, clockRule } },
      },
    },
    async (request, reply) => {
      const actor = requireCountyAdmin(request);
      const created = await createCategory(ctx.database, actor, request.body as NewCategory, ctx.time.now());
      await app.referenceChanged();
      return reply.code(201).send({ category: created });
    },
  );
}
