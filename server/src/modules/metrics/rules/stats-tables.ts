import { FIGURE_KEYS, FIGURE_LABELS, type FigureValue } from '../../../../../contracts/metrics.js';
import type { Dashboard, DateRange, DrillDownKind, DrillDownRow, Ranking, RankingRow, TownshipCell, VolumeSlice } from '../../../../../contracts/statistics.js';
import { AS_OF_LABEL, COLUMN_RANK, COLUMN_TOTAL, COLUMN_UNIT, DENOMINATOR, DRILL_DOWN_TITLES, NUMERATOR, PERIOD_LABEL, STATS_TEXT, TABLE_TEXT, TABLE_TITLES } from '../metrics.strings.js';
import { chinaDateTime } from './period.js';
import { changeCell, pointsCell, rateCell, rateColumns, type Cell, type SheetTable } from './sheet.js';

/**
 * The tables of the dashboard as sheets, each built from the Dashboard or Ranking the JSON
 * routes return, so a workbook always shows the numbers of the page.
 */
export const STATS_TABLE_KEYS = ['ranking', 'volume-by-day', 'volume-by-channel', 'volume-by-type', 'volume-by-category', 'top-categories', 'townships', 'figures'] as const;
export type StatsTableKey = (typeof STATS_TABLE_KEYS)[number];

const periodOf = (range: DateRange) => PERIOD_LABEL(range.from, range.to);
export const exportFileName = (title: string, range: DateRange) => `${title}_${range.from}_${range.to}.xlsx`;

interface RankLine {
  rank: Cell;
  row: RankingRow;
}

/** The ranking: score, volume, and each figure's rate, numerator and denominator; the scope's total last. */
export function rankingTable(ranking: Ranking): SheetTable<RankLine> {
  return {
    sheetName: TABLE_TITLES.ranking,
    title: `${ranking.total.unit.name}${TABLE_TITLES.ranking}`,
    period: periodOf(ranking.period),
    columns: [
      { header: COLUMN_RANK, width: 6, cell: (l) => l.rank },
      { header: COLUMN_UNIT, width: 32, cell: (l) => l.row.unit.name },
      { header: STATS_TEXT.compositeScore, cell: (l) => l.row.compositeScore ?? '—' },
      { header: STATS_TEXT.volume, cell: (l) => l.row.volume },
      ...FIGURE_KEYS.flatMap((k) => rateColumns<RankLine>(FIGURE_LABELS[k], (l) => l.row.figures[k])),
    ],
    rows: ranking.rows.map((row) => ({ rank: row.rank ?? '—', row })),
    total: { rank: COLUMN_TOTAL, row: ranking.total },
  };
}

const volumeHeader = (d: Dashboard) => (d.volume.basis === 'received' ? TABLE_TEXT.received : TABLE_TEXT.dispatched);

export function volumeByDayTable(d: Dashboard): SheetTable<{ date: string; count: number }> {
  return {
    sheetName: TABLE_TITLES['volume-by-day'],
    title: `${d.scope.name}${TABLE_TITLES['volume-by-day']}`,
    period: periodOf(d.period),
    columns: [
      { header: TABLE_TEXT.date, cell: (r) => r.date },
      { header: volumeHeader(d), cell: (r) => r.count },
    ],
    rows: d.volume.byDay,
    total: { date: COLUMN_TOTAL, count: d.volume.total.current },
  };
}

type SliceKey = 'byChannel' | 'byType' | 'byCategory' | 'topCategories';
const SLICES: Record<Exclude<StatsTableKey, 'ranking' | 'volume-by-day' | 'townships' | 'figures'>, { key: SliceKey; name: string }> = {
  'volume-by-channel': { key: 'byChannel', name: TABLE_TEXT.channel },
  'volume-by-type': { key: 'byType', name: TABLE_TEXT.requestType },
  'volume-by-category': { key: 'byCategory', name: TABLE_TEXT.category },
  'top-categories': { key: 'topCategories', name: TABLE_TEXT.topCategory },
};

/** One breakdown of the volume: name, count and share; the total of the breakdown last (not for the top ten). */
export function sliceTable(d: Dashboard, table: keyof typeof SLICES): SheetTable<VolumeSlice> {
  const { key, name } = SLICES[table];
  const slices = d.volume[key];
  const sum = slices.reduce((s, x) => s + x.count, 0);
  return {
    sheetName: TABLE_TITLES[table],
    title: `${d.scope.name}${TABLE_TITLES[table]}`,
    period: periodOf(d.period),
    columns: [
      { header: name, width: 24, cell: (s) => s.label },
      { header: volumeHeader(d), cell: (s) => s.count },
      { header: TABLE_TEXT.share, cell: (s) => rateCell(s.share) },
    ],
    rows: slices,
    // The top ten are a part of the level-2 categories: their shares are of all of them, so no total row.
    total: key === 'topCategories' ? undefined : { key: '', label: COLUMN_TOTAL, count: sum, share: sum === 0 ? null : 1 },
  };
}

export function townshipsTable(d: Dashboard): SheetTable<TownshipCell> {
  const sum = (pick: (t: TownshipCell) => number) => d.townships.reduce((s, t) => s + pick(t), 0);
  const open = sum((t) => t.open);
  const overdue = sum((t) => t.overdue);
  return {
    sheetName: TABLE_TITLES.townships,
    title: `${d.scope.name}${TABLE_TITLES.townships}`,
    period: periodOf(d.period),
    columns: [
      { header: TABLE_TEXT.township, width: 20, cell: (t) => t.unit.name },
      { header: TABLE_TEXT.regionCode, cell: (t) => t.unit.regionCode },
      { header: TABLE_TEXT.requests, cell: (t) => t.requests },
      { header: TABLE_TEXT.open, width: 16, cell: (t) => t.open },
      { header: TABLE_TEXT.overdue, width: 16, cell: (t) => t.overdue },
      { header: TABLE_TEXT.overdueShare, cell: (t) => rateCell(t.overdueShare) },
    ],
    rows: d.townships,
    total: {
      unit: { unitId: 0, name: COLUMN_TOTAL, kind: '', regionCode: null },
      requests: sum((t) => t.requests), open, overdue, overdueShare: open === 0 ? null : overdue / open, row: 0, column: 0,
    },
    notes: [AS_OF_LABEL(chinaDateTime(d.asOf))],
  };
}

interface FigureLine {
  label: string;
  current: FigureValue | number;
  previous: FigureValue | number;
  lastYear: FigureValue | number;
  /** The volume's relative change, or a rate's change in percentage points. */
  fromPrevious: Cell;
  fromLastYear: Cell;
}

/** A figure's three cells (rate, numerator, denominator); a count fills the first only. */
const threeCells = (value: FigureValue | number): [Cell, Cell, Cell] =>
  typeof value === 'number' ? [value, null, null] : [rateCell(value.value), value.numerator, value.denominator];

/**
 * The volume and every figure with the period before and the same period a year earlier, as
 * numbers: the volume's changes relative ("+93.0%"), a rate's in percentage points ("+2.35 个百分点").
 */
export function figuresTable(d: Dashboard): SheetTable<FigureLine> {
  const total = d.volume.total;
  const lines: FigureLine[] = [
    { label: volumeHeader(d), ...total, fromPrevious: changeCell(total.changeFromPrevious), fromLastYear: changeCell(total.changeFromLastYear) },
    ...FIGURE_KEYS.map((k) => {
      const f = d.figures[k];
      return { label: FIGURE_LABELS[k], current: f, previous: f.previous, lastYear: f.lastYear, fromPrevious: pointsCell(f.pointsFromPrevious), fromLastYear: pointsCell(f.pointsFromLastYear) };
    }),
  ];
  const part = (name: string, pick: (l: FigureLine) => FigureValue | number) =>
    [name, `${name}${NUMERATOR}`, `${name}${DENOMINATOR}`].map((header, i) => ({ header, width: i === 0 ? 10 : 8, cell: (l: FigureLine) => threeCells(pick(l))[i] ?? null }));
  return {
    sheetName: TABLE_TITLES.figures,
    title: `${d.scope.name}${TABLE_TITLES.figures}`,
    period: periodOf(d.period),
    columns: [
      { header: TABLE_TEXT.figure, width: 14, cell: (l) => l.label },
      ...part(TABLE_TEXT.current, (l) => l.current),
      ...part(TABLE_TEXT.previous, (l) => l.previous),
      ...part(TABLE_TEXT.lastYear, (l) => l.lastYear),
      { header: TABLE_TEXT.changeFromPrevious, width: 18, cell: (l) => l.fromPrevious },
      { header: TABLE_TEXT.changeFromLastYear, width: 18, cell: (l) => l.fromLastYear },
    ],
    rows: lines,
    notes: [
      TABLE_TEXT.comparedPeriods(`${d.previousPeriod.from} 至 ${d.previousPeriod.to}`, `${d.lastYearPeriod.from} 至 ${d.lastYearPeriod.to}`),
      TABLE_TEXT.changeNote,
    ],
  };
}

/** The requests behind a live count, as the drill-down lists them (nearest limit first). */
export function drillDownTable(
  scopeName: string,
  kind: DrillDownKind,
  asOf: Date,
  found: { rows: DrillDownRow[]; total: number },
  stateLabel: (state: string) => string,
): SheetTable<DrillDownRow> {
  const { rows, total } = found;
  return {
    sheetName: DRILL_DOWN_TITLES[kind],
    title: `${scopeName}${DRILL_DOWN_TITLES[kind]}`,
    period: AS_OF_LABEL(chinaDateTime(asOf.toISOString())),
    columns: [
      { header: TABLE_TEXT.trackingCode, width: 20, cell: (r) => r.trackingCode },
      { header: TABLE_TEXT.title, width: 40, cell: (r) => r.title },
      { header: TABLE_TEXT.handlingUnit, width: 28, cell: (r) => r.unitName },
      { header: TABLE_TEXT.receivedAt, width: 18, cell: (r) => chinaDateTime(r.receivedAt) },
      { header: TABLE_TEXT.dueAt, width: 18, cell: (r) => (r.dueAt ? chinaDateTime(r.dueAt) : null) },
      { header: TABLE_TEXT.state, width: 10, cell: (r) => stateLabel(r.state) },
    ],
    rows,
    notes: total > rows.length ? [TABLE_TEXT.truncated(rows.length, total)] : [],
  };
}
