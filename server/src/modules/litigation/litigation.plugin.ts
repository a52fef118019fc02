import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/http/context.js';
import { requireModule } from '../auth/index.js';
import { canSeeCase, caseError, rolesIn } from '../cases/index.js';
import { findUnit } from '../orgs/index.js';
import { LITIGATION_MODULE } from './litigation-case-type.js';
import { litigationError } from './litigation.errors.js';
import { recordLawsuit, type LawsuitInput } from './operations/record-lawsuit.js';

const text = (max: number, min = 1) => ({ type: 'string', minLength: min, maxLength: max }) as const;

const recordSchema = {
  summary: '登记行政应诉案件',
  description:
    'Records a lawsuit served on an organ: by the organ’s own litigation handler (`xzss.handler` for it), or by the government’s coordinator (`xzss.coordinator`) for any organ under it. `servedOn` (the day the complaint’s copy arrived) starts the fifteen days to answer. `fromReviewCaseId` links the reconsideration whose decision is sued; the caller must be able to see it. Answers 201 with the case id.',
  tags: ['行政应诉'],
  body: {
    type: 'object',
    required: ['defendantUnitId', 'courtName', 'courtCaseNumber', 'cause', 'plaintiffName', 'servedOn'],
    additionalProperties: false,
    properties: {
      defendantUnitId: { type: 'integer', minimum: 1, maximum: 2_147_483_647 },
      courtName: text(100),
      courtCaseNumber: text(100),
      cause: text(500),
      plaintiffName: text(100),
      servedOn: { type: 'string', format: 'date' },
      fromReviewCaseId: { type: 'string', format: 'uuid' },
    },
  },
} as const;

/** 行政应诉's own route: recording a lawsuit; everything after it is the platform's generic case routes. */
export async function litigationPlugin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post('/api/xzss/lawsuits', { schema: recordSchema }, async (request, reply) => {
    const actor = requireModule(request, LITIGATION_MODULE);
    const body = request.body as LawsuitInput;
    const result = await ctx.database.transaction(async (tx) => {
      const defendant = await findUnit(tx, body.defendantUnitId);
      const held = rolesIn(actor, LITIGATION_MODULE);
      const may = defendant && held.some((r) => (r.role === 'handler' && r.unitId === defendant.id) || (r.role === 'coordinator' && defendant.path.startsWith(r.scopePath)));
      if (!may) throw litigationError('XZSS_DEFENDANT_NOT_HELD', { field: 'defendantUnitId' });
      // Linking a case one may not see would tell that it exists.
      if (body.fromReviewCaseId && !(await canSeeCase(tx, body.fromReviewCaseId, actor))) throw caseError('CASE_NOT_FOUND', { field: 'fromReviewCaseId' });
      return recordLawsuit(tx, body, actor, ctx.time.now());
    });
    return reply.code(201).send(result);
  });
}
