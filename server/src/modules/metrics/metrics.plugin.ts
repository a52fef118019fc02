import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FIGURE_KEYS, type RankKey } from '../../../../contracts/metrics.js';
import type { DateRange, DrillDownKind, PublicStatisticsSettings } from '../../../../contracts/statistics.js';
import { DOCX_TYPE } from '../../platform/docx/word-writer.js';
import { platformError } from '../../platform/errors/platform-errors.js';
import type { AppContext } from '../../platform/http/context.js';
import { ROW_ID } from '../../platform/validation.js';
import { requireModule, requireStaff } from '../auth/index.js';
import { HOTLINE_MODULE } from '../requests/index.js';
import { findUnit, type UnitRow } from '../orgs/index.js';
import { metricsError } from './metrics.errors.js';
import { publicSettingsBody, publicStatisticsResponse } from './metrics.schemas.js';
import { TABLE_TITLES } from './metrics.strings.js';
import { computeDashboard } from './operations/compute-dashboard.js';
import { computeRanking } from './operations/compute-ranking.js';
import { drillDown } from './operations/drill-down.js';
import { exportFiguresXlsx } from './operations/export-figures-xlsx.js';
import { buildAnnualReport, buildMonthlyReport } from './operations/build-reports.js';
import { dashboardTableXlsx, drillDownXlsx } from './operations/export-stats-table.js';
import { publicStatistics, readPublicSettings, rootGovernment, savePublicSettings } from './operations/public-statistics.js';
import { chinaDate, daysIn, MAX_PERIOD_DAYS, periodFromDates } from './rules/period.js';
import { PUBLIC_MAX_DAYS, publicRange } from './rules/public-statistics.js';
import { STATS_TABLE_KEYS, exportFileName, type StatsTableKey } from './rules/stats-tables.js';

const RANK_KEYS: RankKey[] = ['compositeScore', ...FIGURE_KEYS];

const rangeProperties = {
  unitId: ROW_ID,
  from: { type: 'string', format: 'date' },
  to: { type: 'string', format: 'date' },
  rankBy: { type: 'string', enum: RANK_KEYS },
};
const querystring = { type: 'object', required: ['from', 'to'], additionalProperties: false, properties: rangeProperties };
// The drill-down writes its offset into the SQL text; a bound keeps it a plain integer.
const MAX_PAGE = 1_000_000;
const drillDownKind = { type: 'string', enum: ['open', 'overdue', 'dueSoon', 'awaitingDispatch'] };

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const attachment = (fileName: string) => `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`;

export async function metricsPlugin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  /** The unit asked for, or the person's own scope; anything outside the scope is "not found". */
  async function unitInScope(request: FastifyRequest, unitId: number | undefined): Promise<UnitRow> {
    const actor = requireModule(request, HOTLINE_MODULE);
    const unit = await findUnit(ctx.database.db, unitId ?? actor.scopeUnitId);
    if (!unit || !unit.path.startsWith(actor.scopePath)) throw metricsError('UNIT_OUT_OF_SCOPE');
    return unit;
  }

  /** The unit asked for (or the person's own scope) and the period, both checked. */
  async function scopeAndRange(request: FastifyRequest) {
    const q = request.query as { unitId?: number; from: string; to: string; rankBy?: RankKey };
    const range: DateRange = { from: q.from, to: q.to };
    requireModule(request, HOTLINE_MODULE); // who asks comes before what is asked: 401 before a period error
    if (!periodFromDates(q.from, q.to)) throw metricsError('PERIOD_INVALID');
    if (daysIn(range) > MAX_PERIOD_DAYS) throw metricsError('PERIOD_TOO_LONG');
    const unit = await unitInScope(request, q.unitId);
    return { unit, range, rankBy: q.rankBy ?? 'compositeScore' };
  }

  const sendFile = (reply: FastifyReply, type: string, fileName: string, body: unknown) =>
    reply.type(type).header('content-disposition', attachment(fileName)).send(body);

  async function sendRankingXlsx(request: FastifyRequest, reply: FastifyReply) {
    const { unit, range, rankBy } = await scopeAndRange(request);
    const body = await exportFiguresXlsx(await computeRanking(ctx.database, unit, range, rankBy));
    return sendFile(reply, XLSX_TYPE, exportFileName(TABLE_TITLES.ranking, range), body);
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
    async (request, reply) => sendRankingXlsx(request, reply),
  );

  app.get(
    '/api/stats/export/:table.xlsx',
    {
      schema: {
        summary: '导出驾驶舱表格',
        description: 'One table of the dashboard as an Excel workbook, built from the same Dashboard (or Ranking) as the JSON: rates as text with numerator and denominator columns.',
        tags: ['统计'],
        params: { type: 'object', required: ['table'], properties: { table: { type: 'string', enum: STATS_TABLE_KEYS } } },
        querystring,
      },
    },
    async (request, reply) => {
      const { table } = request.params as { table: StatsTableKey };
      if (table === 'ranking') return sendRankingXlsx(request, reply);
      const { unit, range, rankBy } = await scopeAndRange(request);
      const { fileName, body } = dashboardTableXlsx(table, await computeDashboard(ctx.database, unit, range, ctx.time.now(), rankBy, request.actor));
      return sendFile(reply, XLSX_TYPE, fileName, body);
    },
  );

  app.get(
    '/api/stats/dashboard',
    { schema: { summary: '驾驶舱', description: 'Volume, live counts, every figure with 同比/环比, the ranking and the townships of a unit for a period.', tags: ['统计'], querystring } },
    async (request) => {
      const { unit, range, rankBy } = await scopeAndRange(request);
      return computeDashboard(ctx.database, unit, range, ctx.time.now(), rankBy, request.actor);
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
            unitId: ROW_ID,
            kind: drillDownKind,
            page: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 },
            pageSize: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
          },
        },
      },
    },
    async (request) => {
      const q = request.query as { unitId?: number; kind: DrillDownKind; page: number; pageSize: number };
      const unit = await unitInScope(request, q.unitId);
      return drillDown(ctx.database, request.actor, unit, q.kind, ctx.time.now(), q.page, q.pageSize);
    },
  );

  app.get(
    '/api/stats/cases/export.xlsx',
    {
      schema: {
        summary: '导出驾驶舱下钻清单',
        description: 'Every request behind a live count (up to 50,000), by the drill-down query, as a streamed Excel workbook.',
        tags: ['统计'],
        querystring: { type: 'object', required: ['kind'], additionalProperties: false, properties: { unitId: ROW_ID, kind: drillDownKind } },
      },
    },
    async (request, reply) => {
      const q = request.query as { unitId?: number; kind: DrillDownKind };
      const unit = await unitInScope(request, q.unitId);
      const { fileName, body } = await drillDownXlsx(ctx.database, request.actor, unit, q.kind, ctx.time.now());
      return sendFile(reply, XLSX_TYPE, fileName, body);
    },
  );

  app.get(
    '/api/public/statistics',
    {
      schema: {
        summary: '接诉即办公开统计',
        description: 'No sign-in. The figures of the whole county (the root government) that public-settings publishes, for a period of at most a year (default: this year to date; a `to` after today is cut to today). 404 PUBLIC_STATISTICS_UNPUBLISHED until an administrator publishes.',
        tags: ['公开'],
        querystring: { type: 'object', additionalProperties: false, properties: { from: { type: 'string', format: 'date' }, to: { type: 'string', format: 'date' } } },
        response: { 200: publicStatisticsResponse },
      },
    },
    async (request) => {
      const q = request.query as { from?: string; to?: string };
      const now = ctx.time.now();
      const range = publicRange(chinaDate(now), q.from, q.to);
      if (!periodFromDates(range.from, range.to)) throw metricsError('PERIOD_INVALID');
      if (daysIn(range) > PUBLIC_MAX_DAYS) throw metricsError('PUBLIC_PERIOD_TOO_LONG');
      return publicStatistics(ctx.database, range, now);
    },
  );

  app.get(
    '/api/stats/public-settings',
    { schema: { summary: '公开统计设置', description: 'What GET /api/public/statistics publishes (any staff may read it); unpublished with nothing chosen until set.', tags: ['统计'] } },
    async (request) => {
      requireModule(request, HOTLINE_MODULE);
      return readPublicSettings(ctx.database.db);
    },
  );

  app.put(
    '/api/stats/public-settings',
    {
      schema: {
        summary: '修改公开统计设置',
        description: 'Administrators of the whole county only. Replaces the settings; an unknown figure key answers PUBLIC_FIGURE_UNKNOWN and nothing changes.',
        tags: ['统计'],
        body: publicSettingsBody,
      },
      // Who may ask is checked before the body, so others learn nothing from validation errors.
      preValidation: async (request) => {
        const actor = requireStaff(request, ['admin']);
        const root = await rootGovernment(ctx.database.db);
        if (!root || actor.scopeUnitId !== root.id) throw platformError('FORBIDDEN');
      },
    },
    async (request) => {
      const actor = requireStaff(request, ['admin']);
      return savePublicSettings(ctx.database, request.body as PublicStatisticsSettings, actor.userId, ctx.time.now());
    },
  );

  app.get(
    '/api/stats/reports/monthly.docx',
    {
      schema: {
        summary: '接诉即办月报',
        description: 'A Word report of a unit for a calendar month (so far, for the current month): 总体情况, 诉求分布, 办理质效, 排名情况 and 工作建议, with tables and charts; every number is the dashboard\'s for that period.',
        tags: ['统计'],
        querystring: {
          type: 'object',
          required: ['month'],
          additionalProperties: false,
          properties: { unitId: ROW_ID, month: { type: 'string', pattern: '^20[0-9]{2}-(0[1-9]|1[0-2])$' } },
        },
      },
    },
    async (request, reply) => {
      const q = request.query as { unitId?: number; month: string };
      const unit = await unitInScope(request, q.unitId);
      const [year, month] = q.month.split('-').map(Number) as [number, number];
      const { model, docx } = await buildMonthlyReport(ctx.database, request.actor, unit, year, month, ctx.time.now());
      return sendFile(reply, DOCX_TYPE, model.fileName, docx);
    },
  );

  app.get(
    '/api/stats/reports/annual.docx',
    {
      schema: {
        summary: '年度报告接诉即办部分',
        description: 'The 接诉即办 part of the annual 法治政府建设 report: paragraphs, one table and one chart, the year (to date) against the same days of the year before.',
        tags: ['统计'],
        querystring: {
          type: 'object',
          required: ['year'],
          additionalProperties: false,
          properties: { unitId: ROW_ID, year: { type: 'integer', minimum: 2000, maximum: 2099 } },
        },
      },
    },
    async (request, reply) => {
      const q = request.query as { unitId?: number; year: number };
      const unit = await unitInScope(request, q.unitId);
      const { model, docx } = await buildAnnualReport(ctx.database, request.actor, unit, q.year, ctx.time.now());
      return sendFile(reply, DOCX_TYPE, model.fileName, docx);
    },
  );
}
