import { FIGURE_KEYS } from '../../../../contracts/metrics.js';

const nullableNumber = { type: ['number', 'null'] };
const figureValue = {
  type: 'object',
  properties: { numerator: { type: 'integer' }, denominator: { type: 'integer' }, value: nullableNumber },
};
const comparedFigure = {
  type: 'object',
  properties: { ...figureValue.properties, previous: figureValue, lastYear: figureValue, pointsFromPrevious: nullableNumber, pointsFromLastYear: nullableNumber },
};

/**
 * The 200 answer of GET /api/public/statistics. Fastify serialises by this schema, so it
 * is also an allow-list: a field not named here can never reach the public.
 */
export const publicStatisticsResponse = {
  type: 'object',
  properties: {
    regionName: { type: 'string' },
    period: { type: 'object', properties: { from: { type: 'string' }, to: { type: 'string' } } },
    asOf: { type: 'string' },
    requests: {
      type: ['object', 'null'],
      properties: { current: { type: 'integer' }, previous: { type: 'integer' }, lastYear: { type: 'integer' }, changeFromPrevious: nullableNumber, changeFromLastYear: nullableNumber },
    },
    figures: { type: 'object', properties: Object.fromEntries(FIGURE_KEYS.map((k) => [k, comparedFigure])) },
    byCategory: {
      type: ['array', 'null'],
      items: { type: 'object', properties: { key: { type: 'string' }, label: { type: 'string' }, count: { type: 'integer' }, share: nullableNumber } },
    },
    byDay: { type: ['array', 'null'], items: { type: 'object', properties: { date: { type: 'string' }, count: { type: 'integer' } } } },
  },
};

/** Body of PUT /api/stats/public-settings. Figure keys are checked by the operation, for its own error code. */
export const publicSettingsBody = {
  type: 'object',
  required: ['published', 'figures', 'showVolume', 'showCategories', 'showTrend'],
  additionalProperties: false,
  properties: {
    published: { type: 'boolean' },
    figures: { type: 'array', maxItems: 20, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 64 } },
    showVolume: { type: 'boolean' },
    showCategories: { type: 'boolean' },
    showTrend: { type: 'boolean' },
  },
};
