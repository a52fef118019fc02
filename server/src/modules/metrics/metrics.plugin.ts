import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/http/context.js';
import { requireStaff } from '../auth/index.js';
import { findUnit } from '../orgs/index.js';
import { metricsError } from './metrics.errors.js';
import { computeHotlineFigures } from './operations/compute-hotline-figures.js';
import { exportFiguresXlsx } from './operations/export-figures-xlsx.js';
import { periodFromDates } from './rules/period.js';

const querystring = {
  type: 'object',
  required: ['from', 'to'],
  additionalProperties: false,
  properties: {
    unitId: { type: 'integer', minimum: 1 },
    from: { type: 'string', format: 'date' },
    to: { type: 'string', format: 'date' },
  },
};

export async function metricsPlugin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  async function figuresFor(request: { query: unknown } & Parameters<typeof requireStaff>[0]) {
    const actor = requireStaff(request);
    const q = request.query as { unitId?: number; from: string; to: string };
    const period = periodFromDates(q.from, q.to);
    if (!period) throw metricsError('PERIOD_INVALID');
    const unit = await findUnit(ctx.database.db, q.unitId ?? actor.scopeUnitId);
    if (!unit || !unit.path.startsWith(actor.scopePath)) throw metricsError('UNIT_OUT_OF_SCOPE');
    return { q, result: await computeHotlineFigures(ctx.database, unit.id, period, ctx.time.now()) };
  }

  app.get(
    '/api/metrics',
    { schema: { summary: '考核指标', description: 'METRICS.md figures for the children of a unit and its total, with numerators and denominators, ranked by 满意率.', tags: ['统计'], querystring } },
    async (request) => (await figuresFor(request)).result,
  );

  app.get(
    '/api/metrics/export.xlsx',
    { schema: { summary: '导出考核指标', description: 'The same table as an Excel workbook.', tags: ['统计'], querystring } },
    async (request, reply) => {
      const { q, result } = await figuresFor(request);
      const body = await exportFiguresXlsx(result, q.from, q.to);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`接诉即办考核统计_${q.from}_${q.to}.xlsx`)}`)
        .send(body);
    },
  );
}
