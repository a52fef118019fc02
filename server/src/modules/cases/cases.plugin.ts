import type { FastifyInstance } from 'fastify';
import { isStaff } from '../../platform/actor.js';
import { platformError } from '../../platform/errors/platform-errors.js';
import type { AppContext } from '../../platform/http/context.js';
import { caseError } from './cases.errors.js';
import { canSeeCase } from './operations/case-access.js';
import { erasePersonalData } from './operations/erase-personal-data.js';

/** What the platform offers on every case whatever its type. */
export async function casesPlugin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post(
    '/api/admin/cases/:caseId/erase-personal-data',
    {
      schema: {
        summary: '删除个人信息',
        description:
          'On the person’s request: erases the personal data of one case (a requester’s name, number and address, personal notes and comments). The record keeps salted hashes that can no longer be linked to anyone, so `fazhi audit verify` still passes; the erasure is an event of the case and an entry of the security log. Administrators who may see the case only.',
        tags: ['用户管理'],
        params: { type: 'object', required: ['caseId'], properties: { caseId: { type: 'string', format: 'uuid' } } },
        body: { type: 'object', additionalProperties: false, properties: { note: { type: 'string', maxLength: 500 } } },
      },
    },
    async (request) => {
      const actor = request.actor;
      if (!isStaff(actor)) throw platformError('UNAUTHENTICATED');
      if (actor.role !== 'admin') throw platformError('FORBIDDEN');
      const { caseId } = request.params as { caseId: string };
      if (!(await canSeeCase(ctx.database.db, caseId, actor))) throw caseError('CASE_NOT_FOUND');
      const note = (request.body as { note?: string } | undefined)?.note;
      return ctx.database.transaction((tx) => erasePersonalData(tx, { caseId, actor, reason: 'request', note, at: ctx.time.now() }));
    },
  );
}
