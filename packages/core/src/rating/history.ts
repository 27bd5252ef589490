/**
 * RATE-02: what a line had at a record's time (decisions/0012). A record is rated on the tariff and with the
 * options the line had when it happened, not the ones it has when the record arrives: the line's effective-dated
 * periods (SVC-10 `line_service_periods`) say which. A time no tariff period covers (a line whose history was
 * never written, or a record older than the history) falls back to the line's current state.
 */
import type { RatingBucket } from './types.ts';

/** One period of a tariff or an option on a line: [fromMs, toMs) in epoch ms, `toMs` null while it still is. */
export interface RatingPeriod {
  tariffId: string | null;
  optionId: string | null;
  fromMs: number;
  toMs: number | null;
}

export interface RatingServices {
  tariffId: string;
  /** Options on the line at that time; null: unknown (no history covers it), so every current bucket applies. */
  options: ReadonlySet<string> | null;
}

const covers = (p: RatingPeriod, t: number) => p.fromMs <= t && (p.toMs === null || t < p.toMs);

/**
 * The tariff and options of a line at `at`, from its periods (any order; only those overlapping the batch are
 * needed). Two tariff periods covering the same instant cannot be written by the commands; should they exist,
 * the later-started one wins.
 */
export function servicesAt(
  periods: readonly RatingPeriod[],
  at: Date,
  currentTariffId: string,
): RatingServices {
  const t = at.getTime();
  let tariff: RatingPeriod | null = null;
  for (const p of periods) {
    if (p.tariffId !== null && covers(p, t) && (tariff === null || p.fromMs > tariff.fromMs)) tariff = p;
  }
  if (tariff === null || tariff.tariffId === null) return { tariffId: currentTariffId, options: null };
  const options = new Set<string>();
  for (const p of periods) if (p.optionId !== null && covers(p, t)) options.add(p.optionId);
  return { tariffId: tariff.tariffId, options };
}

/**
 * The buckets a record may draw from given what the line had at its time: an option's bucket only while the
 * option was on the line (a bucket reused across a disconnect and a reconnect keeps its earlier period start, so
 * its period alone would let usage in the gap draw from it). Tariff buckets are bounded by their own periods,
 * which a tariff change ends and starts. Returns `buckets` itself when nothing is filtered out.
 */
export function bucketsAt<B extends RatingBucket>(
  buckets: readonly B[],
  services: RatingServices,
): readonly B[] {
  const options = services.options;
  if (options === null) return buckets;
  let keep = true;
  for (const b of buckets) {
    if (b.optionId && !options.has(b.optionId)) {
      keep = false;
      break;
    }
  }
  if (keep) return buckets;
  return buckets.filter((b) => !b.optionId || options.has(b.optionId));
}
