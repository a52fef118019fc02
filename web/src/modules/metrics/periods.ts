import dayjs, { type Dayjs } from 'dayjs';
import type { DateRange } from '../../../../contracts/statistics';
import { chinaToday } from '../../ui/format';
import { metricsStrings as s } from './strings';

export type Range = [Dayjs, Dayjs];

// Today as China counts it (the rollups' days), even in a browser set to another zone.
const today = (): Dayjs => dayjs(chinaToday());

// Periods that are still running end today: a day not yet lived would count as zero
// requests and pull the comparison with the period before down.
const upToToday = (start: Dayjs): Range => [start, today()];

/** The RangePicker's presets; functions so a page left open past midnight stays right. */
export const periodPresets: Array<{ label: string; value: () => Range }> = [
  { label: s.presets.thisMonth, value: () => upToToday(today().startOf('month')) },
  { label: s.presets.lastMonth, value: () => [today().subtract(1, 'month').startOf('month'), today().subtract(1, 'month').endOf('month').startOf('day')] },
  { label: s.presets.thisQuarter, value: () => upToToday(today().month(Math.floor(today().month() / 3) * 3).startOf('month')) },
  { label: s.presets.thisYear, value: () => upToToday(today().startOf('year')) },
  { label: s.presets.last30Days, value: () => [today().subtract(29, 'day'), today()] },
];

export const thisMonth = (): Range => upToToday(today().startOf('month'));

export function toDateRange(range: Range): DateRange {
  return { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
}

/** "2026-11-01 至 2026-11-23" */
export function describeRange(range: DateRange): string {
  return range.from === range.to ? range.from : s.rangeText(range.from, range.to);
}
