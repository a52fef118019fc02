import { type TrainClassifierOptions } from './train-classifier.js';
import { type SelfTrainingOptions } from './self-training.js';
import { type StopwordInference } from '../rules/infer-stopwords.js';

/**
 * Settings of the shipped model's features and training, as chosen by build-shipped-model.ts
 * (see data/level1-model.json). Used by `routing train` too, which has no raw messages: it
 * trains on the rows it is given, without inferred stop-words or self-training.
 */
export const shippedTrainOptions: TrainClassifierOptions = {
  features: { hashBits: 17, charMin: 2, charMax: 2, words: true, wordBigrams: false, stopwords: true, segmenter: 'vocabulary', vocabularyMinCount: 2 },
  epochs: 12,
  learningRate: 0.5,
  l2: 3e-4,
  balanced: true,
  seed: 20200512,
};

/** One way of building the model from the rows and the unlabelled raw messages. */
export interface BuildCandidate {
  name: string;
  options: TrainClassifierOptions;
  /** Drop the function words inferred from the raw messages (rules/infer-stopwords.ts). */
  inferredStopwords: boolean;
  selfTraining?: SelfTrainingOptions;
  /** Train on the pool messages whose reply names a department (data/reply-departments.json) with its class. */
  replyLabels?: boolean;
}

/**
 * The rule for inferring the rows' removed stop-words: a CJK word jieba finds in at least 30 raw
 * messages (about 0.5 %) and never among the rows' tokens. Of the 330-odd it gives, these are
 * names or content words, found by reading the list.
 */
export const STOPWORD_INFERENCE: StopwordInference = { minMessages: 30, keep: ['地铁站', '保险', '广铁集团', '四路', '瑞', '宇', '宁', '漓'] };

const base = shippedTrainOptions;
const withFeatures = (features: TrainClassifierOptions['features']): TrainClassifierOptions => ({ ...base, features: { ...base.features, ...features } });

/**
 * Tried by the build on the inner split (segmented figure) and on the dev part of the
 * hand-labelled raw sample (raw figure); the best raw dev macro-F1 among those measured at
 * ≥ 20,000 texts/s is built. The 2026-12 ones (reply departments onwards, measured with the
 * pool cleaned of near-repeats of the sample) did not beat the shipped model on dev, so it was
 * kept (level1-model.json, notShipped): a rebuild now gives a different, not better, model.
 */
export const buildCandidates: BuildCandidate[] = [
  { name: 'rows only (the 2026-11 model)', options: base, inferredStopwords: false },
  { name: 'inferred stop-words', options: base, inferredStopwords: true },
  { name: 'self-training ≥ 0.7', options: base, inferredStopwords: false, selfTraining: { threshold: 0.7 } },
  { name: 'inferred stop-words, self-training ≥ 0.7', options: base, inferredStopwords: true, selfTraining: { threshold: 0.7 } },
  { name: 'inferred stop-words, self-training ≥ 0.8', options: base, inferredStopwords: true, selfTraining: { threshold: 0.8 } },
  { name: 'character unigrams too, inferred stop-words, self-training ≥ 0.7', options: withFeatures({ charMin: 1 }), inferredStopwords: true, selfTraining: { threshold: 0.7 } },
  { name: 'self-training ≥ 0.6', options: base, inferredStopwords: false, selfTraining: { threshold: 0.6 } },
  { name: '2^18 buckets, self-training ≥ 0.7', options: withFeatures({ hashBits: 18 }), inferredStopwords: false, selfTraining: { threshold: 0.7 } },
  { name: 'word bigrams too, self-training ≥ 0.7', options: withFeatures({ wordBigrams: true }), inferredStopwords: false, selfTraining: { threshold: 0.7 } },
  { name: 'weaker L2 (1e-4), self-training ≥ 0.7', options: { ...base, l2: 1e-4 }, inferredStopwords: false, selfTraining: { threshold: 0.7 } },
  { name: 'reply departments', options: base, inferredStopwords: false, replyLabels: true },
  { name: 'reply departments, self-training ≥ 0.6', options: base, inferredStopwords: false, replyLabels: true, selfTraining: { threshold: 0.6 } },
  { name: 'self-training ≥ 0.6 labelled by the reply', options: base, inferredStopwords: false, selfTraining: { threshold: 0.6, labelBy: 'reply' } },
  { name: 'self-training ≥ 0.6, message and reply agree', options: base, inferredStopwords: false, selfTraining: { threshold: 0.6, labelBy: 'agree' } },
  { name: 'self-training ≥ 0.5, message and reply agree', options: base, inferredStopwords: false, selfTraining: { threshold: 0.5, labelBy: 'agree' } },
  { name: 'self-training ≥ 0.5', options: base, inferredStopwords: false, selfTraining: { threshold: 0.5 } },
  { name: 'self-training ≥ 0.7, message and reply agree', options: base, inferredStopwords: false, selfTraining: { threshold: 0.7, labelBy: 'agree' } },
  { name: 'character unigrams too, self-training ≥ 0.6, message and reply agree', options: withFeatures({ charMin: 1 }), inferredStopwords: false, selfTraining: { threshold: 0.6, labelBy: 'agree' } },
  { name: 'small classes weighted more (power 1.5), self-training ≥ 0.6, message and reply agree', options: { ...base, balancePower: 1.5 }, inferredStopwords: false, selfTraining: { threshold: 0.6, labelBy: 'agree' } },
  { name: 'small classes weighted less (power 0.5), self-training ≥ 0.6, message and reply agree', options: { ...base, balancePower: 0.5 }, inferredStopwords: false, selfTraining: { threshold: 0.6, labelBy: 'agree' } },
  { name: 'self-training ≥ 0.6, classes at the rows\' shares', options: base, inferredStopwords: false, selfTraining: { threshold: 0.6, rowShares: true } },
  { name: 'self-training ≥ 0.5, classes at the rows\' shares', options: base, inferredStopwords: false, selfTraining: { threshold: 0.5, rowShares: true } },
  { name: 'inferred stop-words, self-training ≥ 0.8, classes at the rows\' shares', options: base, inferredStopwords: true, selfTraining: { threshold: 0.8, rowShares: true } },
  { name: 'reply departments, self-training ≥ 0.6, message and reply agree', options: base, inferredStopwords: false, replyLabels: true, selfTraining: { threshold: 0.6, labelBy: 'agree' } },
];

export const SPLIT_SEED = 2020;
export const TEST_FRACTION = 0.2;
export const INNER_SEED = 7;
