/**
 * Routing (智能派单): reads a citizen's raw message, suggests category, type, urgency, place
 * and the owning unit from the duty lists and the platform's history, and dispatches by itself
 * where the county allows it.
 */
export { featurize, normaliseText, tokenize, defaultFeatureSettings, type FeatureSettings, type SparseVector } from './rules/features.js';
export { predict, predictLabel, type LinearModel, type Prediction, type TrainOptions } from './rules/linear-model.js';
export { encodeModel, decodeModel, saveModel, loadModelFile } from './model-file.js';
export { trainFromRows, readTrainingCsv, parseTrainingCsv, stratifiedSplit, type LabelledText, type TrainClassifierOptions } from './operations/train-classifier.js';
export { evaluate, formatEvaluation, type Evaluation, type ClassMetrics } from './operations/evaluate-classifier.js';
export { parseCsv, parseCsvRecords } from '../../platform/csv.js';
export { runRoutingCommand, SHIPPED_MODEL_PATH } from './routing-cli.js';
export { loadModel, classifyText } from './classify.js';
export { routingPlugin } from './routing.plugin.js';
export { routingModels, autoDispatchRules } from './routing.tables.js';
export { suggestRouting, suggestPlace, type RoutingKnowledge } from './rules/suggest.js';
export { requestText } from './operations/request-text.js';
export { trainFromHistory, trainHistoryModel, type HistoryTrainingReport } from './operations/train-from-history.js';
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

