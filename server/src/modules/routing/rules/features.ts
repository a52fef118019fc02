// Raw text → hashed sparse features. The same function featurises training text and live
// text: training rows from train_segmented.csv are joined back without spaces before they
// come here, so both sides go through identical normalisation, segmentation and filtering.
import { createRequire } from 'node:module';

export interface FeatureSettings {
  /** log2 of the number of hash buckets. */
  hashBits: number;
  /** Character n-gram range over the CJK characters of the kept words (0 disables). */
  charMin: number;
  charMax: number;
  /** Add jieba word unigrams (and, if set, word bigrams). */
  words: boolean;
  wordBigrams: boolean;
  /** Drop common function words (the training data had them removed). */
  stopwords: boolean;
}

export const defaultFeatureSettings: FeatureSettings = {
  hashBits: 18,
  charMin: 1,
  charMax: 3,
  words: true,
  wordBigrams: false,
  stopwords: true,
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

/** Full-width → half-width, lower-case latin, every run of digits → "0". */
export function normaliseText(text: string): string {
  let out = '';
  let inDigits = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    else if (c === 0x3000) c = 0x20;
    if (c >= 0x30 && c <= 0x39) {
      if (!inDigits) out += '0';
      inDigits = true;
      continue;
    }
    inDigits = false;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    out += String.fromCharCode(c);
  }
  return out;
}

function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}
function isWordChar(c: number): boolean {
  return isHan(c) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
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

/** Words kept for features: no punctuation/whitespace, no bare numbers or single latin letters, no stop-words. */
export function tokenize(text: string, settings: FeatureSettings = defaultFeatureSettings): string[] {
  const normalised = normaliseText(text);
  const out: string[] = [];
  for (const raw of jieba().cut(normalised, false)) {
    let start = 0;
    let end = raw.length;
    while (start < end && !isWordChar(raw.charCodeAt(start))) start++;
    while (end > start && !isWordChar(raw.charCodeAt(end - 1))) end--;
    if (start === end) continue;
    const word = start === 0 && end === raw.length ? raw : raw.slice(start, end);
    if (/^0+$/.test(word)) continue;
    if (word.length === 1 && word.charCodeAt(0) >= 0x61 && word.charCodeAt(0) <= 0x7a) continue;
    if (settings.stopwords && STOPWORDS.has(word)) continue;
    out.push(word);
  }
  return out;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a over UTF-16 code units (both bytes of each unit), seeded by a feature-kind tag. */
export function fnv1a(text: string, seed = FNV_OFFSET): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h = Math.imul(h ^ (c & 0xff), FNV_PRIME);
    h = Math.imul(h ^ (c >>> 8), FNV_PRIME);
  }
  return h >>> 0;
}

function hashRange(codes: Uint16Array, start: number, end: number, seed: number): number {
  let h = seed;
  for (let i = start; i < end; i++) {
    const c = codes[i]!;
    h = Math.imul(h ^ (c & 0xff), FNV_PRIME);
    h = Math.imul(h ^ (c >>> 8), FNV_PRIME);
  }
  return h >>> 0;
}

const WORD_SEED = fnv1a('w:');
const BIGRAM_SEED = fnv1a('b:');
const CHAR_SEEDS = [0, 1, 2, 3, 4, 5, 6].map((n) => fnv1a(`c${n}:`));

/** Feature-hash a bag of counts into a sparse vector with sublinear tf (1 + ln tf) and L2 norm 1. */
function finish(counts: Map<number, number>): SparseVector {
  const keys = [...counts.keys()].sort((a, b) => a - b);
  const indices = new Int32Array(keys.length);
  const values = new Float32Array(keys.length);
  let norm = 0;
  for (let i = 0; i < keys.length; i++) {
    const v = 1 + Math.log(counts.get(keys[i]!)!);
    indices[i] = keys[i]!;
    values[i] = v;
    norm += v * v;
  }
  if (norm > 0) {
    const inv = 1 / Math.sqrt(norm);
    for (let i = 0; i < values.length; i++) values[i]! *= inv;
  }
  return { indices, values };
}

/** Features of already tokenised words (what `featurize` does after segmentation). */
export function featurizeTokens(words: string[], settings: FeatureSettings = defaultFeatureSettings): SparseVector {
  const mask = (1 << settings.hashBits) - 1;
  const counts = new Map<number, number>();
  const add = (h: number) => {
    const k = h & mask;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  };
  if (settings.words) {
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      add(fnv1a(w, WORD_SEED));
      if (settings.wordBigrams && i > 0) add(fnv1a(w, fnv1a(words[i - 1]!, BIGRAM_SEED)));
    }
  }
  if (settings.charMax > 0) {
    let total = 0;
    for (const w of words) total += w.length;
    const codes = new Uint16Array(total);
    let n = 0;
    for (const w of words) {
      for (let i = 0; i < w.length; i++) {
        const c = w.charCodeAt(i);
        if (isHan(c)) codes[n++] = c;
      }
    }
    for (let len = Math.max(1, settings.charMin); len <= settings.charMax; len++) {
      const seed = CHAR_SEEDS[len] ?? fnv1a(`c${len}:`);
      for (let i = 0; i + len <= n; i++) add(hashRange(codes, i, i + len, seed));
    }
  }
  return finish(counts);
}

/** Raw text (title + body, any punctuation) → hashed, sublinear-tf, L2-normalised features. */
export function featurize(text: string, settings: FeatureSettings = defaultFeatureSettings): SparseVector {
  return featurizeTokens(tokenize(text, settings), settings);
}
