import { randomUUID } from 'node:crypto';
import { and, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/database.js';
import { units } from '../../orgs/index.js';
import { hotlineCategories, hotlineRequests } from '../../requests/index.js';
import { encodeModel } from '../model-file.js';
import { routingModels } from '../routing.tables.js';
import { requestText } from './request-text.js';
import { shippedTrainOptions } from './shipped-settings.js';
import { trainFromRows, type LabelledText } from './train-classifier.js';

// History models have many more labels than the seven level-1 classes; fewer hash buckets
// keep them a few megabytes (buckets × labels × 4 bytes) and training in minutes.
const HISTORY_HASH_BITS = 14;
const HISTORY_EPOCHS = 6;
/** A label needs this many examples before the model may suggest it. */
const MIN_EXAMPLES = 2;

export interface HistoryTrainingReport {
  rows: number;
  unitLabels: number;
  categoryLabels: number;
  seconds: number;
}

function keepFrequent(rows: LabelledText[]): LabelledText[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.label, (counts.get(r.label) ?? 0) + 1);
  return rows.filter((r) => counts.get(r.label)! >= MIN_EXAMPLES);
}

/**
 * Retrains from the platform's own requests. The label of a request is the unit that finally
 * answered it (after returns, re-dispatch or a ruling) and the leaf category it ended with.
 */
export async function trainFromHistory(database: Database, now: Date, options: { sinceDays?: number } = {}): Promise<HistoryTrainingReport> {
  const started = performance.now();
  const since = new Date(now.getTime() - (options.sinceDays ?? 730) * 86_400_000);
  const rows = await database.db
    .select({ title: hotlineRequests.title, content: hotlineRequests.content, unitId: units.id, categoryCode: hotlineRequests.categoryCode, level: hotlineCategories.level })
    .from(hotlineRequests)
    .leftJoin(hotlineCategories, sql`${hotlineCategories.code} = ${hotlineRequests.categoryCode}`)
    // Answers the hotline gave itself (直接答复) say nothing about who owns a matter.
    .leftJoin(units, sql`${units.id} = ${hotlineRequests.repliedByUnitId} and ${units.kind} not in ('center', 'government')`)
    .where(and(isNotNull(hotlineRequests.repliedAt), sql`${hotlineRequests.receivedAt} >= ${since.toISOString()}`));
  const unitRows = keepFrequent(rows.filter((r) => r.unitId !== null).map((r) => ({ text: requestText(r), label: String(r.unitId) })));
  const categoryRows = keepFrequent(rows.filter((r) => r.level === 3).map((r) => ({ text: requestText(r), label: r.categoryCode! })));
  const options_ = { ...shippedTrainOptions, epochs: HISTORY_EPOCHS, features: { ...shippedTrainOptions.features, hashBits: HISTORY_HASH_BITS } };
  const models: Array<typeof routingModels.$inferInsert> = [];
  for (const [kind, labelled] of [['unit', unitRows], ['category', categoryRows]] as const) {
    // One label would be suggested for every text whatever it says: nothing learned yet.
    if (new Set(labelled.map((r) => r.label)).size < 2) continue;
    const model = trainFromRows(labelled, options_);
    models.push({ id: randomUUID(), kind, trainedAt: now, rows: labelled.length, data: encodeModel(model) });
  }
  if (models.length) {
    await database.transaction(async (tx) => {
      // Only the newest model of a kind is used; older ones would only take space.
      await tx.delete(routingModels).where(inArray(routingModels.kind, models.map((m) => m.kind)));
      await tx.insert(routingModels).values(models);
    });
  }
  const labelCount = (kind: string, labelled: LabelledText[]) => (models.some((m) => m.kind === kind) ? new Set(labelled.map((r) => r.label)).size : 0);
  return {
    rows: rows.length,
    unitLabels: labelCount('unit', unitRows),
    categoryLabels: labelCount('category', categoryRows),
    seconds: (performance.now() - started) / 1000,
  };
}
