// Routing: classify a citizen's raw message (title + body) into one of the level-1 categories.
import { repoPath } from '../../platform/repo-path.js';
import { featurize } from './rules/features.js';
import { predict, type LinearModel, type Prediction } from './rules/linear-model.js';
import { loadModelFile } from './model-file.js';
import { SHIPPED_MODEL_PATH } from './routing-cli.js';

export { featurize, normaliseText, tokenize, defaultFeatureSettings, type FeatureSettings, type SparseVector } from './rules/features.js';
export { predict, predictLabel, type LinearModel, type Prediction, type TrainOptions } from './rules/linear-model.js';
export { encodeModel, decodeModel, saveModel, loadModelFile } from './model-file.js';
export { trainFromRows, readTrainingCsv, parseTrainingCsv, stratifiedSplit, type LabelledText, type TrainClassifierOptions } from './operations/train-classifier.js';
export { evaluate, formatEvaluation, type Evaluation, type ClassMetrics } from './operations/evaluate-classifier.js';
export { parseCsv, parseCsvRecords } from './rules/csv.js';
export { runRoutingCommand, SHIPPED_MODEL_PATH } from './routing-cli.js';
export {
  findDuplicates,
  fingerprint,
  textSimilarity,
  extractPlaceWords,
  sharedPlaces,
  sharedKeywords,
  placesConflict,
  defaultDuplicateSettings,
  FINGERPRINT_VERSION,
  type DuplicateCandidate,
  type DuplicateMatch,
  type DuplicateSettings,
  type TextFingerprint,
} from './rules/duplicates.js';
export {
  topicOf,
  computeHotspots,
  listedTopics,
  defaultHotspotSettings,
  type Topic,
  type TopicDefinition,
  type HotspotItem,
  type HotspotGroup,
  type HotspotSettings,
} from './rules/hotspots.js';

let shipped: LinearModel | undefined;

/** The shipped level-1 model (or the one at `path`); the shipped one is loaded once and cached. */
export function loadModel(path?: string): LinearModel {
  if (path) return loadModelFile(path);
  shipped ??= loadModelFile(repoPath(SHIPPED_MODEL_PATH));
  return shipped;
}

/** Classify raw text with the shipped model: best label and all probabilities, highest first. */
export function classifyText(text: string, model: LinearModel = loadModel()): Prediction {
  return predict(model, featurize(text, model.settings));
}
