import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { CandidateEvaluation, KindEvaluation, ModelFigures, ModelsOverview } from '../../../../../contracts/routing.js';
import { lockInTransaction } from '../../../platform/db/advisory-lock.js';
import type { Database, Db } from '../../../platform/db/database.js';
import { recordSecurityEvent } from '../../../platform/security-log/security-log.js';
import { survivorsOfMerged } from '../../orgs/index.js';
import { decodeModel, encodeModel } from '../model-file.js';
import { routingError } from '../routing.errors.js';
import { routingModels } from '../routing.tables.js';
import { featurize } from '../rules/features.js';
import { predict, type LinearModel } from '../rules/linear-model.js';
import { evaluate } from './evaluate-classifier.js';
import { historyRows, keepFrequent, labelledFor, trainHistoryModel, type HistoryRow, type ModelKind } from './train-from-history.js';

/** The newest requests held out of training to score both models on. */
export const HELD_OUT_SHARE = 0.2;
/** Fewer held-out requests than this make no comparison worth showing. */
const MIN_HELD_OUT = 5;
const KINDS: readonly ModelKind[] = ['unit', 'category'];

/** The model's figures on the held-out rows; `relabel` maps an old label to today's (a merged unit to its successor). */
export function scoreModel(model: LinearModel, rows: ReadonlyArray<{ text: string; label: string }>, relabel: (label: string) => string = (l) => l): ModelFigures {
  const truth: string[] = [];
  const predicted: string[] = [];
  let top3 = 0;
  for (const r of rows) {
    const ranked = [...new Set(predict(model, featurize(r.text, model.settings)).probabilities.map((p) => relabel(p.label)))];
    truth.push(r.label);
    predicted.push(ranked[0]!);
    if (ranked.slice(0, 3).includes(r.label)) top3++;
  }
  const e = evaluate(truth, predicted);
  return { accuracy: e.accuracy, top3: rows.length ? top3 / rows.length : 0, macroF1: e.macroF1 };
}

/**
 * The requests both models are scored on. Best are those answered since the models in use were
 * trained: neither model learned from them. When too few, the newest 20 % (the models in use may
 * have seen those, and the page says so).
 */
async function heldOutSplit(tx: Db, rows: HistoryRow[]): Promise<{ train: HistoryRow[]; heldOut: HistoryRow[]; heldOutBy: CandidateEvaluation['heldOutBy'] }> {
  const active = await tx.select({ trainedAt: routingModels.trainedAt }).from(routingModels).where(eq(routingModels.status, 'active'));
  if (active.length) {
    const since = Math.min(...active.map((m) => m.trainedAt.getTime()));
    const unseen = rows.filter((r) => r.repliedAt.getTime() > since);
    if (unseen.length >= 2 * MIN_HELD_OUT && unseen.length <= rows.length / 2) {
      return { train: rows.filter((r) => r.repliedAt.getTime() <= since), heldOut: unseen, heldOutBy: 'answered_since_current' };
    }
  }
  const cut = Math.floor(rows.length * (1 - HELD_OUT_SHARE));
  return { train: rows.slice(0, cut), heldOut: rows.slice(cut), heldOutBy: 'newest' };
}

async function modelOf(tx: Db, kind: ModelKind, status: 'active' | 'candidate' | 'previous') {
  const [row] = await tx.select().from(routingModels).where(and(eq(routingModels.kind, kind), eq(routingModels.status, status))).orderBy(sql`${routingModels.trainedAt} desc`).limit(1);
  return row;
}

/**
 * Trains candidate models on the older answered requests and scores them and the models in use
 * on the newest ones (the same rows for both: what the next months' requests will look like).
 * Nothing changes what dispatch uses until an administrator switches the candidate on.
 */
export async function trainCandidate(database: Database, trainedBy: number, now: Date): Promise<CandidateEvaluation> {
  const rows = await historyRows(database.db, now);
  const { train, heldOut, heldOutBy } = await heldOutSplit(database.db, rows);
  const survivors = await survivorsOfMerged(database.db);
  const relabel = (label: string) => String(survivors.get(Number(label)) ?? label);
  const evaluation: CandidateEvaluation = {
    heldOutFrom: (heldOut[0]?.receivedAt ?? now).toISOString(), heldOutBy, heldOutShare: rows.length ? heldOut.length / rows.length : 0, unit: null, category: null,
  };
  const stored: Array<typeof routingModels.$inferInsert> = [];
  for (const kind of KINDS) {
    const trainRows = keepFrequent(labelledFor(train, kind));
    const test = labelledFor(heldOut, kind);
    const model = test.length >= MIN_HELD_OUT ? trainHistoryModel(trainRows) : undefined;
    if (!model) continue;
    const current = await modelOf(database.db, kind, 'active');
    const result: KindEvaluation = {
      heldOut: test.length, labels: model.labels.length, trainRows: trainRows.length,
      candidate: scoreModel(model, test),
      current: current ? scoreModel(decodeModel(Buffer.from(current.data)), test, kind === 'unit' ? relabel : undefined) : null,
      currentMayHaveSeen: current ? heldOut.filter((r) => r[kind] !== null && r.repliedAt < current.trainedAt).length : 0,
    };
    evaluation[kind] = result;
    stored.push({ id: randomUUID(), kind, trainedAt: now, rows: trainRows.length, data: encodeModel(model), status: 'candidate', trainedBy });
  }
  if (stored.length === 0) throw routingError(rows.length === 0 ? 'NOTHING_TO_LEARN' : 'TOO_FEW_TO_COMPARE');
  await database.transaction(async (tx) => {
    await lockInTransaction(tx, 'fazhi.routing.history-models');
    // One candidate at a time: a new retraining replaces the one not yet decided on.
    await tx.delete(routingModels).where(eq(routingModels.status, 'candidate'));
    await tx.insert(routingModels).values(stored.map((m) => ({ ...m, evaluation })));
    await recordSecurityEvent(tx, { kind: 'routing_candidate_trained', at: now, actorUserId: trainedBy, details: { figures: summary(evaluation) } });
  });
  return evaluation;
}

/** The figures the security log keeps: per kind, candidate against the model in use. */
function summary(e: CandidateEvaluation | null) {
  if (!e) return null;
  const round = (f: ModelFigures | null) => (f ? { accuracy: Number(f.accuracy.toFixed(4)), top3: Number(f.top3.toFixed(4)) } : null);
  return Object.fromEntries(KINDS.filter((k) => e[k]).map((k) => [k, { heldOut: e[k]!.heldOut, candidate: round(e[k]!.candidate), current: round(e[k]!.current) }]));
}

/** Switches the candidate on: it is used for suggestions and automatic dispatch, and the model it replaces can be restored. */
export async function activateCandidate(database: Database, actorUserId: number, now: Date): Promise<void> {
  await database.transaction(async (tx) => {
    await lockInTransaction(tx, 'fazhi.routing.history-models');
    const candidates = await tx.select({ id: routingModels.id, kind: routingModels.kind, evaluation: routingModels.evaluation }).from(routingModels).where(eq(routingModels.status, 'candidate'));
    if (candidates.length === 0) throw routingError('NO_CANDIDATE');
    const kinds = candidates.map((c) => c.kind);
    await tx.delete(routingModels).where(and(inArray(routingModels.kind, kinds), eq(routingModels.status, 'previous')));
    await tx.update(routingModels).set({ status: 'previous' }).where(and(inArray(routingModels.kind, kinds), eq(routingModels.status, 'active')));
    await tx.update(routingModels).set({ status: 'active' }).where(inArray(routingModels.id, candidates.map((c) => c.id)));
    await recordSecurityEvent(tx, { kind: 'routing_model_activated', at: now, actorUserId, details: { kinds, figures: summary(candidates[0]!.evaluation as CandidateEvaluation) } });
  });
}

/** Puts the models in use before the last switch back in use (and the current ones aside, to switch again). */
export async function restorePrevious(database: Database, actorUserId: number, now: Date): Promise<void> {
  await database.transaction(async (tx) => {
    await lockInTransaction(tx, 'fazhi.routing.history-models');
    const previous = await tx.select({ kind: routingModels.kind, trainedAt: routingModels.trainedAt }).from(routingModels).where(eq(routingModels.status, 'previous'));
    if (previous.length === 0) throw routingError('NO_PREVIOUS_MODEL');
    const kinds = previous.map((p) => p.kind);
    await tx.update(routingModels)
      .set({ status: sql`case ${routingModels.status} when 'active' then 'previous' else 'active' end` })
      .where(and(inArray(routingModels.kind, kinds), inArray(routingModels.status, ['active', 'previous'])));
    // A candidate was scored against the model now set aside.
    await tx.delete(routingModels).where(eq(routingModels.status, 'candidate'));
    await recordSecurityEvent(tx, { kind: 'routing_model_restored', at: now, actorUserId, details: { kinds, restoredTrainedAt: previous.map((p) => p.trainedAt.toISOString()) } });
  });
}

export async function discardCandidate(database: Database, actorUserId: number, now: Date): Promise<void> {
  await database.transaction(async (tx) => {
    await lockInTransaction(tx, 'fazhi.routing.history-models');
    const removed = await tx.delete(routingModels).where(eq(routingModels.status, 'candidate')).returning({ kind: routingModels.kind });
    if (removed.length === 0) throw routingError('NO_CANDIDATE');
    await recordSecurityEvent(tx, { kind: 'routing_candidate_discarded', at: now, actorUserId, details: { kinds: removed.map((r) => r.kind) } });
  });
}

export async function modelsOverview(tx: Db): Promise<ModelsOverview> {
  const rows = await tx
    .select({ id: routingModels.id, kind: routingModels.kind, status: routingModels.status, trainedAt: routingModels.trainedAt, rows: routingModels.rows, trainedBy: routingModels.trainedBy, evaluation: routingModels.evaluation })
    .from(routingModels)
    .orderBy(asc(routingModels.status), asc(routingModels.kind));
  const candidate = rows.find((r) => r.status === 'candidate');
  return {
    models: rows.map(({ evaluation: _, ...r }) => ({ ...r, trainedAt: r.trainedAt.toISOString() })),
    candidate: (candidate?.evaluation as CandidateEvaluation | undefined) ?? null,
  };
}
