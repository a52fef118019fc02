import { type TrainClassifierOptions } from './train-classifier.js';

/**
 * Settings of the shipped model, as chosen by build-shipped-model.ts on an inner validation
 * split of the training part (see data/level1-model.json). Used by `routing train` too.
 */
export const shippedTrainOptions: TrainClassifierOptions = {
  features: { hashBits: 18, charMin: 1, charMax: 2, words: true, wordBigrams: false, stopwords: true },
  epochs: 12,
  learningRate: 0.5,
  l2: 3e-4,
  balanced: true,
  seed: 20200512,
};

/** Candidates tried on the inner validation split (the first is the baseline). */
export const candidateOptions: TrainClassifierOptions[] = [
  ...[1e-3, 3e-3].map((l2) => ({ ...shippedTrainOptions, l2, features: { ...shippedTrainOptions.features, charMax: 0 } })),
  ...[3e-4, 1e-3].map((l2) => ({ ...shippedTrainOptions, l2 })),
];

export const SPLIT_SEED = 2020;
export const TEST_FRACTION = 0.2;
export const INNER_SEED = 7;
