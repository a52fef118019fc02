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
}

export interface SelfTrainingOptions {
  /** Lowest probability of the first model's label for a raw message to join. */
  threshold: number;
}

export interface SelfTrainedModel {
  model: LinearModel;
  /** How many raw messages joined, per label (empty without self-training). */
  pseudoLabelled: Record<string, number>;
}

/** Raw texts the model labels with probability ≥ threshold, with that label. */
export function pseudoLabel(model: LinearModel, pool: readonly RawPoolText[], threshold: number): (LabelledText & { words: readonly string[] })[] {
  const out: (LabelledText & { words: readonly string[] })[] = [];
  for (const p of pool) {
    const prediction = predict(model, featurize(p.text, model.settings));
    if (prediction.probabilities[0]!.probability >= threshold) out.push({ text: p.text, label: prediction.label, words: p.words });
  }
  return out;
}

/**
 * Train on `rows` (with jieba's words `rowWords`); with `selfTraining`, label `pool` with that
 * model and train again on the rows plus the confident raw messages.
 */
export function trainWithRawPool(
  rows: readonly LabelledText[],
  rowWords: readonly (readonly string[])[],
  features: Partial<FeatureSettings>,
  train: Partial<TrainOptions>,
  pool: readonly RawPoolText[],
  selfTraining?: SelfTrainingOptions,
): SelfTrainedModel {
  const settings = settingsForTraining(rows, features, rowWords);
  const first = trainLinearModel(featurizeRows(rows, settings), settings, train);
  if (!selfTraining) return { model: first, pseudoLabelled: {} };
  const joined = pseudoLabel(first, pool, selfTraining.threshold);
  const pseudoLabelled: Record<string, number> = {};
  for (const j of joined) pseudoLabelled[j.label] = (pseudoLabelled[j.label] ?? 0) + 1;
  const all = [...rows, ...joined.map(({ text, label }) => ({ text, label }))];
  const allSettings = settingsForTraining(all, features, [...rowWords, ...joined.map((j) => j.words)]);
  return { model: trainLinearModel(featurizeRows(all, allSettings), allSettings, train), pseudoLabelled };
}
