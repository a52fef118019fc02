import { randomUUID } from 'node:crypto';
import { and, inArray, isNotNull, sql } from 'drizzle-orm';
import { lockInTransaction } from '../../../platform/db/advisory-lock.js';
import type { Database } from '../../../platform/db/database.js';
import { units } from '../../orgs/index.js';
import { hotlineCategories, hotlineRequests } from '../../requests/index.js';
import { encodeModel } from '../model-file.js';
import { routingModels } from '../routing.tables.js';
import { requestText } from './request-text.js';
import { shippedTrainOptions } from './shipped-settings.js';
import { trainFromRows, type LabelledText } from './train-classifier.js';
import type { LinearModel } from '../rules/linear-model.js';

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

/** One history model (text → unit or leaf); none while there is only one label to learn. */
export function trainHistoryModel(labelled: LabelledText[]): LinearModel | undefined {
  // One label would be suggested for every text whatever it says: nothing learned yet.
  if (new Set(labelled.map((r) => r.label)).size < 2) return undefined;
  return trainFromRows(labelled, { ...shippedTrainOptions, epochs: HISTORY_EPOCHS, features: { ...shippedTrainOptions.features, hashBits: HISTORY_HASH_BITS } });
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
  const trained = await replaceHistoryModels(database, { unit: unitRows, category: categoryRows }, now);
  return {
    rows: rows.length,
    unitLabels: trained.unit,
    categoryLabels: trained.category,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * Trains a model per kind and replaces the one in use, in one transaction; returns the number
 * of labels each new model knows (0: none trained, the old one stays).
 */
export async function replaceHistoryModels(
  database: Database,
  labelled: { unit: LabelledText[]; category: LabelledText[] },
  now: Date,
): Promise<{ unit: number; category: number }> {
  const models: Array<typeof routingModels.$inferInsert> = [];
  const counts = { unit: 0, category: 0 };
  for (const kind of ['unit', 'category'] as const) {
    const model = trainHistoryModel(labelled[kind]);
    if (!model) continue;
    counts[kind] = model.labels.length;
    models.push({ id: randomUUID(), kind, trainedAt: now, rows: labelled[kind].length, data: encodeModel(model) });
  }
  if (models.length) {
    await database.transaction(async (tx) => {
      // Two app servers retraining at once would each delete only the old model and both
      // insert theirs; in turn, the later one replaces the earlier.
      await lockInTransaction(tx, 'fazhi.routing.history-models');
      // Only the newest model of a kind is used; older ones would only take space.
      await tx.delete(routingModels).where(inArray(routingModels.kind, models.map((m) => m.kind)));
      await tx.insert(routingModels).values(models);
    });
  }
  return counts;
}
