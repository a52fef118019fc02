import { FIGURE_KEYS, FIGURE_LABELS } from '../../../../../contracts/metrics.js';
import type { Dashboard, RankingRow } from '../../../../../contracts/statistics.js';
import { chineseDate, listJoin, MONTHLY, REPORT, TABLE_HEADERS, THREE_RATES, UNIT_KIND_LABELS } from '../reports.strings.js';
import { describePointChange, formatRate } from './figure.js';
import { chinaDateTime, isWholeMonth } from './period.js';
import type { ReportBlock, ReportInput, ReportModel } from './report-model.js';
import { areaWord, changeText, countText, rateClause, sliceList } from './report-phrases.js';
import { suggestions } from './report-suggestions.js';

const CHANNELS_NAMED = 4;
const TYPES_NAMED = 4;
const CATEGORIES_NAMED = 5;
const PLACES_NAMED = 5;

/** "截至2026年4月1日10:00", when the live counts were read. */
export function asOfText(d: Dashboard): string {
  const [date, time] = chinaDateTime(d.asOf).split(' ') as [string, string];
  return REPORT.asOf(`${chineseDate(date)}${time}`);
}

/**
 * The 月报 of one unit, "XX区12345政务服务便民热线X月运行情况", from its Dashboard: every
 * number in the text is a number of that Dashboard (or, for what grew, of the month before).
 */
export function monthlyReport({ dashboard: d, base: previous, place, isArea }: ReportInput): ReportModel {
  const [year, month] = d.period.from.split('-').map(Number) as [number, number];
  const whole = isWholeMonth(d.period);
  const when = whole ? `${year}年${month}月` : `${chineseDate(d.period.from)}至${chineseDate(d.period.to).slice(5)}`;
  const basis = whole ? REPORT.basisPreviousMonth : REPORT.basisPreviousPeriod;
  const lastYearBasis = REPORT.basisLastYearSame;
  const area = areaWord(place, isArea);
  const asOf = asOfText(d);
  const received = d.volume.basis === 'received';
  const blocks: ReportBlock[] = [];
  let charts = 0;
  let tables = 0;
  const chart = (title: string, spec: Extract<ReportBlock, { kind: 'chart' }>['chart']) => blocks.push({ kind: 'chart', caption: REPORT.chartCaption(++charts, title), chart: spec });
  const table = (title: string, columns: string[], rows: string[][]) => blocks.push({ kind: 'table', caption: REPORT.tableCaption(++tables, title), columns, rows });
  const paragraph = (text: string) => blocks.push({ kind: 'paragraph', text });

  // 一、总体情况
  blocks.push({ kind: 'heading', text: MONTHLY.heading1 });
  const total = d.volume.total;
  const changes = `${changeText(total.changeFromPrevious, basis)}，${changeText(total.changeFromLastYear, lastYearBasis)}`;
  paragraph(received ? MONTHLY.received(when, area, total.current, changes) : MONTHLY.dispatched(when, d.scope.name, total.current, changes));
  if (d.volume.byChannel.length > 0) paragraph(MONTHLY.channels(sliceList(d.volume.byChannel, CHANNELS_NAMED)));
  if (d.volume.byType.length > 0) paragraph(MONTHLY.types(sliceList(d.volume.byType, TYPES_NAMED)));
  paragraph(MONTHLY.live(asOf, area, d.live.open, d.live.overdue, d.live.dueSoon) + (received && d.live.awaitingDispatch > 0 ? MONTHLY.awaiting(d.live.awaitingDispatch) : ''));
  chart(received ? MONTHLY.chartDaily : MONTHLY.chartDailyDispatched, {
    kind: 'line',
    title: received ? MONTHLY.chartDaily : MONTHLY.chartDailyDispatched,
    categories: d.volume.byDay.map((day) => `${Number(day.date.slice(8))}日`),
    series: [{ name: received ? TABLE_HEADERS.volumeLabel : TABLE_HEADERS.volume, data: d.volume.byDay.map((day) => day.count) }],
  });
  if (d.volume.byChannel.length > 0) {
    chart(MONTHLY.chartChannels, { kind: 'pie', title: MONTHLY.chartChannels, slices: d.volume.byChannel.map((s) => ({ name: s.label, value: s.count })) });
  }

  // 二、诉求分布
  blocks.push({ kind: 'heading', text: MONTHLY.heading2 });
  if (d.volume.byCategory.length > 0) paragraph(MONTHLY.categories(sliceList(d.volume.byCategory, CATEGORIES_NAMED)));
  const top = d.volume.topCategories;
  if (top.length > 0) {
    paragraph(MONTHLY.topCategories(listJoin(top.slice(0, CATEGORIES_NAMED).map((s) => `${s.label}（${REPORT.count(s.count)}）`))));
    table(MONTHLY.tableTopCategories, [TABLE_HEADERS.category, TABLE_HEADERS.count, TABLE_HEADERS.share], top.map((s) => [s.label, String(s.count), formatRate(s.share)]));
    chart(MONTHLY.chartTopCategories, { kind: 'bar', horizontal: true, title: MONTHLY.chartTopCategories, categories: top.map((s) => s.label).reverse(), series: [{ name: TABLE_HEADERS.count, data: top.map((s) => s.count).reverse() }] });
  }
  const places = d.townships.filter((t) => t.requests > 0 || t.open > 0).sort((a, b) => b.requests - a.requests || b.open - a.open);
  if (places.length > 0) {
    const busiest = places.filter((t) => t.requests > 0).slice(0, PLACES_NAMED).map((t) => `${t.unit.name}（${REPORT.count(t.requests)}）`);
    const overdue = places.filter((t) => t.overdue > 0).sort((a, b) => b.overdue - a.overdue).slice(0, PLACES_NAMED).map((t) => `${t.unit.name}（${REPORT.count(t.overdue)}）`);
    if (busiest.length > 0) paragraph(MONTHLY.townships(listJoin(busiest)) + (overdue.length > 0 ? MONTHLY.townshipsOverdue(listJoin(overdue)) : ''));
    table(MONTHLY.tableTownships, [TABLE_HEADERS.township, TABLE_HEADERS.requests, TABLE_HEADERS.open, TABLE_HEADERS.overdue],
      places.map((t) => [t.unit.name, String(t.requests), String(t.open), String(t.overdue)]));
  }

  // 三、办理质效
  blocks.push({ kind: 'heading', text: MONTHLY.heading3 });
  const clause = (key: (typeof FIGURE_KEYS)[number], withLastYear: boolean) => {
    const f = d.figures[key];
    return rateClause(key, f, [{ base: f.previous, basis }, ...(withLastYear ? [{ base: f.lastYear, basis: lastYearBasis }] : [])]);
  };
  paragraph(MONTHLY.threeRates(area, THREE_RATES.map((k) => clause(k, true)).join('；')));
  paragraph(MONTHLY.otherFigures(FIGURE_KEYS.filter((k) => !THREE_RATES.includes(k)).map((k) => clause(k, false)).join('；')));
  const current = whole ? TABLE_HEADERS.currentMonth : TABLE_HEADERS.current;
  const before = whole ? TABLE_HEADERS.previousMonth : TABLE_HEADERS.previous;
  table(
    MONTHLY.tableFigures,
    [TABLE_HEADERS.figure, current, TABLE_HEADERS.numerator, TABLE_HEADERS.denominator, before, TABLE_HEADERS.changeFrom(before), TABLE_HEADERS.lastYear, TABLE_HEADERS.changeFromLastYear],
    [
      [TABLE_HEADERS.volumeLabel, String(total.current), '—', '—', String(total.previous), changeText(total.changeFromPrevious, basis), String(total.lastYear), changeText(total.changeFromLastYear, lastYearBasis)],
      ...FIGURE_KEYS.map((k) => {
        const f = d.figures[k];
        return [
          FIGURE_LABELS[k], formatRate(f.value), countText(f.numerator), String(f.denominator),
          formatRate(f.previous.value), describePointChange(f.value, f.previous.value, basis) ?? '—',
          formatRate(f.lastYear.value), describePointChange(f.value, f.lastYear.value, lastYearBasis) ?? '—',
        ];
      }),
    ],
  );

  // 四、排名情况
  blocks.push({ kind: 'heading', text: MONTHLY.heading4 });
  const ranked = d.ranking.rows.filter((r) => r.rank !== null);
  if (ranked.length === 0) paragraph(MONTHLY.rankingNone);
  else {
    const rankBy = d.ranking.rankBy === 'compositeScore' ? TABLE_HEADERS.compositeScore : FIGURE_LABELS[d.ranking.rankBy];
    const kinds = [...new Set(ranked.map((r) => r.unit.kind))];
    const leaders = kinds.map((kind) => MONTHLY.rankingLeaders(UNIT_KIND_LABELS[kind] ?? kind, listJoin(ranked.filter((r) => r.unit.kind === kind).slice(0, 3).map((r) => r.unit.name))));
    paragraph(MONTHLY.ranking(rankBy, ranked.length, d.ranking.rows.length - ranked.length) + leaders.join('；') + '。');
    const line = (r: RankingRow, rank: string, kind: string) => [
      rank, r.unit.name, kind, r.compositeScore === null ? '—' : String(r.compositeScore),
      ...THREE_RATES.map((k) => formatRate(r.figures[k].value)), String(r.volume),
    ];
    table(
      MONTHLY.tableRanking,
      [TABLE_HEADERS.rank, TABLE_HEADERS.unit, TABLE_HEADERS.kind, TABLE_HEADERS.compositeScore, ...THREE_RATES.map((k) => FIGURE_LABELS[k]), TABLE_HEADERS.volume],
      [...ranked.map((r) => line(r, String(r.rank), UNIT_KIND_LABELS[r.unit.kind] ?? r.unit.kind)), line(d.ranking.total, TABLE_HEADERS.total, '—')],
    );
  }

  // 五、工作建议
  blocks.push({ kind: 'heading', text: MONTHLY.heading5 });
  for (const text of suggestions(d, previous, { area, basis, asOf })) paragraph(text);

  return { title: MONTHLY.title(place, month), subtitle: REPORT.periodLine(d.period.from, d.period.to), fileName: MONTHLY.fileName(place, year, month), blocks };
}
