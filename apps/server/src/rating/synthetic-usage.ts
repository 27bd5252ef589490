/**
 * Synthetic network records for the rating benchmark and the importer's fault test: a seeded mix of calls,
 * messages and data sessions over a set of numbers, produced lazily in batches so no run holds its whole input.
 * `hotShare` sends that share of records to the first 1% of the numbers (the skewed load).
 */
import type { UsageInput } from './ingest.ts';

/** Mulberry32: small, fast and good enough to make a reproducible load. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface SyntheticOptions {
  msisdns: readonly string[];
  count: number;
  batchSize: number;
  seed: number;
  /** Records start in [from, from + spanMs). */
  from: Date;
  spanMs: number;
  /** Prefix of the record ids, so two loads never share an id. */
  idPrefix: string;
  hotShare?: number;
}

/** One record: the i-th of a load, drawn with `rnd`. */
export function syntheticRecord(o: SyntheticOptions, i: number, rnd: () => number): UsageInput {
  const n = o.msisdns.length;
  const hot = Math.max(1, Math.floor(n / 100));
  const pick =
    o.hotShare !== undefined && rnd() < o.hotShare ? Math.floor(rnd() * hot) : Math.floor(rnd() * n);
  const msisdn = o.msisdns[pick] ?? '';
  const startedAt = new Date(o.from.getTime() + Math.floor(rnd() * o.spanMs));
  const recordId = `${o.idPrefix}${i.toString(36)}`;
  const k = rnd();
  const party = `+7916${String(Math.floor(rnd() * 10_000_000)).padStart(7, '0')}`;
  if (k < 0.4)
    return {
      recordId,
      msisdn,
      startedAt,
      kind: 'voice_out',
      otherParty: party,
      durationSec: 5 + Math.floor(rnd() * 400),
    };
  if (k < 0.55)
    return {
      recordId,
      msisdn,
      startedAt,
      kind: 'voice_in',
      otherParty: party,
      durationSec: 5 + Math.floor(rnd() * 400),
    };
  if (k < 0.7) return { recordId, msisdn, startedAt, kind: 'sms_out', otherParty: party };
  if (k < 0.8) return { recordId, msisdn, startedAt, kind: 'sms_in', otherParty: party };
  return { recordId, msisdn, startedAt, kind: 'data', bytes: Math.floor(rnd() * 50_000_000) };
}

/** The load, `batchSize` records at a time. */
export function* syntheticBatches(o: SyntheticOptions): Generator<UsageInput[]> {
  const rnd = seededRandom(o.seed);
  for (let start = 0; start < o.count; start += o.batchSize) {
    const batch: UsageInput[] = [];
    const end = Math.min(o.count, start + o.batchSize);
    for (let i = start; i < end; i++) batch.push(syntheticRecord(o, i, rnd));
    yield batch;
  }
}
