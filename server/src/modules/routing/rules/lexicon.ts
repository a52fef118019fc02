// A character trie over a word list, for the run-time segmenter. Lookups are memory-bound,
// so the layout is compact: the root's children sit in a direct table indexed by CJK code
// point, deeper transitions in one open-addressing table whose slot (key, child) shares a
// cache line; a per-node bit says whether probing for children is worth it at all, and a
// one-bit-per-pair filter small enough to stay cached answers most "no such child" questions
// (every word ends with one) without touching the big table.

export const WORD_END = 1;
export const STOPWORD = 2;
const HAS_CHILDREN = 4;

const HAN_FIRST = 0x3400;
const HAN_LAST = 0x9fff;

export class Lexicon {
  /** Per node: WORD_END | STOPWORD | HAS_CHILDREN bits. */
  readonly flags: Uint8Array;
  readonly size: number;
  private readonly root: Int32Array;
  /** Slot s: [2s] = node · 65536 + unit + 1 (0 = empty), [2s + 1] = child node. */
  private readonly table: Float64Array;
  private readonly mask: number;
  private readonly filter: Int32Array;
  private readonly filterMask: number;
  private nodes = 1;

  constructor(words: readonly string[], stopwords: Iterable<string>) {
    const stops = [...stopwords];
    let chars = 1;
    for (const w of words) chars += w.length;
    for (const w of stops) chars += w.length;
    let slots = 16;
    while (slots < 1.5 * chars) slots *= 2;
    this.root = new Int32Array(HAN_LAST - HAN_FIRST + 1).fill(-1);
    this.table = new Float64Array(2 * slots);
    this.mask = slots - 1;
    let bits = 1 << 16;
    while (bits < 8 * chars && bits < 1 << 22) bits *= 2;
    this.filter = new Int32Array(bits >>> 5);
    this.filterMask = bits - 1;
    this.flags = new Uint8Array(chars);
    for (const w of words) this.insert(w, WORD_END);
    for (const w of stops) this.insert(w, WORD_END | STOPWORD);
    this.size = words.length;
  }

  private slot(node: number, c: number): number {
    const h = Math.imul(node ^ Math.imul(c, 0x9e3779b1), 0x85ebca6b);
    return (h ^ (h >>> 15)) & this.mask;
  }

  private filterBit(node: number, c: number): number {
    return Math.imul(node ^ Math.imul(c, 0x27d4eb2d), 0x9e3779b1) >>> 7 & this.filterMask;
  }

  /** The child of `node` along unit `c`, or -1. The root is node 0. */
  next(node: number, c: number): number {
    if (node === 0) return c >= HAN_FIRST && c <= HAN_LAST ? this.root[c - HAN_FIRST]! : -1;
    if ((this.flags[node]! & HAS_CHILDREN) === 0) return -1;
    const bit = this.filterBit(node, c);
    if ((this.filter[bit >>> 5]! & (1 << (bit & 31))) === 0) return -1;
    const key = node * 65536 + c + 1;
    const table = this.table;
    const mask = this.mask;
    for (let s = this.slot(node, c); ; s = (s + 1) & mask) {
      const k = table[2 * s]!;
      if (k === key) return table[2 * s + 1]!;
      if (k === 0) return -1;
    }
  }

  private insert(word: string, flag: number): void {
    if (!word) return;
    const first = word.charCodeAt(0);
    if (first < HAN_FIRST || first > HAN_LAST) return; // the segmenter starts words at CJK characters only
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      let next = this.next(node, c);
      if (next < 0) {
        next = this.nodes++;
        if (node === 0) this.root[c - HAN_FIRST] = next;
        else {
          this.flags[node]! |= HAS_CHILDREN;
          let s = this.slot(node, c);
          while (this.table[2 * s] !== 0) s = (s + 1) & this.mask;
          this.table[2 * s] = node * 65536 + c + 1;
          this.table[2 * s + 1] = next;
          const bit = this.filterBit(node, c);
          this.filter[bit >>> 5]! |= 1 << (bit & 31);
        }
      }
      node = next;
    }
    this.flags[node]! |= flag;
  }
}
