// Duplicate detection for citizen requests: pure and synchronous, no database.
// "Same problem" is measured on the text with place names taken out, "same place" on the
// platform's place key or on place words found in both texts, so that a templated complaint
// about another estate does not look like a duplicate just because the wording matches.
import { readFileSync } from 'node:fs';
import { repoPath } from '../../../platform/repo-path.js';
import { isStopword, jiebaWords } from './features.js';
import { matchListedTopic } from './topics.js';

export interface DuplicateCandidate {
  id: string;
  /** The citizen's words (title and body together). */
  text: string;
  /** The place the platform knows (community or township code), null when unknown. */
  placeKey: string | null;
  /** Shown in reasons instead of the bare key, e.g. "星沙街道杉仙岭社区". */
  placeLabel?: string;
  receivedAt: Date;
  /** The caller (phone number hash, account id), null when anonymous. */
  callerKey: string | null;
  /** A fingerprint made earlier from `text`; made on the fly when absent. */
  fingerprint?: TextFingerprint;
}

/** Plain JSON, so it can be stored beside a request and compared later without the text. */
export interface TextFingerprint {
  /** Fingerprints of different versions are not comparable. */
  version: number;
  /** Sorted distinct 32-bit hashes of the content words and the character pairs inside them. */
  shingles: number[];
  /** Distinct content words, most frequent first. */
  keywords: string[];
  /** Place words in order of appearance, each with its shorter tails ("魅力之城小区", "力之城小区" …). */
  places: string[];
  /** The listed governance topic (data/hotspot-topics.json) the text is about, null when none. */
  topic: { key: string; label: string; narrow: boolean } | null;
}

export interface DuplicateSettings {
  /** Open requests older (or newer) than this are not compared. */
  windowDays: number;
  /** Same-caller links look back this far. */
  callerWindowDays: number;
  /** Problem similarity from which a same-place request is flagged. */
  flagThreshold: number;
  /** Problem similarity from which a same-place duplicate may be merged without an operator. */
  mergeThreshold: number;
  /** Two same-place texts on the same narrow listed topic score at least this (flag, never merge on its own). */
  sameTopicScore: number;
  /** Above this similarity two texts are taken to be the same report even when no place is known. */
  nearIdenticalThreshold: number;
  maxMatches: number;
  maxKeywordsShown: number;
  /** Words that say nothing about the problem (问题, 反映, 小区 …); left out of similarity. */
  genericKeywords: string[];
}

export interface DuplicateMatch {
  id: string;
  /** Problem similarity, 0..1 (1 for a same-caller link with identical text). */
  score: number;
  kind: 'same_problem' | 'same_caller';
  /** merge: same problem above the merge threshold; flag: an operator decides; link: same caller only. */
  action: 'merge' | 'flag' | 'link';
  /** Chinese, for the operator: 同一地点: …, 文本相似度 0.82, 共同关键词: …, 同一来电号码. */
  reasons: string[];
}

export const FINGERPRINT_VERSION = 1;

interface PlaceWords {
  minNameChars: number;
  maxNameChars: number;
  suffixes: string[];
  breakWords: string[];
  genericNames: string[];
  genericEndings: string[];
  /** A name does not reach back over these ("劳动东路|魅力之城", "暮云街道|丽发新城小区"). */
  boundaries: string[];
  minSharedChars: number;
}

const DATA_DIR = 'server/src/modules/routing/data';
function readData<T>(name: string): T {
  return JSON.parse(readFileSync(repoPath(DATA_DIR, name), 'utf8')) as T;
}

let placeWords: (PlaceWords & { suffixesLongestFirst: string[]; breaks: string[]; generic: Set<string> }) | undefined;
function places(): NonNullable<typeof placeWords> {
  if (!placeWords) {
    const data = readData<PlaceWords>('place-words.json');
    placeWords = {
      ...data,
      suffixesLongestFirst: [...data.suffixes].sort((a, b) => b.length - a.length),
      breaks: data.breakWords,
      generic: new Set(data.genericNames),
    };
  }
  return placeWords;
}

let defaults: DuplicateSettings | undefined;
/** The defaults from data/duplicate-settings.json. */
export function defaultDuplicateSettings(): DuplicateSettings {
  if (!defaults) {
    const { source: _source, ...settings } = readData<DuplicateSettings & { source: string }>('duplicate-settings.json');
    defaults = settings;
  }
  return defaults;
}

let genericCache: { list: string[]; set: Set<string> } | undefined;
function genericSet(list: string[]): Set<string> {
  if (genericCache?.list !== list) genericCache = { list, set: new Set(list) };
  return genericCache.set;
}

function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

/**
 * Place words in a text: a Han run of minNameChars..maxNameChars characters ending in a place
 * suffix (小区, 路, 村 …). Every length is kept because the text does not say where a name
 * starts ("劳动东路魅力之城小区"); two texts share a place when they share any of them.
 * Masked districts (A3区) and other non-Han characters end a name.
 */
export function extractPlaceWords(text: string): string[] {
  const p = places();
  const t = text.normalize('NFKC');
  const found = new Set<string>();
  let runStart = 0;
  for (let i = 0; i <= t.length; i++) {
    if (i < t.length && isHan(t.charCodeAt(i))) continue;
    // t[runStart, i) is a Han run
    for (let end = runStart + 1; end <= i; end++) {
      for (const suffix of p.suffixesLongestFirst) {
        if (end - suffix.length < runStart || !t.startsWith(suffix, end - suffix.length)) continue;
        const nameEnd = end - suffix.length;
        for (let k = p.minNameChars; k <= p.maxNameChars && nameEnd - k >= runStart; k++) {
          const name = t.slice(nameEnd - k, nameEnd);
          if (p.breaks.some((w) => name.includes(w))) break; // longer names hold the break too
          const word = name + suffix;
          if (p.generic.has(name) || p.genericEndings.some((e) => word.endsWith(e))) continue;
          found.add(word);
          const start = nameEnd - k;
          if (p.boundaries.some((b) => start - b.length >= runStart && t.startsWith(b, start - b.length))) break;
        }
        break; // the longest suffix ending here decides ("小区" over "区")
      }
    }
    runStart = i + 1;
  }
  return [...found];
}

function hasHan(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (isHan(word.charCodeAt(i))) return true;
  return false;
}

/** 32-bit FNV-1a of a word's UTF-16 code units: the shingle hash. */
function fnv1a(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Content words, place words and shingles of a text. Costs one jieba segmentation. */
export function fingerprint(text: string, settings: Pick<DuplicateSettings, 'genericKeywords'> = defaultDuplicateSettings()): TextFingerprint {
  const placeList = extractPlaceWords(text);
  // Characters that belong to a place word do not describe the problem.
  const placeChars = placeList.filter((w) => w.length >= 4);
  const generic = genericSet(settings.genericKeywords);
  const counts = new Map<string, number>();
  for (const word of jiebaWords(text)) {
    if (word.length < 2 || !hasHan(word) || generic.has(word) || isStopword(word)) continue;
    if (placeChars.some((p) => p.includes(word))) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const topicMatch = matchListedTopic(text);
  const keywords = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const hashes = new Set<number>();
  for (const word of keywords) {
    // A longer word also gives its character pairs, so 搅拌站 meets 搅拌 and 搅拌厂.
    hashes.add(fnv1a(word));
    if (word.length > 2) for (let i = 0; i + 2 <= word.length; i++) hashes.add(fnv1a(word.slice(i, i + 2)));
  }
  return {
    version: FINGERPRINT_VERSION,
    shingles: [...hashes].sort((a, b) => a - b),
    keywords,
    places: placeList,
    topic: topicMatch ? { key: topicMatch.topic.key, label: topicMatch.topic.label, narrow: topicMatch.topic.narrow === true } : null,
  };
}

function intersectionSize(a: number[], b: number[]): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return n;
}

/**
 * Similarity of the problem described, 0..1: Jaccard over the shingle sets, lifted towards the
 * overlap coefficient when one text is much shorter than the other (a short title-like message
 * fully contained in a long one is the same problem). Two empty fingerprints score 0.
 */
export function textSimilarity(a: TextFingerprint, b: TextFingerprint): number {
  if (a.version !== b.version) throw new Error(`textSimilarity: fingerprint versions differ (${a.version}, ${b.version})`);
  if (a.shingles.length === 0 || b.shingles.length === 0) return 0;
  const common = intersectionSize(a.shingles, b.shingles);
  const jaccard = common / (a.shingles.length + b.shingles.length - common);
  const overlap = common / Math.min(a.shingles.length, b.shingles.length);
  return Math.sqrt(jaccard * overlap);
}

/** Place words (of at least minSharedChars) both texts hold, longest first, without the tails of a longer one. */
export function sharedPlaces(a: TextFingerprint, b: TextFingerprint, min = places().minSharedChars): string[] {
  const inB = new Set(b.places);
  const shared = a.places.filter((w) => w.length >= min && inB.has(w)).sort((x, y) => y.length - x.length || (x < y ? -1 : 1));
  const kept: string[] = [];
  for (const w of shared) if (!kept.some((k) => k.includes(w))) kept.push(w);
  return kept;
}

/**
 * The texts name different places: the first place word of each (where a report usually says
 * where the problem is) is missing from the other. Templated complaints about two estates share
 * wording and even a landmark nearby (麓谷工业园) but not the place they start with.
 * Two or more shared places (of 3+ characters) overrule the first words.
 */
export function placesConflict(a: TextFingerprint, b: TextFingerprint): boolean {
  const min = places().minSharedChars;
  const firstA = a.places.find((w) => w.length >= min);
  const firstB = b.places.find((w) => w.length >= min);
  if (firstA === undefined || firstB === undefined) return false;
  if (b.places.includes(firstA) || a.places.includes(firstB)) return false;
  // Two or more places in common (a road and an estate, say) outweigh differently written first words.
  return sharedPlaces(a, b, 3).length < 2;
}

/** Content words both texts hold, in the order of the first. */
export function sharedKeywords(a: TextFingerprint, b: TextFingerprint): string[] {
  const inB = new Set(b.keywords);
  return a.keywords.filter((w) => inB.has(w));
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * Earlier open requests that the incoming one repeats, best first.
 * same_problem: same place (equal placeKey, or a place word in both texts whose first place words
 * do not conflict) and problem similarity ≥ flagThreshold (a same narrow topic lifts it to
 * sameTopicScore); or, when neither the keys nor the texts' places conflict, text similarity
 * ≥ nearIdenticalThreshold.
 * same_caller: the same callerKey within callerWindowDays, whatever the problem (a linked
 * repeat call); a same-caller request that is also the same problem is reported as same_problem.
 */
export function findDuplicates(
  incoming: DuplicateCandidate,
  open: DuplicateCandidate[],
  settings: DuplicateSettings = defaultDuplicateSettings(),
): DuplicateMatch[] {
  const fpIn = incoming.fingerprint ?? fingerprint(incoming.text, settings);
  const matches: DuplicateMatch[] = [];
  for (const other of open) {
    if (other.id === incoming.id) continue;
    const ageDays = Math.abs(incoming.receivedAt.getTime() - other.receivedAt.getTime()) / DAY_MS;
    const sameCaller = incoming.callerKey !== null && incoming.callerKey === other.callerKey && ageDays <= settings.callerWindowDays;
    if (ageDays > settings.windowDays && !sameCaller) continue;
    const fpOther = other.fingerprint ?? fingerprint(other.text, settings);
    const textScore = textSimilarity(fpIn, fpOther);
    const sameTopic = fpIn.topic !== null && fpIn.topic.key === fpOther.topic?.key;
    const sameKey = incoming.placeKey !== null && incoming.placeKey === other.placeKey;
    const keysConflict = incoming.placeKey !== null && other.placeKey !== null && !sameKey;
    const textConflict = placesConflict(fpIn, fpOther);
    const placeWords = textConflict ? [] : sharedPlaces(fpIn, fpOther);
    const samePlace = sameKey || placeWords.length > 0;
    // Rephrased reports of one problem share little wording (噪音 vs 环境污染); at the same place
    // the same narrow topic is enough to flag, not to merge.
    const similarity = samePlace && sameTopic && fpIn.topic!.narrow ? Math.max(textScore, settings.sameTopicScore) : textScore;
    const sameProblem =
      ageDays <= settings.windowDays &&
      ((samePlace && similarity >= settings.flagThreshold) || (!keysConflict && !textConflict && textScore >= settings.nearIdenticalThreshold));
    if (!sameProblem && !sameCaller) continue;
    const reasons: string[] = [];
    if (sameKey) reasons.push(`同一地点: ${incoming.placeLabel ?? other.placeLabel ?? incoming.placeKey}`);
    if (placeWords.length > 0) reasons.push(`${sameKey ? '文中地点' : '同一地点'}: ${placeWords.slice(0, 3).join('、')}`);
    reasons.push(`文本相似度 ${textScore.toFixed(2)}`);
    if (sameTopic) reasons.push(`同一议题: ${fpIn.topic!.label}`);
    const keywords = sharedKeywords(fpIn, fpOther).slice(0, settings.maxKeywordsShown);
    if (keywords.length > 0) reasons.push(`共同关键词: ${keywords.join('、')}`);
    if (sameCaller) reasons.push('同一来电号码');
    const kind = sameProblem ? 'same_problem' : 'same_caller';
    const action = !sameProblem ? 'link' : samePlace && textScore >= settings.mergeThreshold ? 'merge' : 'flag';
    matches.push({ id: other.id, score: round(similarity), kind, action, reasons });
  }
  const rank = (m: DuplicateMatch) => (m.kind === 'same_problem' ? 1 : 0);
  matches.sort((x, y) => rank(y) - rank(x) || y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return matches.slice(0, settings.maxMatches);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
