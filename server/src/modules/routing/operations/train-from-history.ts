import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { lockInTransaction } from '../../../platform/db/advisory-lock.js';
import type { Database, Db } from '../../../platform/db/database.js';
import { survivorsOfMerged, units } from '../../orgs/index.js';
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

export type ModelKind = 'unit' | 'category';

/** One history model (text → unit or leaf); none while there is only one label to learn. */
export function trainHistoryModel(labelled: LabelledText[]): LinearModel | undefined {
  // One label would be suggested for every text whatever it says: nothing learned yet.
  if (new Set(labelled.map((r) => r.label)).size < 2) return undefined;
  return trainFromRows(labelled, { ...shippedTrainOptions, epochs: HISTORY_EPOCHS, features: { ...shippedTrainOptions.features, hashBits: HISTORY_HASH_BITS } });
}

export function keepFrequent(rows: LabelledText[]): LabelledText[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.label, (counts.get(r.label) ?? 0) + 1);
  return rows.filter((r) => counts.get(r.label)! >= MIN_EXAMPLES);
}

/** An answered request as the models learn from it, oldest first. */
export interface HistoryRow {
  text: string;
  receivedAt: Date;
  repliedAt: Date;
  /** The unit that finally answered it (a merged unit's successor), as a label. */
  unit: string | null;
  /** Its leaf category, when it ended with one. */
  category: string | null;
}

/**
 * The platform's own requests as training rows. The label of a request is the unit that finally
 * answered it (after returns, re-dispatch or a ruling; a merged unit counts as the unit it went
 * into) and the leaf category it ended with.
 */
export async function historyRows(tx: Db, now: Date, sinceDays = 730): Promise<HistoryRow[]> {
  const since = new Date(now.getTime() - sinceDays * 86_400_000);
  const rows = await tx
    .select({
      title: hotlineRequests.title, content: hotlineRequests.content, receivedAt: hotlineRequests.receivedAt, repliedAt: hotlineRequests.repliedAt,
      unitId: units.id, categoryCode: hotlineRequests.categoryCode, level: hotlineCategories.level,
    })
    .from(hotlineRequests)
    .leftJoin(hotlineCategories, sql`${hotlineCategories.code} = ${hotlineRequests.categoryCode}`)
    // Answers the hotline gave itself (直接答复) say nothing about who owns a matter.
    .leftJoin(units, sql`${units.id} = ${hotlineRequests.repliedByUnitId} and ${units.kind} not in ('center', 'government')`)
    .where(and(isNotNull(hotlineRequests.repliedAt), sql`${hotlineRequests.receivedAt} >= ${since.toISOString()}`))
    .orderBy(hotlineRequests.receivedAt, hotlineRequests.caseId);
  const survivors = await survivorsOfMerged(tx);
  return rows.map((r) => ({
    text: requestText(r),
    receivedAt: r.receivedAt,
    repliedAt: r.repliedAt!,
    unit: r.unitId === null ? null : String(survivors.get(r.unitId) ?? r.unitId),
    category: r.level === 3 ? r.categoryCode : null,
  }));
}

export function labelledFor(rows: readonly HistoryRow[], kind: ModelKind): LabelledText[] {
  return rows.flatMap((r) => (r[kind] === null ? [] : [{ text: r.text, label: r[kind]! }]));
}

/** Retrains from the platform's own requests and puts the new models in use at once (the command line, the demo). */
export async function trainFromHistory(database: Database, now: Date, options: { sinceDays?: number } = {}): Promise<HistoryTrainingReport> {
  const started = performance.now();
  const rows = await historyRows(database.db, now, options.sinceDays);
  const trained = await replaceHistoryModels(database, { unit: keepFrequent(labelledFor(rows, 'unit')), category: keepFrequent(labelledFor(rows, 'category')) }, now);
  return { rows: rows.length, unitLabels: trained.unit, categoryLabels: trained.category, seconds: (performance.now() - started) / 1000 };
}

/**
 * Puts a model of a kind in use: the one in use becomes `previous` (the one before is dropped),
 * and a candidate of the kind, evaluated against the old model, is dropped as stale.
 */
export async function installActive(tx: Db, kinds: readonly ModelKind[]): Promise<void> {
  if (kinds.length === 0) return;
  await tx.delete(routingModels).where(and(inArray(routingModels.kind, [...kinds]), inArray(routingModels.status, ['previous', 'candidate'])));
  await tx.update(routingModels).set({ status: 'previous' }).where(and(inArray(routingModels.kind, [...kinds]), eq(routingModels.status, 'active')));
}

/**
 * Trains a model per kind and puts it in use, in one transaction; returns the number of labels
 * each new model knows (0: none trained, the old one stays).
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
    models.push({ id: randomUUID(), kind, trainedAt: now, rows: labelled[kind].length, data: encodeModel(model), status: 'active' });
  }
  if (models.length) {
    await database.transaction(async (tx) => {
      // Two app servers retraining at once take turns: the later one's models are in use, the
      // earlier one's are `previous`.
      await lockInTransaction(tx, 'fazhi.routing.history-models');
      await installActive(tx, models.map((m) => m.kind));
      await tx.insert(routingModels).values(models);
    });
  }
  return counts;
}
