import type { RankKey } from '../../../../contracts/metrics';
import type { Ranking } from '../../../../contracts/statistics';
import { api, withQuery } from '../../api/client';

export interface MetricsQuery {
  unitId: number;
  from: string;
  to: string;
  rankBy?: RankKey;
}

export function fetchRanking(query: MetricsQuery, signal?: AbortSignal): Promise<Ranking> {
  return api.get('/api/metrics', { query: { ...query }, signal });
}

export function exportUrl(query: MetricsQuery): string {
  return withQuery('/api/metrics/export.xlsx', { ...query });
}
