import type { FigureValue } from '../../../../../contracts/metrics.js';
import { DENOMINATOR, NUMERATOR, NO_VALUE, POINTS_NUMBER_FORMAT } from '../metrics.strings.js';
import type { Cell, SheetColumn } from '../../../platform/xlsx.js';

export type { Cell, SheetColumn, SheetTable } from '../../../platform/xlsx.js';

/** Rates and shares as Excel shows them: two decimals of a percent, rounded at display only. */
export const RATE_FORMAT = '0.00%';
/** A count's change over time: "+93.0%". */
export const CHANGE_FORMAT = '+0.0%;-0.0%;0.0%';

/** A rate as a number formatted as a percentage; "—" without a denominator. */
export const rateCell = (value: number | null): Cell => (value === null ? NO_VALUE : { value, numFmt: RATE_FORMAT });

/** A count's relative change as a percentage; "—" with a zero base. */
export const changeCell = (value: number | null): Cell => (value === null ? NO_VALUE : { value, numFmt: CHANGE_FORMAT });

/** A rate's change in percentage points ("+2.35 个百分点"); "—" when either rate is undefined. */
export const pointsCell = (points: number | null): Cell => (points === null ? NO_VALUE : { value: points, numFmt: POINTS_NUMBER_FORMAT });

/** A rate as three columns: the rate (a number shown as "95.24%"), its numerator and its denominator. */
export function rateColumns<R>(label: string, pick: (row: R) => FigureValue): Array<SheetColumn<R>> {
  return [
    { header: label, width: 10, cell: (row) => rateCell(pick(row).value) },
    { header: `${label}${NUMERATOR}`, width: 8, cell: (row) => pick(row).numerator },
    { header: `${label}${DENOMINATOR}`, width: 8, cell: (row) => pick(row).denominator },
  ];
}
