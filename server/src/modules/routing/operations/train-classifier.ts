import { readFileSync } from 'node:fs';
import { buildVocabulary, defaultFeatureSettings, featurize, jiebaWords, type FeatureSettings, type SparseVector } from '../rules/features.js';
import { parseCsvRecords } from '../../../platform/csv.js';
import { shuffleInPlace, trainLinearModel, type LinearModel, type TrainOptions } from '../rules/linear-model.js';
import { seededRandom } from '../../../platform/seeded-random.js';

export interface LabelledText {
  text: string;
  label: string;
}

export interface TrainClassifierOptions extends Partial<TrainOptions> {
  features?: Partial<FeatureSettings>;
}

/** Featurise every row once; reuse the vectors across several trainings. */
export function featurizeRows(rows: readonly LabelledText[], settings: FeatureSettings): { x: SparseVector; label: string }[] {
  return rows.map((r) => ({ x: featurize(r.text, settings), label: r.label }));
}

/** jieba's words of every row (the slow part, ~0.2 ms a row): compute once, build vocabularies from subsets. */
export function jiebaRows(rows: readonly LabelledText[]): string[][] {
  return rows.map((r) => jiebaWords(r.text));
}

/**
 * Full feature settings for training on `rows`: the vocabulary comes from jieba's segmentation
 * of these rows (pass `segmented` to reuse a cut) unless the settings already carry one.
 */
export function settingsForTraining(
  rows: readonly LabelledText[],
  features: Partial<FeatureSettings> = {},
  segmented?: readonly (readonly string[])[],
): FeatureSettings {
  const settings = { ...defaultFeatureSettings, ...features };
  if (settings.segmenter === 'none') return { ...settings, vocabulary: [] };
  if (settings.vocabulary.length === 0) settings.vocabulary = buildVocabulary(segmented ?? jiebaRows(rows), settings.vocabularyMinCount);
  return settings;
}

export function trainFromRows(rows: readonly LabelledText[], options: TrainClassifierOptions = {}): LinearModel {
  const { features, ...train } = options;
  const settings = settingsForTraining(rows, features);
  return trainLinearModel(featurizeRows(rows, settings), settings, train);
}

const LATIN_OR_DIGIT = /[0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/;
/**
 * Pre-segmented tokens back into one text: no space, except between two latin/digit ends
 * ("https baidu com" stays three words, as the raw "https://baidu.com" gives three).
 */
export function joinTokens(tokens: readonly string[]): string {
  let out = '';
  for (const t of tokens) {
    if (!t) continue;
    if (out && LATIN_OR_DIGIT.test(out[out.length - 1]!) && LATIN_OR_DIGIT.test(t[0]!)) out += ' ';
    out += t;
  }
  return out;
}

/**
 * A labelled CSV with a header row: either `title`, `body` (raw text, joined with a newline;
 * either may be missing) and `label`, or the TipDM `tokens,label` form whose pre-segmented
 * tokens are joined without spaces (see joinTokens) so they go through the same featurisation as live text.
 * A `text` column is also accepted. Other columns are ignored; rows without label or text are skipped.
 */
export function parseTrainingCsv(content: string): LabelledText[] {
  const out: LabelledText[] = [];
  for (const r of parseCsvRecords(content)) {
    const label = (r.label ?? '').trim();
    let text: string;
    if (r.title !== undefined || r.body !== undefined) text = [r.title ?? '', r.body ?? ''].filter((s) => s.trim()).join('\n');
    else if (r.tokens !== undefined) text = joinTokens(r.tokens.split(/\s+/));
    else text = r.text ?? '';
    if (label && text.trim()) out.push({ text, label });
  }
  return out;
}

export function readTrainingCsv(path: string): LabelledText[] {
  return parseTrainingCsv(readFileSync(path, 'utf8'));
}

/** Per-label seeded shuffle, the first `testFraction` of each label goes to `test`. Deterministic. */
export function stratifiedSplit<T extends { label: string }>(rows: readonly T[], testFraction: number, seed: number): { train: T[]; test: T[] } {
  const byLabel = new Map<string, T[]>();
  for (const r of rows) {
    const list = byLabel.get(r.label) ?? [];
    list.push(r);
    byLabel.set(r.label, list);
  }
  const random = seededRandom(seed);
  const train: T[] = [];
  const test: T[] = [];
  for (const label of [...byLabel.keys()].sort()) {
    const list = shuffleInPlace([...byLabel.get(label)!], random);
    const nTest = Math.round(list.length * testFraction);
    test.push(...list.slice(0, nTest));
    train.push(...list.slice(nTest));
  }
  return { train, test };
}
