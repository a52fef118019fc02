import { type TrainClassifierOptions } from './train-classifier.js';

/**
 * Settings of the shipped model, as chosen by build-shipped-model.ts on an inner validation
 * split of the training part (see data/level1-model.json). Used by `routing train` too.
 */
export const shippedTrainOptions: TrainClassifierOptions = {
  features: { hashBits: 17, charMin: 1, charMax: 2, words: true, wordBigrams: false, stopwords: true, segmenter: 'vocabulary', vocabularyMinCount: 2 },
  epochs: 12,
  learningRate: 0.5,
  l2: 3e-4,
  balanced: true,
  seed: 20200512,
};

const base = shippedTrainOptions;
const withFeatures = (features: TrainClassifierOptions['features'], l2 = base.l2): TrainClassifierOptions => ({ ...base, l2, features: { ...base.features, ...features } });

/**
 * Candidates tried on the inner validation split: character n-grams only (no segmenter), and
 * the vocabulary segmenter with words and/or character n-grams at several table sizes. The
 * build picks the best inner macro-F1 among those it measures at ≥ 20,000 texts/s.
 */
export const candidateOptions: TrainClassifierOptions[] = [
  withFeatures({ segmenter: 'none', words: false, charMax: 2 }),
  withFeatures({ segmenter: 'none', words: false, charMax: 3 }),
  withFeatures({ charMax: 0 }),
  withFeatures({ charMin: 2, charMax: 2 }),
  withFeatures({ hashBits: 16 }),
  withFeatures({}),
  withFeatures({ hashBits: 18 }),
  withFeatures({ vocabularyMinCount: 3 }),
];

export const SPLIT_SEED = 2020;
export const TEST_FRACTION = 0.2;
export const INNER_SEED = 7;
