// How the hand-labelled raw sample was drawn (data/raw-hand-labelled.json records the result):
// a seeded shuffle of the raw messages of both files, leaving out those that are (nearly) a
// training row and those that nearly repeat a message already drawn, the first DEV_SIZE of the
// draw forming the dev part and the rest the test part.
//   node dist/server/src/modules/routing/operations/raw-sample.js [size]   prints the draw as JSON lines
import { fileURLToPath } from 'node:url';
import { jiebaWords, normaliseText } from '../rules/features.js';
import { shuffleInPlace } from '../rules/linear-model.js';
import { seededRandom } from '../../../platform/seeded-random.js';
import { rawText, readRawMessages, readSegmentedRows, type RawMessage } from './tipdm-data.js';

export const SAMPLE_SEED = 14_2020;
export const SAMPLE_SIZE = 560;
export const DEV_SIZE = 200;
/** Jaccard of word sets at or above which a raw message counts as a training row (or as a repeat). */
export const MATCH_THRESHOLD = 0.4;

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  return inter ? inter / (a.size + b.size - inter) : 0;
}

export interface TrainingMatch {
  message: RawMessage;
  row: number;
  similarity: number;
}

/**
 * Raw messages that are a training row written again: jieba's words of the raw text that the
 * training rows use at all, against each row's tokens (candidates found through rare words).
 */
export function matchTrainingRows(
  raw: readonly RawMessage[],
  rows: readonly { tokens: string[] }[],
  threshold = MATCH_THRESHOLD,
  rawWords: readonly (readonly string[])[] = raw.map((m) => jiebaWords(rawText(m))),
) {
  const sets = rows.map((r) => new Set(r.tokens.map(normaliseText)));
  const df = new Map<string, number>();
  for (const s of sets) for (const w of s) df.set(w, (df.get(w) ?? 0) + 1);
  const postings = new Map<string, number[]>();
  sets.forEach((s, i) => {
    for (const w of s) {
      if (df.get(w)! >= 50) continue; // common words find everything and decide nothing
      const list = postings.get(w) ?? [];
      list.push(i);
      postings.set(w, list);
    }
  });
  const wordSets = rawWords.map((words) => new Set(words.filter((w) => df.has(w))));
  const matches: TrainingMatch[] = [];
  raw.forEach((message, k) => {
    const words = wordSets[k]!;
    const candidates = new Set<number>();
    for (const w of words) for (const i of postings.get(w) ?? []) candidates.add(i);
    let best: TrainingMatch | undefined;
    for (const i of candidates) {
      const similarity = jaccard(words, sets[i]!);
      if (similarity >= threshold && (!best || similarity > best.similarity)) best = { message, row: i, similarity };
    }
    if (best) matches.push(best);
  });
  return { matches, wordSets };
}

export interface DrawnMessage extends RawMessage {
  part: 'dev' | 'test';
}

/** The seeded draw: no training rows, no near-repeats of a message already drawn. */
export function drawHandSample(size = SAMPLE_SIZE, devSize = DEV_SIZE, seed = SAMPLE_SEED): { drawn: DrawnMessage[]; excludedAsTraining: number; skippedAsRepeat: number } {
  const raw = readRawMessages();
  const { matches, wordSets } = matchTrainingRows(raw, readSegmentedRows());
  const matched = new Set(matches.map((m) => m.message));
  const order = shuffleInPlace(raw.map((_, i) => i), seededRandom(seed));
  const drawn: DrawnMessage[] = [];
  const drawnWords: Set<string>[] = [];
  let skippedAsRepeat = 0;
  for (const i of order) {
    if (drawn.length === size) break;
    const m = raw[i]!;
    if (matched.has(m)) continue;
    const words = wordSets[i]!;
    if (drawnWords.some((w) => jaccard(w, words) >= MATCH_THRESHOLD)) {
      skippedAsRepeat++;
      continue;
    }
    drawn.push({ ...m, part: drawn.length < devSize ? 'dev' : 'test' });
    drawnWords.push(words);
  }
  return { drawn, excludedAsTraining: matched.size, skippedAsRepeat };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { drawn, excludedAsTraining, skippedAsRepeat } = drawHandSample(Number(process.argv[2] ?? SAMPLE_SIZE));
  console.error(`drawn ${drawn.length}; raw messages matching a training row ${excludedAsTraining}; near-repeats skipped ${skippedAsRepeat}`);
  for (const m of drawn) console.log(JSON.stringify(m));
}
