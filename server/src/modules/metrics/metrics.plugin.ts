import type { FastifyInstance, FastifyRequest } from 'fastify';
import { FIGURE_KEYS, type RankKey } from '../../../../contracts/metrics.js';
import type { DateRange, DrillDownKind } from '../../../../contracts/statistics.js';
import type { AppContext } from '../../platform/http/context.js';
import { requireStaff } from '../auth/index.js';
import { findUnit } from '../orgs/index.js';
import { metricsError } from './metrics.errors.js';
import { computeDashboard } from './operations/compute-dashboard.js';
import { computeRanking } from './operations/compute-ranking.js';
import { drillDown } from './operations/drill-down.js';
import { exportFiguresXlsx } from './operations/export-figures-xlsx.js';
import { daysIn, periodFromDates } from './rules/period.js';

/** Longest period a dashboard or ranking covers (about three years). */
const MAX_DAYS = 1100;
const RANK_KEYS: RankKey[] = ['compositeScore', ...FIGURE_KEYS];

const rangeProperties = {
  unitId: { type: 'integer', minimum: 1 },
  from: { type: 'string', format: 'date' },
  to: { type: 'string', format: 'date' },
  rankBy: { type: 'string', enum: RANK_KEYS },
};
const querystring = { type: 'object', required: ['from', 'to'], additionalProperties: false, properties: rangeProperties };

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const attachment = (fileName: string) => `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`;

export async function metricsPlugin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  /** The unit asked for (or the person's own scope) and the period, both checked. */
  async function scopeAndRange(request: FastifyRequest) {
    const actor = requireStaff(request);
    const q = request.query as { unitId?: number; from: string; to: string; rankBy?: RankKey };
    const range: DateRange = { from: q.from, to: q.to };
    if (!periodFromDates(q.from, q.to)) throw metricsError('PERIOD_INVALID');
    if (daysIn(range) > MAX_DAYS) throw metricsError('PERIOD_TOO_LONG');
    const unit = await findUnit(ctx.database.db, q.unitId ?? actor.scopeUnitId);
    if (!unit || !unit.path.startsWith(actor.scopePath)) throw metricsError('UNIT_OUT_OF_SCOPE');
    return { unit, range, rankBy: q.rankBy ?? 'compositeScore' };
  }

  app.get(
    '/api/metrics',
    { schema: { summary: '考核指标排名', description: 'METRICS.md figures of a unit and of each unit directly under it, with numerators and denominators, ranked (default: 综合得分).', tags: ['统计'], querystring } },
    async (request) => {
      const { unit, range, rankBy } = await scopeAndRange(request);
      return computeRanking(ctx.database, unit, range, rankBy);
    },
  );

  app.get(
    '/api/metrics/export.xlsx',
    { schema: { summary: '导出考核指标', description: 'The same ranking as an Excel workbook.', tags: ['统计'], querystring } },
    async (request, reply) => {
      const { unit, range, rankBy } = await scopeAndRange(request);
      const body = await exportFiguresXlsx(await computeRanking(ctx.database, unit, range, rankBy));
      return reply.type(XLSX_TYPE).header('content-disposition', attachment(`接诉即办考核统计_${range.from}_${range.to}.xlsx`)).send(body);
    },
  );

  app.get(
    '/api/stats/dashboard',
    { schema: { summary: '驾驶舱', description: 'Volume, live counts, every figure with 同比/环比, the ranking and the townships of a unit for a period.', tags: ['统计'], querystring } },
    async (request) => {
      const { unit, range, rankBy } = await scopeAndRange(request);
      return computeDashboard(ctx.database, unit, range, ctx.time.now(), rankBy);
    },
  );

  app.get(
    '/api/stats/cases',
    {
      schema: {
        summary: '驾驶舱下钻',
        description: 'The requests behind a live count of the dashboard, most urgent first.',
        tags: ['统计'],
        querystring: {
          type: 'object',
          required: ['kind'],
          additionalProperties: false,
          properties: {
            unitId: { type: 'integer', minimum: 1 },
            kind: { type: 'string', enum: ['open', 'overdue', 'dueSoon', 'awaitingDispatch'] },
            page: { type: 'integer', minimum: 1, default: 1 },
            pageSize: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
          },
        },
      },
    },
    async (request) => {
      const actor = requireStaff(request);
      const q = request.query as { unitId?: number; kind: DrillDownKind; page: number; pageSize: number };
      const unit = await findUnit(ctx.database.db, q.unitId ?? actor.scopeUnitId);
      if (!unit || !unit.path.startsWith(actor.scopePath)) throw metricsError('UNIT_OUT_OF_SCOPE');
      return drillDown(ctx.database, unit, q.kind, ctx.time.now(), q.page, q.pageSize);
    },
  );
}
