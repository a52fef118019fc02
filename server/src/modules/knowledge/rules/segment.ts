import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { repoPath } from '../../../platform/repo-path.js';

// jieba's search mode cuts a text into words and, inside long words, their shorter parts
// (灵活就业 → 灵活, 就业, 灵活就业): an entry and a caller's sentence meet on either. Entries
// are cut when written, a query when asked; both go through the same normalisation.

interface Jieba {
  load(): void;
  cutForSearch(text: string, hmm?: boolean): string[];
}

let instance: Jieba | undefined;
function jieba(): Jieba {
  if (!instance) {
    const loaded = createRequire(import.meta.url)('@node-rs/jieba') as Jieba;
    try {
      loaded.load();
    } catch (error) {
      // The dictionary is process-wide: smart dispatch may have loaded it already.
      if (!/loaded/i.test(String((error as Error).message))) throw error;
    }
    instance = loaded;
  }
  return instance;
}

let stopwords: ReadonlySet<string> | undefined;
function isStopword(word: string): boolean {
  stopwords ??= new Set((JSON.parse(readFileSync(repoPath('server/src/modules/knowledge/data/stopwords.json'), 'utf8')) as { words: string[] }).words);
  return stopwords.has(word);
}

const HAN = /\p{Script=Han}/u;
const WORD = /^[\p{Script=Han}\p{L}\p{N}]+$/u;

/** Full-width to half-width (NFKC), latin letters lower-cased. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * The searchable words of a text, in order, repeats kept: jieba's search-mode words without
 * punctuation, stop-words, or bare numbers of one digit.
 */
export function searchWords(text: string): string[] {
  const out: string[] = [];
  for (const raw of jieba().cutForSearch(normalise(text), true)) {
    const word = raw.trim();
    if (!word || !WORD.test(word) || isStopword(word)) continue;
    if (!HAN.test(word) && word.length < 2) continue;
    out.push(word);
  }
  return out;
}

/** A query's distinct words, in the order first met (a caller's whole sentence works). */
export function queryTerms(query: string): string[] {
  return [...new Set(searchWords(query))].slice(0, 64);
}

/** How much a word counts in each part of an entry: the question and keywords say what it is about. */
export const FIELD_WEIGHTS = { question: 2, keywords: 2, answer: 1, legalBasis: 1 } as const;

export interface IndexedText {
  question: string;
  answer: string;
  keywords: string;
  legalBasis: string;
}

/** An entry's index: each term with its field-weighted count, and the weighted length (BM25's document length). */
export function indexTerms(entry: IndexedText): { terms: Map<string, number>; length: number } {
  const terms = new Map<string, number>();
  let length = 0;
  for (const field of Object.keys(FIELD_WEIGHTS) as Array<keyof IndexedText>) {
    const weight = FIELD_WEIGHTS[field];
    for (const word of searchWords(entry[field])) {
      terms.set(word, (terms.get(word) ?? 0) + weight);
      length += weight;
    }
  }
  return { terms, length };
}
