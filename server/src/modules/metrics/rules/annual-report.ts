import { FIGURE_KEYS, FIGURE_LABELS, type FigureValue } from '../../../../../contracts/metrics.js';
import type { Dashboard } from '../../../../../contracts/statistics.js';
import { ANNUAL, listJoin, REPORT, TABLE_HEADERS, THREE_RATES } from '../reports.strings.js';
import { describePointChange, formatRate, rateHundredths } from './figure.js';
import type { ReportInput, ReportModel } from './report-model.js';
import { areaWord, changeText, countText, rateClause } from './report-phrases.js';

const CATEGORIES_NAMED = 3;

/** Requests per calendar month (1–12) from a dashboard's days. */
function byMonth(d: Dashboard): Map<number, number> {
  const months = new Map<number, number>();
  for (const day of d.volume.byDay) {
    const m = Number(day.date.slice(5, 7));
    months.set(m, (months.get(m) ?? 0) + day.count);
  }
  return months;
}

const withParts = (f: FigureValue) => (f.value === null ? '—' : `${formatRate(f.value)}（${countText(f.numerator)}/${f.denominator}）`);

/**
 * The 接诉即办 part of a county's annual 法治政府建设 report: a few paragraphs, one table
 * and one chart, the year against the year before (the same days when the year is not over).
 * `base` is the dashboard of `dashboard.lastYearPeriod`, for the chart's months.
 */
export function annualReport({ dashboard: d, base: lastYear, place, isArea }: ReportInput): ReportModel {
  const year = Number(d.period.from.slice(0, 4));
  const whole = d.period.to === `${year}-12-31`;
  const when = ANNUAL.period(year, whole ? null : d.period.to);
  const basis = whole ? REPORT.basisYear(year - 1) : REPORT.basisYearSame(year - 1);
  const area = areaWord(place, isArea);
  const total = d.volume.total;
  const change = changeText(total.changeFromLastYear, basis);
  const blocks: ReportModel['blocks'] = [];
  const paragraph = (text: string) => blocks.push({ kind: 'paragraph', text });

  paragraph(d.volume.basis === 'received'
    ? ANNUAL.volume(when, area, total.current, change, total.lastYear, basis)
    : ANNUAL.volumeDispatched(when, d.scope.name, total.current, change, total.lastYear, basis));
  const clause = (key: (typeof FIGURE_KEYS)[number]) => rateClause(key, d.figures[key], [{ base: d.figures[key].lastYear, basis }]);
  paragraph(ANNUAL.threeRates(THREE_RATES.map(clause).join('；')));
  paragraph(ANNUAL.otherFigures(FIGURE_KEYS.filter((k) => !THREE_RATES.includes(k)).map(clause).join('；')));
  if (d.volume.byCategory.length > 0) {
    paragraph(ANNUAL.categories(listJoin(d.volume.byCategory.slice(0, CATEGORIES_NAMED).map((s) => `${s.label}（${REPORT.count(s.count)}）`))));
  }

  const current = REPORT.basisYear(year);
  blocks.push({
    kind: 'table',
    caption: REPORT.tableCaption(1, ANNUAL.table),
    columns: [ANNUAL.column.figure, current, basis, ANNUAL.column.change],
    rows: [
      [TABLE_HEADERS.volumeLabel, String(total.current), String(total.lastYear), change],
      ...FIGURE_KEYS.map((k) => {
        const f = d.figures[k];
        return [FIGURE_LABELS[k], withParts(f), withParts(f.lastYear), describePointChange(f.value, f.lastYear.value, basis) ?? '—'];
      }),
    ],
  });

  const thisYear = byMonth(d);
  const before = byMonth(lastYear);
  const months = Array.from({ length: Number(d.period.to.slice(5, 7)) }, (_, i) => i + 1);
  blocks.push({
    kind: 'chart',
    caption: REPORT.chartCaption(1, ANNUAL.chart(year, year - 1)),
    chart: {
      kind: 'bar',
      title: ANNUAL.chart(year, year - 1),
      categories: months.map(ANNUAL.month),
      series: [
        { name: current, data: months.map((m) => thisYear.get(m) ?? 0) },
        { name: REPORT.basisYear(year - 1), data: months.map((m) => before.get(m) ?? 0) },
      ],
    },
  });

  // Closing: name the 三率 that fell against the year before; otherwise the usual next steps.
  const declines = THREE_RATES.flatMap((k) => {
    const { value, lastYear: { value: base } } = d.figures[k];
    return value !== null && base !== null && rateHundredths(value) < rateHundredths(base) ? [`${FIGURE_LABELS[k]}${describePointChange(value, base, basis)}`] : [];
  });
  paragraph(declines.length > 0 ? ANNUAL.declines(declines.join('，')) : ANNUAL.steady);

  return { title: ANNUAL.heading, subtitle: `${place}　${when}`, fileName: ANNUAL.fileName(place, year), blocks };
}
