// Self-training on raw messages: the training rows are segmented and cleaned, live messages
// are not, and no raw message carries a label. A model trained on the rows labels the raw
// messages; those it labels with probability ≥ threshold join the rows as raw text and a second
// model is trained on both, so raw wording and raw vocabulary get weights of their own.
import { featurize, type FeatureSettings } from '../rules/features.js';
import { predict, trainLinearModel, type LinearModel, type TrainOptions } from '../rules/linear-model.js';
import { featurizeRows, settingsForTraining, type LabelledText } from './train-classifier.js';

export interface RawPoolText {
  text: string;
  /** jieba's words of the text (for the vocabulary), computed once. */
  words: readonly string[];
  /** The government's reply, where there is one: a second view of the same request. */
  reply?: string;
}

export interface SelfTrainingOptions {
  /** Lowest probability of the first model's label for a raw message to join. */
  threshold: number;
  /**
   * What the first model reads to label a message: its own text (default), the reply where there
   * is one (the reply's wording is the officials', close to the rows'), or both, which must agree
   * (the lower of the two probabilities is held against the threshold).
   */
  labelBy?: 'message' | 'reply' | 'agree';
  /**
   * Keep each class's share of the joined messages at its share of the rows (the most probable
   * first): the raw files are mostly 城乡建设, and its raw wording would otherwise pull generic
   * words towards it.
   */
  rowShares?: boolean;
}

/** A raw message labelled without a model (the department its reply names), with jieba's words. */
export type LabelledRawText = LabelledText & { words: readonly string[] };

export interface SelfTrainedModel {
  model: LinearModel;
  /** How many raw messages joined, per label (empty without self-training). */
  pseudoLabelled: Record<string, number>;
}

/** Raw texts the model labels with probability ≥ threshold, with that label. */
export function pseudoLabel(model: LinearModel, pool: readonly RawPoolText[], threshold: number, labelBy: SelfTrainingOptions['labelBy'] = 'message'): (LabelledRawText & { probability: number })[] {
  const out: (LabelledRawText & { probability: number })[] = [];
  const top = (text: string) => {
    const prediction = predict(model, featurize(text, model.settings));
    return { label: prediction.label, probability: prediction.probabilities[0]!.probability };
  };
  for (const p of pool) {
    let chosen: { label: string; probability: number };
    if (labelBy === 'message' || !p.reply) chosen = top(p.text);
    else if (labelBy === 'reply') chosen = top(p.reply);
    else {
      const [a, b] = [top(p.text), top(p.reply)];
      chosen = a.label === b.label ? { label: a.label, probability: Math.min(a.probability, b.probability) } : { label: a.label, probability: 0 };
    }
    if (chosen.probability >= threshold) out.push({ text: p.text, label: chosen.label, words: p.words, probability: chosen.probability });
  }
  return out;
}

/** The most probable of `joined` per class, each class at most its share of `rows` times the number joined. */
export function keepRowShares<T extends { label: string; probability: number }>(joined: readonly T[], rows: readonly LabelledText[]): T[] {
  const rowCount = new Map<string, number>();
  for (const r of rows) rowCount.set(r.label, (rowCount.get(r.label) ?? 0) + 1);
  const taken = new Map<string, number>();
  const out: T[] = [];
  for (const j of [...joined].sort((a, b) => b.probability - a.probability)) {
    const cap = Math.ceil(((rowCount.get(j.label) ?? 0) / rows.length) * joined.length);
    const n = taken.get(j.label) ?? 0;
    if (n >= cap) continue;
    taken.set(j.label, n + 1);
    out.push(j);
  }
  return out;
}

/**
 * Train on `rows` (with jieba's words `rowWords`) and `labelledRaw` (raw messages labelled by
 * their reply, which should not be in `pool` too); with `selfTraining`, label `pool` with that
 * model and train again on all of them plus the confident raw messages.
 */
export function trainWithRawPool(
  rows: readonly LabelledText[],
  rowWords: readonly (readonly string[])[],
  features: Partial<FeatureSettings>,
  train: Partial<TrainOptions>,
  pool: readonly RawPoolText[],
  selfTraining?: SelfTrainingOptions,
  labelledRaw: readonly LabelledRawText[] = [],
): SelfTrainedModel {
  if (labelledRaw.length) {
    rows = [...rows, ...labelledRaw.map(({ text, label }) => ({ text, label }))];
    rowWords = [...rowWords, ...labelledRaw.map((r) => r.words)];
  }
  const settings = settingsForTraining(rows, features, rowWords);
  const first = trainLinearModel(featurizeRows(rows, settings), settings, train);
  if (!selfTraining) return { model: first, pseudoLabelled: {} };
  const sure = pseudoLabel(first, pool, selfTraining.threshold, selfTraining.labelBy);
  const joined = selfTraining.rowShares ? keepRowShares(sure, rows) : sure;
  const pseudoLabelled: Record<string, number> = {};
  for (const j of joined) pseudoLabelled[j.label] = (pseudoLabelled[j.label] ?? 0) + 1;
  const all = [...rows, ...joined.map(({ text, label }) => ({ text, label }))];
  const allSettings = settingsForTraining(all, features, [...rowWords, ...joined.map((j) => j.words)]);
  return { model: trainLinearModel(featurizeRows(all, allSettings), allSettings, train), pseudoLabelled };
}
