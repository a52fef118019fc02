/**
 * The generator's randomness: sfc32 (128-bit state), seeded through splitmix32. mulberry32,
 * which the small demo uses, has 32 bits of state: over ten million requests its draws
 * would repeat and tracking codes and ids would collide.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const split = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = split();
    this.b = split();
    this.c = split();
    this.d = split();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** A function drawing from this source, for helpers that take `() => number`. */
  readonly fn = (): number => this.next();

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }

  /** Log-normal with the given median and sigma of the log (Box–Muller). */
  logNormal(median: number, sigma: number): number {
    const u = 1 - this.next();
    const v = this.next();
    return median * Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  }
}

/** Draws an index in proportion to fixed weights, by bisection over the running sums. */
export class Sampler {
  private readonly sums: Float64Array;
  readonly total: number;

  constructor(weights: readonly number[]) {
    this.sums = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((w, i) => (this.sums[i] = sum += Math.max(0, w)));
    this.total = sum;
    if (!(sum > 0)) throw new Error('Sampler: weights sum to zero');
  }

  draw(random: Random): number {
    const x = random.next() * this.total;
    let lo = 0;
    let hi = this.sums.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sums[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(n: number): string {
  return HEX[n >>> 24]! + HEX[(n >>> 16) & 255]! + HEX[(n >>> 8) & 255]! + HEX[n & 255]!;
}

/** murmur3's finaliser: a bijection on 32 bits, so distinct counters give distinct prefixes. */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Where a part's counter starts: parts take disjoint ranges of the 32-bit counter space. */
function counterStart(seed: number, salt: number, part: { index: number; count: number }): number {
  const span = Math.floor(0x1_0000_0000 / part.count);
  return (part.index * span + (mix32(seed ^ salt) % Math.max(1, span - 400_000_000))) >>> 0;
}

/**
 * Version-4 UUIDs that look random but never repeat within a run: the first 32 bits are a
 * bijection of a counter (each generator thread counting in a range of its own), the other
 * 90 free bits come from `random`.
 */
export class UuidSource {
  private counter: number;

  constructor(
    private readonly random: Random,
    seed: number,
    part = { index: 0, count: 1 },
  ) {
    this.counter = counterStart(seed, 0x5bd1e995, part);
  }

  next(): string {
    const first = mix32(this.counter);
    this.counter = (this.counter + 1) >>> 0;
    const b = this.random.uint32();
    const c = this.random.uint32();
    const d = this.random.uint32();
    const bHex = hex32(((b & 0xffff0fff) | 0x00004000) >>> 0);
    const cHex = hex32(((c & 0x3fffffff) | 0x80000000) >>> 0);
    return `${hex32(first)}-${bHex.slice(0, 4)}-${bHex.slice(4)}-${cHex.slice(0, 4)}-${cHex.slice(4)}${hex32(d)}`;
  }
}

// Crockford's base32, as the app's tracking codes (requests/rules/tracking-code.ts).
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Tracking codes in the app's format; 32 of the 80 bits are a counter bijection, so none repeats in a run. */
export class TrackingCodeSource {
  private counter: number;

  constructor(
    private readonly random: Random,
    seed: number,
    part = { index: 0, count: 1 },
  ) {
    this.counter = counterStart(seed, 0x27d4eb2f, part);
  }

  next(): string {
    const unique = mix32(this.counter);
    this.counter = (this.counter + 1) >>> 0;
    const extra = this.random.uint32();
    let out = '';
    for (let i = 0; i < 6; i++) out += ALPHABET[(unique >>> (i * 5)) & 31];
    out += ALPHABET[(unique >>> 30) | ((extra & 7) << 2)];
    for (let i = 0; i < 9; i++) out += ALPHABET[this.random.uint32() & 31];
    return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8, 12)}-${out.slice(12)}`;
  }
}
