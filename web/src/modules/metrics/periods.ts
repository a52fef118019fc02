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

export type PresetKey = keyof typeof s.presets;

/** The named periods; functions so a page left open past midnight stays right. */
export const PERIODS: Record<PresetKey, () => Range> = {
  thisMonth: () => upToToday(today().startOf('month')),
  lastMonth: () => [today().subtract(1, 'month').startOf('month'), today().subtract(1, 'month').endOf('month').startOf('day')],
  thisQuarter: () => upToToday(today().month(Math.floor(today().month() / 3) * 3).startOf('month')),
  thisYear: () => upToToday(today().startOf('year')),
  last30Days: () => [today().subtract(29, 'day'), today()],
};

/** The RangePicker's presets. */
export const periodPresets: Array<{ label: string; value: () => Range }> = (Object.keys(PERIODS) as PresetKey[]).map((key) => ({
  label: s.presets[key],
  value: PERIODS[key],
}));

export const thisMonth = (): Range => PERIODS.thisMonth();

export function toDateRange(range: Range): DateRange {
  return { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
}

/** "2026-11-01 至 2026-11-23" */
export function describeRange(range: DateRange): string {
  return range.from === range.to ? range.from : s.rangeText(range.from, range.to);
}
