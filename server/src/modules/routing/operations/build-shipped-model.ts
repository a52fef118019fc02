// Builds data/level1-model.bin (+ level1-model.json) from ../shared/data/tipdm2020/train_segmented.csv:
// seeded stratified 80/20 split; hyper-parameters chosen on an inner 80/20 split of the 80 % only;
// the untouched 20 % is scored once; the final model is trained on all rows.
//   node dist/server/src/modules/routing/operations/build-shipped-model.js [csv]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoPath } from '../../../platform/repo-path.js';
import { defaultFeatureSettings } from '../rules/features.js';
import { predictLabel, trainLinearModel } from '../rules/linear-model.js';
import { saveModel } from '../model-file.js';
import { evaluate, formatEvaluation, type Evaluation } from './evaluate-classifier.js';
import { readTrainingCsv, stratifiedSplit, tokenizeRows, vectorsFromTokens, type TrainClassifierOptions } from './train-classifier.js';
import { candidateOptions, INNER_SEED, SPLIT_SEED, TEST_FRACTION } from './shipped-settings.js';

// The shared data sits beside the repository (../shared); FAZHI_SHARED_DATA moves it.
export const TIPDM_TRAIN_CSV = join(process.env.FAZHI_SHARED_DATA ?? repoPath('..', 'shared', 'data'), 'tipdm2020', 'train_segmented.csv');
const MODEL = 'server/src/modules/routing/data/level1-model.bin';
const META = 'server/src/modules/routing/data/level1-model.json';

type Tokenized = { words: string[]; label: string };

function fitAndScore(train: Tokenized[], test: Tokenized[], options: TrainClassifierOptions): Evaluation {
  const { features, ...opts } = options;
  const settings = { ...defaultFeatureSettings, ...features };
  const model = trainLinearModel(vectorsFromTokens(train, settings), settings, opts);
  const xs = vectorsFromTokens(test, settings);
  return evaluate(xs.map((x) => x.label), xs.map((x) => predictLabel(model, x.x)), model.labels);
}

export function buildShippedModel(csvPath = TIPDM_TRAIN_CSV, log: (line: string) => void = console.log) {
  const started = performance.now();
  const rows = readTrainingCsv(csvPath);
  const tokens = tokenizeRows(rows); // stop-word filtering is on in every candidate
  const indexed = tokens.map((t, i) => ({ ...t, i }));
  const outer = stratifiedSplit(indexed, TEST_FRACTION, SPLIT_SEED);
  const inner = stratifiedSplit(outer.train, TEST_FRACTION, INNER_SEED);
  log(`rows ${rows.length}: train ${outer.train.length} (inner ${inner.train.length}/${inner.test.length}), held-out ${outer.test.length}`);
  let best: { options: TrainClassifierOptions; macroF1: number } | undefined;
  const tried: { options: TrainClassifierOptions; innerMacroF1: number }[] = [];
  for (const options of candidateOptions) {
    const e = fitAndScore(inner.train, inner.test, options);
    tried.push({ options, innerMacroF1: e.macroF1 });
    log(`inner ${JSON.stringify({ ...options.features, l2: options.l2 })} macro-F1 ${e.macroF1.toFixed(4)}`);
    if (!best || e.macroF1 > best.macroF1) best = { options, macroF1: e.macroF1 };
  }
  const chosen = best!.options;
  const heldOut = fitAndScore(outer.train, outer.test, chosen);
  log('held-out (untouched 20 %), model trained on the 80 %:\n' + formatEvaluation(heldOut));
  const { features, ...opts } = chosen;
  const settings = { ...defaultFeatureSettings, ...features };
  const model = trainLinearModel(vectorsFromTokens(tokens, settings), settings, opts);
  const bytes = saveModel(model, repoPath(MODEL));
  const meta = {
    model: 'level1-model.bin',
    source:
      'trained on the TipDM 2020 Cup problem C messages (train_segmented.csv), a derived artefact; ' +
      'source: 2020 TipDM Cup problem C "智慧政务中的文本挖掘应用", attachments published at tipdm.org',
    built: new Date().toISOString().slice(0, 10),
    rows: rows.length,
    labels: model.labels,
    algorithm: 'multinomial logistic regression (softmax), AdaGrad, sparse L2, class-balanced loss',
    featureSettings: settings,
    trainOptions: opts,
    split: { method: 'stratified per label, seeded shuffle', testFraction: TEST_FRACTION, seed: SPLIT_SEED, innerSeed: INNER_SEED },
    tuning: tried.map((t) => ({ ...t.options, innerMacroF1: Number(t.innerMacroF1.toFixed(4)) })),
    heldOut: {
      note: 'scored once on the untouched 20 % with a model trained on the other 80 %; the shipped model is then retrained on all rows. The held-out text is the training data\'s stop-word-free segmented tokens joined, not raw messages.',
      total: heldOut.total,
      accuracy: Number(heldOut.accuracy.toFixed(4)),
      macroF1: Number(heldOut.macroF1.toFixed(4)),
      perClassF1: Object.fromEntries(heldOut.perClass.map((c) => [c.label, Number(c.f1.toFixed(4))])),
      confusion: { labels: heldOut.labels, matrix: heldOut.confusion },
    },
    fileBytes: bytes,
  };
  writeFileSync(repoPath(META), JSON.stringify(meta, null, 2) + '\n');
  log(`wrote ${MODEL} (${(bytes / 1048576).toFixed(2)} MB) and ${META} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return meta;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) buildShippedModel(process.argv[2]);
