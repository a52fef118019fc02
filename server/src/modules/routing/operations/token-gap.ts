// How far apart are the tokens the model was trained on and the tokens live text gives it?
// Both sides go through the run-time path (`tokenize` with the model's settings): the training
// rows as joined tokens, the raw messages as typed. No labels are needed.
//   node dist/server/src/modules/routing/operations/token-gap.js [model.bin]
import { fileURLToPath } from 'node:url';
import { normaliseText, tokenize, type FeatureSettings } from '../rules/features.js';
import { loadModelFile } from '../model-file.js';
import { repoPath } from '../../../platform/repo-path.js';
import { rawText, readRawMessages, readSegmentedRows } from './tipdm-data.js';
import { joinTokens } from './train-classifier.js';

export interface TokenGap {
  trainingRows: number;
  rawMessages: number;
  tokensPerMessage: { training: number; raw: number };
  /** Share of the raw messages' tokens (occurrences) that the training rows also produce. */
  rawTokensSeenInTraining: number;
  /** Share of the raw messages' tokens that are one of the rows' own (jieba, cleaned) tokens. */
  rawTokensInRowTokens: number;
  /** Share of tokens that are a lone CJK character outside the vocabulary (text the segmenter could not place). */
  looseCharacters: { training: number; raw: number };
  /** Most frequent tokens of one side the other side never produces, with occurrences per message. */
  rawOnly: [string, number][];
  trainingOnly: [string, number][];
}

function counts(docs: readonly string[][]): Map<string, number> {
  const c = new Map<string, number>();
  for (const d of docs) for (const w of d) c.set(w, (c.get(w) ?? 0) + 1);
  return c;
}

function oneSide(a: Map<string, number>, b: Map<string, number>, per: number, top: number): [string, number][] {
  return [...a]
    .filter(([w]) => !b.has(w))
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, top)
    .map(([w, n]) => [w, Number((n / per).toFixed(3))]);
}

export function measureTokenGap(rowTokens: readonly string[][], rawTexts: readonly string[], settings: FeatureSettings, top = 15): TokenGap {
  const training = rowTokens.map((t) => tokenize(joinTokens(t), settings));
  const raw = rawTexts.map((t) => tokenize(t, settings));
  const ct = counts(training);
  const cr = counts(raw);
  const given = new Set(rowTokens.flatMap((t) => t.map(normaliseText)));
  let total = 0;
  let seen = 0;
  let inGiven = 0;
  for (const [w, n] of cr) {
    total += n;
    if (ct.has(w)) seen += n;
    if (given.has(w)) inGiven += n;
  }
  const sum = (c: Map<string, number>) => [...c.values()].reduce((s, n) => s + n, 0);
  const vocabulary = new Set(settings.vocabulary);
  const loose = (c: Map<string, number>) => {
    let n = 0;
    for (const [w, k] of c) if (w.length === 1 && w >= '\u3400' && !vocabulary.has(w)) n += k;
    return Number((n / sum(c)).toFixed(4));
  };
  return {
    trainingRows: training.length,
    rawMessages: raw.length,
    tokensPerMessage: { training: Number((sum(ct) / training.length).toFixed(1)), raw: Number((total / raw.length).toFixed(1)) },
    rawTokensSeenInTraining: Number((seen / total).toFixed(4)),
    rawTokensInRowTokens: Number((inGiven / total).toFixed(4)),
    looseCharacters: { training: loose(ct), raw: loose(cr) },
    rawOnly: oneSide(cr, ct, raw.length, top),
    trainingOnly: oneSide(ct, cr, training.length, top),
  };
}

/** The gap for a model's settings over all rows and all 6,909 raw messages. */
export function tokenGapOfSettings(settings: FeatureSettings): TokenGap {
  return measureTokenGap(readSegmentedRows().map((r) => r.tokens), readRawMessages().map(rawText), settings);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const model = loadModelFile(process.argv[2] ?? repoPath('server/src/modules/routing/data/level1-model.bin'));
  console.log(JSON.stringify(tokenGapOfSettings(model.settings), null, 2));
}
