// Raw text → hashed sparse features. The same function featurises training text and live
// text: training rows from train_segmented.csv are joined back without spaces before they
// come here, so both sides go through identical normalisation, segmentation and filtering.
//
// jieba's role: @node-rs/jieba segments the TRAINING text once (`jiebaWords`; for the shipped
// model also the raw messages it self-trains on), and the words it finds become the model's
// vocabulary (saved in the model file). Per message, at run time
// AND when featurising training rows, a TypeScript forward-maximum-matching segmenter over
// that vocabulary cuts the text: jieba's cut costs ~200 µs per message, the segmenter a few.
// Hot loops work on reused typed arrays and hash UTF-16 units directly (no string per n-gram).
import { createRequire } from 'node:module';
import { Lexicon, STOPWORD } from './lexicon.js';

export interface FeatureSettings {
  /** log2 of the number of hash buckets. */
  hashBits: number;
  /** Character n-gram range over the CJK characters of the kept words (charMax 0 disables). */
  charMin: number;
  charMax: number;
  /** Add word unigrams (and, if set, word bigrams) from the segmenter. */
  words: boolean;
  wordBigrams: boolean;
  /** Drop common function words (the training data had them removed). */
  stopwords: boolean;
  /**
   * 'vocabulary': forward maximum matching over `vocabulary` (+ the stop-words);
   * 'none': no segmentation, character n-grams over every CJK character (no words, no stop-words).
   */
  segmenter: 'vocabulary' | 'none';
  /** A jieba word enters the vocabulary when it occurs this often in the training text. */
  vocabularyMinCount: number;
  /** Multi-character words jieba found in the training text; filled in by training, saved with the model. */
  vocabulary: string[];
  /**
   * More words to drop, beyond the built-in list: function words the training rows' cleaning
   * removed, inferred from raw messages at training time and saved with the model (may be absent).
   */
  stopwordList?: string[];
}

export const defaultFeatureSettings: FeatureSettings = {
  hashBits: 18,
  charMin: 1,
  charMax: 2,
  words: true,
  wordBigrams: false,
  stopwords: true,
  segmenter: 'vocabulary',
  vocabularyMinCount: 2,
  vocabulary: [],
};

export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

interface Jieba {
  load(): void;
  cut(text: string, hmm?: boolean): string[];
}
let jiebaInstance: Jieba | undefined;
function jieba(): Jieba {
  if (!jiebaInstance) {
    const require = createRequire(import.meta.url);
    const instance = require('@node-rs/jieba') as Jieba;
    try {
      instance.load();
    } catch (error) {
      // The dictionary is process-wide: another module may have loaded it already.
      if (!/loaded/i.test(String((error as Error).message))) throw error;
    }
    jiebaInstance = instance;
  }
  return jiebaInstance;
}

/** One normalised UTF-16 unit: full-width → half-width, ideographic space → space, A–Z → a–z. */
function normaliseUnit(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  else if (c === 0x3000) c = 0x20;
  if (c >= 0x41 && c <= 0x5a) c += 0x20;
  return c;
}
function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Full-width → half-width, lower-case latin, every run of digits → "0". */
export function normaliseText(text: string): string {
  const n = normaliseInto(text);
  let out = '';
  for (let i = 0; i < n; i++) out += String.fromCharCode(codes[i]!);
  return out;
}

// Reused buffers: normalised text, kept CJK characters, token bounds, bucket counts.
let codes = new Uint16Array(4096);
let han = new Uint16Array(4096);
let tokenStart = new Int32Array(2048);
let tokenEnd = new Int32Array(2048);
// Bucket counts live in a small open-addressing table sized to the text (it stays in L1
// cache); a dim-sized array cost ~10 µs a text in cache misses. `touched` lists used slots.
let slotBucket = new Int32Array(4096).fill(-1);
let slotCount = new Uint16Array(4096);
let slotMask = 0;
let touched = new Int32Array(4096);

/** Normalise `text` into `codes`; returns the length. */
function normaliseInto(text: string): number {
  if (codes.length < text.length) codes = new Uint16Array(text.length * 2);
  let n = 0;
  let inDigits = false;
  for (let i = 0; i < text.length; i++) {
    const c = normaliseUnit(text.charCodeAt(i));
    if (isDigit(c)) {
      if (!inDigits) codes[n++] = 0x30;
      inDigits = true;
      continue;
    }
    inDigits = false;
    codes[n++] = c;
  }
  return n;
}

function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}
function isLatinOrDigit(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || isDigit(c);
}
function isWordChar(c: number): boolean {
  return isHan(c) || isLatinOrDigit(c);
}

// Function words and fillers: the public Chinese stop-word lists the training data was
// cleaned with remove them, so live text drops them too (checked against the raw messages:
// these are the frequent raw-text words that never occur in the segmented training text).
const STOPWORDS = new Set(
  (
    '的 了 是 在 我 我们 不 和 有 都 也 没有 到 就 为 还 对 地 与 给 这 要 等 被 该 能 将 一 上 并 可以 及 但 多 大 来 向 让 而 会 于 个 又 从 过 以 ' +
    '作为 他们 吗 本人 不能 去 没 但是 什么 多次 这个 这样 由 就是 之 通过 此 内 其 且 很 把 有关 为什么 还是 任何 自己 才 开始 三 因 如果 不是 至 们 因为 着 更 这些 ' +
    '其他 用 可 关于 按 很多 均 他 时候 人民 还有 所 本 而且 二 或 根据 只有 非常 或者 经常 同时 得 由于 为了 经 你 出 结果 望 经过 并且 打 按照 谁 必须 尽快 怎么 你们 如 ' +
    '您 甚至 以及 近 跟 管 那 为何 这么 往 各种 才能 如此 自 看 难道 基本 可能 大家 所以 如何 仅 呢 其中 各 这里 连 起 老 仍 那么 不要 只是 如下 极大 拿 个人 第 同 因此 可是 ' +
    '一样 方 何时 刚 到底 吧 比 四 带 出来 各位 据 某 不得 不会 叫 啊 然后 然而 即 不管 不了 当 快 何 像 虽然 每 五 多少 满 便 若 另外 哪里 离 见 仍然 不仅 则 较 ' +
    '她 它 他们 她们 它们 咱们 那个 那些 哪 哪些 这种 那种 已 已经 曾 曾经 总是 一直 一些 有些 啦 嘛 呀 哦 哈 么 之后 之前 以后 以前 以上 以下 以及 即使 即便 虽 尽管 ' +
    '不但 而是 还要 只要 只能 是否 否则 然 对此 为此 此外 除了 除 既 又是 还有 就要 并不 不再 从而 进而 总之 例如 比如'
  ).split(' '),
);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/**
 * jieba's words of one text (normalised, punctuation trimmed, bare numbers dropped, stop-words
 * kept): used at training time only, to build the vocabulary.
 */
export function jiebaWords(text: string): string[] {
  const out: string[] = [];
  for (const raw of jieba().cut(normaliseText(text), false)) {
    let start = 0;
    let end = raw.length;
    while (start < end && !isWordChar(raw.charCodeAt(start))) start++;
    while (end > start && !isWordChar(raw.charCodeAt(end - 1))) end--;
    if (start === end) continue;
    out.push(start === 0 && end === raw.length ? raw : raw.slice(start, end));
  }
  return out;
}

/** Multi-character all-CJK words occurring at least `minCount` times, sorted (deterministic). */
export function buildVocabulary(segmented: Iterable<readonly string[]>, minCount: number): string[] {
  const seen = new Map<string, number>();
  for (const words of segmented) {
    for (const w of words) {
      if (w.length < 2) continue;
      let allHan = true;
      for (let i = 0; i < w.length && allHan; i++) allHan = isHan(w.charCodeAt(i));
      if (allHan) seen.set(w, (seen.get(w) ?? 0) + 1);
    }
  }
  return [...seen].filter(([, n]) => n >= Math.max(1, minCount)).map(([w]) => w).sort();
}

// Compiled lexicons, one per vocabulary array (a model's settings keep theirs for its lifetime)
// and the extra stop-word array it was built with.
const lexicons = new WeakMap<readonly string[], { extra: readonly string[] | undefined; lexicon: Lexicon }>();
/** Build the segmenter's trie for these settings now rather than on the first text (model load calls it). */
export function prepareSegmenter(settings: FeatureSettings): void {
  if (settings.segmenter === 'vocabulary') lexiconOf(settings);
}
function lexiconOf(settings: FeatureSettings): Lexicon {
  const cached = lexicons.get(settings.vocabulary);
  if (cached && cached.extra === settings.stopwordList) return cached.lexicon;
  const lexicon = new Lexicon(settings.vocabulary, settings.stopwordList?.length ? [...STOPWORDS, ...settings.stopwordList] : STOPWORDS);
  lexicons.set(settings.vocabulary, { extra: settings.stopwordList, lexicon });
  return lexicon;
}

/**
 * Cut codes[0, n) into kept tokens: runs of latin letters/digits, and CJK words by forward
 * maximum matching (an unknown character is a word of its own); everything else separates.
 * Drops stop-words (if set), bare numbers and single latin letters. Returns the token count.
 */
function segmentInto(n: number, settings: FeatureSettings): number {
  const lexicon = lexiconOf(settings);
  const flags = lexicon.flags;
  const dropStopwords = settings.stopwords;
  if (tokenStart.length < n) {
    tokenStart = new Int32Array(n);
    tokenEnd = new Int32Array(n);
  }
  let count = 0;
  let i = 0;
  while (i < n) {
    const c = codes[i]!;
    if (isLatinOrDigit(c)) {
      let j = i + 1;
      let letters = c >= 0x61 ? 1 : 0;
      while (j < n && isLatinOrDigit(codes[j]!)) if (codes[j++]! >= 0x61) letters++;
      if (letters > 0 && j - i > 1) {
        tokenStart[count] = i;
        tokenEnd[count++] = j;
      }
      i = j;
      continue;
    }
    if (!isHan(c)) {
      i++;
      continue;
    }
    let end = i + 1;
    let flag = 0;
    let node = 0;
    for (let j = i; j < n; ) {
      node = lexicon.next(node, codes[j++]!);
      if (node < 0) break;
      const f = flags[node]!;
      if (f !== 0) {
        end = j;
        flag = f;
      }
    }
    if (!(dropStopwords && flag & STOPWORD)) {
      tokenStart[count] = i;
      tokenEnd[count++] = end;
    }
    i = end;
  }
  return count;
}

/** The words the run-time segmenter keeps (what `featurize` hashes as words). */
export function tokenize(text: string, settings: FeatureSettings = defaultFeatureSettings): string[] {
  const n = normaliseInto(text);
  const out: string[] = [];
  if (settings.segmenter === 'none') return out;
  const count = segmentInto(n, settings);
  for (let t = 0; t < count; t++) out.push(String.fromCharCode(...codes.subarray(tokenStart[t]!, tokenEnd[t]!)));
  return out;
}

const PRIME = 0x01000193;
function seedOf(tag: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < tag.length; i++) h = Math.imul(h ^ tag.charCodeAt(i), PRIME);
  return h >>> 0;
}
const WORD_SEED = seedOf('w:');
const BIGRAM_SEED = seedOf('b:');
const CHAR_SEEDS = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((n) => seedOf(`c${n}:`));

/** Bucket of a 32-bit hash: Fibonacci hashing, the top `32 - shift` bits of h · 2^32/φ. */
function bucket(h: number, shift: number): number {
  return Math.imul(h ^ (h >>> 15), 0x9e3779b1) >>> shift;
}

// 1 + ln(tf) for the small counts nearly every feature has.
const SUBLINEAR = Float64Array.from({ length: 64 }, (_, c) => (c > 0 ? 1 + Math.log(c) : 0));
let nTouched = 0;
function add(k: number): void {
  let s = k & slotMask;
  for (;;) {
    const b = slotBucket[s]!;
    if (b === k) {
      const n = slotCount[s]!;
      if (n !== 0xffff) slotCount[s] = n + 1; // saturate: 1 + ln(65535) is as good as more
      return;
    }
    if (b === -1) break;
    s = (s + 1) & slotMask;
  }
  slotBucket[s] = k;
  slotCount[s] = 1;
  touched[nTouched++] = s;
}

/** Raw text (title + body, any punctuation) → hashed, sublinear-tf (1 + ln tf), L2-normalised features. */
export function featurize(text: string, settings: FeatureSettings = defaultFeatureSettings): SparseVector {
  const bits = settings.hashBits;
  if (!(bits >= 1 && bits <= 24)) throw new Error(`hashBits must be 1–24, not ${bits}`);
  const shift = 32 - bits;
  nTouched = 0;
  const n = normaliseInto(text);
  // At most one word (+ one bigram) per unit and (charMax - charMin + 1) n-grams per unit.
  const most = n * (2 + Math.max(0, settings.charMax - Math.max(1, settings.charMin) + 1));
  let slots = 1024;
  while (slots < 2 * most) slots *= 2;
  if (slotBucket.length < slots) {
    slotBucket = new Int32Array(slots).fill(-1);
    slotCount = new Uint16Array(slots);
    touched = new Int32Array(slots);
  }
  slotMask = slots - 1;
  if (han.length < n) han = new Uint16Array(n);
  let nHan = 0;
  if (settings.segmenter === 'none') {
    for (let i = 0; i < n; i++) if (isHan(codes[i]!)) han[nHan++] = codes[i]!;
  } else {
    const count = segmentInto(n, settings);
    let previous = 0;
    for (let t = 0; t < count; t++) {
      const start = tokenStart[t]!;
      const end = tokenEnd[t]!;
      let h = WORD_SEED;
      for (let i = start; i < end; i++) h = Math.imul(h ^ codes[i]!, PRIME);
      if (settings.words) {
        add(bucket(h, shift));
        if (settings.wordBigrams && t > 0) add(bucket(Math.imul(previous ^ BIGRAM_SEED, PRIME) ^ h, shift));
      }
      previous = h;
      for (let i = start; i < end; i++) if (isHan(codes[i]!)) han[nHan++] = codes[i]!;
    }
  }
  const charMin = Math.max(1, settings.charMin);
  const charMax = settings.charMax;
  const h1 = CHAR_SEEDS[1]!;
  const h2 = CHAR_SEEDS[2]!;
  if (charMin === 1 && charMax === 2) {
    // The usual case in one pass: unigram at i, bigram ending at i.
    for (let i = 0; i < nHan; i++) {
      const c = Math.imul(han[i]!, PRIME);
      add(bucket(h1 ^ c, shift));
      if (i > 0) add(bucket(Math.imul(h2 ^ han[i - 1]!, PRIME) ^ c, shift));
    }
  } else {
    for (let len = charMin; len <= charMax; len++) {
      const seed = CHAR_SEEDS[len] ?? seedOf(`c${len}:`);
      for (let i = 0; i + len <= nHan; i++) {
        let h = seed;
        for (let j = i; j < i + len - 1; j++) h = Math.imul(h ^ han[j]!, PRIME);
        add(bucket(h ^ Math.imul(han[i + len - 1]!, PRIME), shift));
      }
    }
  }
  // First-occurrence order: deterministic, and sorting (~7 µs a text) bought nothing in scoring.
  const indices = new Int32Array(nTouched);
  const values = new Float32Array(nTouched);
  let norm = 0;
  for (let i = 0; i < nTouched; i++) {
    const s = touched[i]!;
    const c = slotCount[s]!;
    const v = c < SUBLINEAR.length ? SUBLINEAR[c]! : 1 + Math.log(c);
    indices[i] = slotBucket[s]!;
    slotBucket[s] = -1;
    values[i] = v;
    norm += v * v;
  }
  if (norm > 0) {
    const inv = 1 / Math.sqrt(norm);
    for (let i = 0; i < nTouched; i++) values[i]! *= inv;
  }
  return { indices, values };
}
