import { repoPath } from '../../platform/repo-path.js';
import { featurize } from './rules/features.js';
import { predict, type LinearModel, type Prediction } from './rules/linear-model.js';
import { loadModelFile } from './model-file.js';
import { SHIPPED_MODEL_PATH } from './routing-cli.js';

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
