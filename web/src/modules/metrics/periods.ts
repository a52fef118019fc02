import dayjs, { type Dayjs } from 'dayjs';
import type { DateRange } from '../../../../contracts/statistics';
import { metricsStrings as s } from './strings';

export type Range = [Dayjs, Dayjs];

// Periods that are still running end today: a day not yet lived would count as zero
// requests and pull the comparison with the period before down.
const upToToday = (start: Dayjs): Range => [start, dayjs().startOf('day')];

/** The RangePicker's presets; functions so a page left open past midnight stays right. */
export const periodPresets: Array<{ label: string; value: () => Range }> = [
  { label: s.presets.thisMonth, value: () => upToToday(dayjs().startOf('month')) },
  { label: s.presets.lastMonth, value: () => [dayjs().subtract(1, 'month').startOf('month'), dayjs().subtract(1, 'month').endOf('month').startOf('day')] },
  { label: s.presets.thisQuarter, value: () => upToToday(dayjs().month(Math.floor(dayjs().month() / 3) * 3).startOf('month')) },
  { label: s.presets.thisYear, value: () => upToToday(dayjs().startOf('year')) },
  { label: s.presets.last30Days, value: () => [dayjs().subtract(29, 'day').startOf('day'), dayjs().startOf('day')] },
];

export const thisMonth = (): Range => upToToday(dayjs().startOf('month'));

export function toDateRange(range: Range): DateRange {
  return { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
}

/** "2026-11-01 至 2026-11-23" */
export function describeRange(range: DateRange): string {
  return range.from === range.to ? range.from : s.rangeText(range.from, range.to);
}
