import type { FigureValue } from '../../../../../contracts/metrics.js';
import { DENOMINATOR, NUMERATOR } from '../metrics.strings.js';
import { formatRate } from './figure.js';
import type { SheetColumn } from '../../../platform/xlsx.js';

export type { Cell, SheetColumn, SheetTable } from '../../../platform/xlsx.js';

/** A rate as three columns: the shown text ("95.24%"), its numerator and its denominator. */
export function rateColumns<R>(label: string, pick: (row: R) => FigureValue): Array<SheetColumn<R>> {
  return [
    { header: label, width: 10, cell: (row) => formatRate(pick(row).value) },
    { header: `${label}${NUMERATOR}`, width: 8, cell: (row) => pick(row).numerator },
    { header: `${label}${DENOMINATOR}`, width: 8, cell: (row) => pick(row).denominator },
  ];
}
