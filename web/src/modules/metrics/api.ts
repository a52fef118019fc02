import { api, withQuery } from '../../api/client';

export const FIGURE_KEYS = ['responseRate', 'onTimeRate', 'replyRate', 'resolutionRate', 'satisfactionRate', 'returnRate'] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export interface Figure {
  numerator: number;
  denominator: number;
  value: number | null;
}

export interface MetricsRow {
  unitId: number;
  unitName: string;
  rank: number | null;
  figures: Partial<Record<FigureKey, Figure>>;
}

export interface MetricsQuery {
  unitId: number;
  from: string;
  to: string;
}

export interface MetricsResult {
  /** The chosen unit as a whole (合计). */
  total?: MetricsRow;
  rows: MetricsRow[];
}

export function fetchMetrics(query: MetricsQuery, signal?: AbortSignal): Promise<MetricsResult> {
  return api.get('/api/metrics', { query: { ...query }, signal });
}

export function exportUrl(query: MetricsQuery): string {
  return withQuery('/api/metrics/export.xlsx', { ...query });
}
