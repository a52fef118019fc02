import type { RankKey } from '../../../../contracts/metrics';
import type {
  Dashboard,
  DrillDownKind,
  DrillDownRow,
  PublicStatistics,
  PublicStatisticsSettings,
  Ranking,
} from '../../../../contracts/statistics';
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

/** The 月报 of a unit for a calendar month ("2026-03"). */
export function monthlyReportUrl(unitId: number, month: string): string {
  return withQuery('/api/stats/reports/monthly.docx', { unitId, month });
}

/** The 接诉即办 part of the annual report of a unit. */
export function annualReportUrl(unitId: number, year: number): string {
  return withQuery('/api/stats/reports/annual.docx', { unitId, year });
}

export function fetchDashboard(query: MetricsQuery, signal?: AbortSignal): Promise<Dashboard> {
  return api.get('/api/stats/dashboard', { query: { ...query }, signal });
}

export interface DrillDownQuery {
  unitId: number;
  kind: DrillDownKind;
  page: number;
  pageSize: number;
}

export function fetchDrillDown(query: DrillDownQuery, signal?: AbortSignal): Promise<{ total: number; rows: DrillDownRow[] }> {
  return api.get('/api/stats/cases', { query: { ...query }, signal });
}

/** No login: the public page calls this without a session. */
export function fetchPublicStatistics(signal?: AbortSignal): Promise<PublicStatistics> {
  return api.get('/api/public/statistics', { signal, quiet401: true });
}

export function fetchPublicSettings(): Promise<PublicStatisticsSettings> {
  return api.get('/api/stats/public-settings');
}

/** The answer's body is not relied on: the page keeps what it sent. */
export function savePublicSettings(settings: PublicStatisticsSettings): Promise<unknown> {
  return api.put('/api/stats/public-settings', settings);
}
