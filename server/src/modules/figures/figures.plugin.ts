import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/http/context.js';
import { shanghaiDay } from '../clock/index.js';
import { readModuleFigures } from './operations/read-module-figures.js';

const day = { type: 'string', minLength: 10, maxLength: 10, pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const figure = {
  type: 'object',
  required: ['key', 'label', 'kind', 'numerator', 'denominator', 'value', 'display'],
  properties: {
    key: { type: 'string' },
    label: { type: 'string' },
    kind: { type: 'string', enum: ['rate', 'average', 'count'] },
    numerator: { type: 'number' },
    denominator: { type: ['number', 'null'] },
    value: { type: ['number', 'null'] },
    display: { type: 'string' },
  },
};

const schema = {
  summary: '模块统计指标',
  description:
    'The figures a module declares (行政复议: 收案、受理、审结、纠错率、平均审理天数 …), each with its numerator and denominator, for a period of days (`from`/`to`, inclusive; by default from 1 January to today, China time), and their breakdowns. Counted over the cases the caller may see: those placed in the subtree of a role they hold in the module. Staff holding a role in the module, or administrators (their scope); an unknown module answers FIGURES_MODULE_UNKNOWN.',
  tags: ['统计'],
  params: { type: 'object', required: ['module'], properties: { module: { type: 'string', minLength: 1, maxLength: 40, pattern: '^[a-z][a-z0-9_]*$' } } },
  querystring: { type: 'object', additionalProperties: false, properties: { from: day, to: day } },
  response: {
    200: {
      type: 'object',
      required: ['module', 'moduleLabel', 'period', 'figures', 'breakdowns'],
      properties: {
        module: { type: 'string' },
        moduleLabel: { type: 'string' },
        period: { type: 'object', required: ['from', 'to'], properties: { from: { type: 'string' }, to: { type: 'string' } } },
        figures: { type: 'array', items: figure },
        breakdowns: {
          type: 'array',
          items: {
            type: 'object',
            required: ['key', 'label', 'rows'],
            properties: {
              key: { type: 'string' },
              label: { type: 'string' },
              rows: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['value', 'label', 'figures'],
                  properties: { value: { type: ['string', 'null'] }, label: { type: 'string' }, figures: { type: 'object', additionalProperties: figure } },
                },
              },
            },
          },
        },
      },
    },
  },
};

/** Any module's declared figures, for its pages. */
export async function figuresPlugin(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/figures/:module', { schema }, async (request) => {
    const { module } = request.params as { module: string };
    const query = request.query as { from?: string; to?: string };
    const to = query.to ?? shanghaiDay(ctx.time.now());
    const from = query.from ?? `${to.slice(0, 4)}-01-01`;
    return readModuleFigures(ctx.database, request.actor, module, { from, to });
  });
}
