import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isStaff, type Actor } from '../../platform/actor.js';
import { platformError } from '../../platform/errors/platform-errors.js';
import type { AppContext } from '../../platform/http/context.js';
import { getCaseType } from './case-registry.js';
import { caseError } from './cases.errors.js';
import { caseSchemas } from './cases.schemas.js';
import { canSeeCase } from './operations/case-access.js';
import { caseDetail } from './operations/case-detail.js';
import type { CaseSearchQuery } from './operations/case-list-rows.js';
import { erasePersonalData } from './operations/erase-personal-data.js';
import { exportCasesXlsx } from './operations/export-cases-xlsx.js';
import { listCaseTypes } from './operations/list-case-types.js';
import { rolesIn } from './operations/module-roles.js';
import { performAction } from './operations/perform-action.js';
import { searchCases } from './operations/search-cases.js';
import { todoCases } from './operations/todo-cases.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (fileName: string) => `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** The signed-in staff member, or 401. */
function staff(request: FastifyRequest): Actor {
  if (!isStaff(request.actor)) throw platformError('UNAUTHENTICATED');
  return request.actor;
}

/** Staff holding a role in the type's module (or an administrator); the type must be registered. */
function staffOfType(request: FastifyRequest, caseType: string): Actor {
  const actor = staff(request);
  const type = getCaseType(caseType);
  if (actor.role !== 'admin' && rolesIn(actor, type.module).length === 0) throw platformError('FORBIDDEN');
  return actor;
}

/** The search's own parameters apart; every other one is a filter the type's listing names. */
function searchQuery(raw: Record<string, unknown>): CaseSearchQuery & { page: number; pageSize: number } {
  const { caseType, state, q, sort, page, pageSize, ...filters } = raw as Record<string, string> & { page?: number; pageSize?: number };
  return {
    caseType: caseType!,
    ...(state !== undefined ? { state } : {}),
    ...(q !== undefined ? { q } : {}),
    ...(sort !== undefined ? { sort } : {}),
    filters: filters as Record<string, string>,
    page: page ?? 1,
    pageSize: pageSize ?? 20,
  };
}

/** What the platform offers on every case whatever its type. */
export async function casesPlugin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/case-types', { schema: caseSchemas.caseTypes }, async (request) => ({ caseTypes: listCaseTypes(staff(request)) }));

  app.get('/api/cases', { schema: caseSchemas.search }, async (request) => {
    const query = searchQuery(request.query as Record<string, unknown>);
    const actor = staffOfType(request, query.caseType);
    return searchCases(ctx.database.db, actor, query, ctx.time.now());
  });

  app.get('/api/cases/todo', { schema: caseSchemas.todo }, async (request) => {
    const query = request.query as { caseType?: string; module?: string };
    const actor = query.caseType ? staffOfType(request, query.caseType) : staff(request);
    return todoCases(ctx.database.db, actor, query, ctx.time.now());
  });

  app.get('/api/cases/export.xlsx', { schema: caseSchemas.export }, async (request, reply) => {
    const { page: _page, pageSize: _size, ...query } = searchQuery(request.query as Record<string, unknown>);
    const actor = staffOfType(request, query.caseType);
    const { fileName, body } = await exportCasesXlsx(ctx.database.db, actor, query, ctx.time.now());
    return reply.type(XLSX_TYPE).header('content-disposition', attachment(fileName)).send(body);
  });

  app.get('/api/cases/:caseId', { schema: caseSchemas.detail }, async (request) => {
    const actor = staff(request);
    const { caseId } = request.params as { caseId: string };
    return caseDetail(ctx.database.db, actor, caseId, ctx.time.now());
  });

  app.post('/api/cases/:caseId/actions/:action', { schema: caseSchemas.action }, async (request) => {
    const actor = staff(request);
    const { caseId, action } = request.params as { caseId: string; action: string };
    const input = (request.body ?? {}) as Record<string, unknown>;
    return ctx.database.transaction(async (tx) => {
      // Scope before anything about the case or its type: someone who may not see it learns nothing.
      if (!(await canSeeCase(tx, caseId, actor))) throw caseError('CASE_NOT_FOUND');
      const result = await performAction(tx, { caseId, action, actor, input, now: ctx.time.now() });
      return { caseId: result.caseId, state: result.state, seq: result.seq, facts: result.facts };
    });
  });

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
