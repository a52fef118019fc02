import { and, eq, isNull } from 'drizzle-orm';
import type { DateRange, PublicStatistics, PublicStatisticsSettings } from '../../../../../contracts/statistics.js';
import type { Database, Db } from '../../../platform/db/database.js';
import { regions, units, type UnitRow } from '../../orgs/index.js';
import { metricsError } from '../metrics.errors.js';
import { PUBLIC_TEXT } from '../metrics.strings.js';
import { publicStatisticsSettings } from '../metrics.tables.js';
import { publicView, storedSettings, unknownFigureKeys } from '../rules/public-statistics.js';
import { computeDashboard } from './compute-dashboard.js';

const SETTINGS_ROW = 1;

// The table has one jsonb column, `figures`; it holds the whole PublicStatisticsSettings
// (published, figures, show…), so publishing more later needs no migration.
export async function readPublicSettings(db: Db): Promise<PublicStatisticsSettings> {
  const [row] = await db.select().from(publicStatisticsSettings).where(eq(publicStatisticsSettings.id, SETTINGS_ROW));
  return storedSettings(row?.figures);
}

/** Replaces the settings; an unknown figure key refuses the whole body and nothing changes. */
export async function savePublicSettings(database: Database, input: PublicStatisticsSettings, userId: number, now: Date): Promise<PublicStatisticsSettings> {
  const unknown = unknownFigureKeys(input.figures);
  if (unknown.length > 0) throw metricsError('PUBLIC_FIGURE_UNKNOWN', unknown.map((key) => ({ field: 'figures', message: PUBLIC_TEXT.unknownFigure(key) })));
  const settings = storedSettings(input);
  await database.db.insert(publicStatisticsSettings).values({ id: SETTINGS_ROW, figures: settings, updatedAt: now, updatedBy: userId })
    .onConflictDoUpdate({ target: publicStatisticsSettings.id, set: { figures: settings, updatedAt: now, updatedBy: userId } });
  return settings;
}

/** The government at the root of the unit tree: the county (or city) the platform serves. */
export async function rootGovernment(db: Db): Promise<UnitRow | undefined> {
  const [row] = await db.select().from(units).where(and(isNull(units.parentId), eq(units.kind, 'government'))).orderBy(units.id).limit(1);
  return row;
}

/** What a report or the public page calls a unit's area: its region's name ("兰山区"), else the unit's own name. */
export async function placeName(db: Db, unit: Pick<UnitRow, 'name' | 'regionCode'>): Promise<string> {
  if (!unit.regionCode) return unit.name;
  const [region] = await db.select().from(regions).where(eq(regions.code, unit.regionCode));
  return region?.name ?? unit.name;
}

/** The public statistics of the root government for a period, or "unpublished". */
export async function publicStatistics(database: Database, range: DateRange, now: Date): Promise<PublicStatistics> {
  const settings = await readPublicSettings(database.db);
  const root = settings.published ? await rootGovernment(database.db) : undefined;
  if (!root) throw metricsError('PUBLIC_STATISTICS_UNPUBLISHED');
  const dashboard = await computeDashboard(database, root, range, now);
  return publicView(dashboard, settings, await placeName(database.db, root));
}
