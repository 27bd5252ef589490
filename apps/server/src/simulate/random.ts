/** Mulberry32: a small seeded generator, so `kabinet simulate --seed S` gives the same usage every time. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A seed for one (line, day) from the run's seed: each line-day is reproducible on its own. */
export function mixSeed(...parts: number[]): number {
  let h = 2_166_136_261;
  for (const p of parts) {
    h ^= p >>> 0;
    h = Math.imul(h, 16_777_619) >>> 0;
    h ^= h >>> 13;
  }
  return h >>> 0;
}

/** Poisson-distributed count with mean `lambda` (Knuth; the means here are small). */
export function poisson(rnd: () => number, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rnd();
  while (p > limit) {
    k += 1;
    p *= rnd();
  }
  return k;
}

/** Exponentially distributed value with the given mean. */
export function exponential(rnd: () => number, mean: number): number {
  return -Math.log(1 - rnd()) * mean;
}

/** Log-normal value with the given median and spread (sigma of the log). */
export function logNormal(rnd: () => number, median: number, sigma: number): number {
  // Box–Muller.
  const z = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  return median * Math.exp(sigma * z);
}
