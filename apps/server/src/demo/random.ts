/**
 * Seeded randomness for the demo data. The seeder draws every choice from one `() => number` in [0, 1), so the
 * same seed (and the same `now`) gives the same subscribers, usage and money — reproducible demos and tests.
 */
export type RandomSource = () => number;

/** mulberry32: a tiny, fast 32-bit PRNG; good enough for demo data, not for anything secret. */
export function mulberry32(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  constructor(private readonly source: RandomSource) {}

  next(): number {
    return this.source();
  }

  /**
   * A child generator with its own stream. Each account simulates on a fork, so re-running one account (the
   * top-up planner rates it twice) replays exactly the same draws without disturbing anybody else's.
   */
  fork(): Rng {
    return new Rng(mulberry32(Math.floor(this.source() * 4294967296)));
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.source() * (max - min + 1));
  }

  float(min: number, max: number): number {
    return min + this.source() * (max - min);
  }

  chance(probability: number): boolean {
    return this.source() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.source() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }

  /** Picks by weight; weights need not sum to 1. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.source() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    const last = entries.at(-1);
    if (!last) throw new RangeError('weighted pick from an empty list');
    return last[0];
  }

  /** Standard normal by Box–Muller. */
  normal(): number {
    const u = Math.max(this.source(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.source());
  }

  /** Log-normal around `median`: most values near it, a long tail up — like call lengths and data sessions. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Poisson count with mean `lambda` (Knuth; the seeder's means are small). */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.source();
    while (p > limit) {
      k++;
      p *= this.source();
    }
    return k;
  }

  /** `count` distinct items in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.source() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, count);
  }

  /** A string of `length` random decimal digits. */
  digits(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += Math.floor(this.source() * 10).toString();
    return out;
  }
}
