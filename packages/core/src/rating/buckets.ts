/**
 * Which packages a record may draw from, and in what order (decisions/0012):
 *
 * 1. Only buckets of the record's kind whose period holds the record's time.
 * 2. At home only home buckets (no zones); in roaming only buckets of options sold for that zone — home minutes
 *    are never spent abroad, and a roaming package never pays for home usage.
 * 3. The bucket that expires first goes first (a bucket that never expires goes last): what would be lost at
 *    the end of the period is used before what would carry on.
 * 4. At equal expiry, the tariff's own package before an option's (the option is what the subscriber bought on
 *    top, and is kept for last), then by bucket id, so that two runs always agree.
 */
import type { PackageKind } from '../packages.ts';
import type { BucketTake, RatingBucket } from './types.ts';

/** The buckets `kind` usage at `at` in `zone` may use, in the order they are drawn. */
export function eligibleBuckets(
  buckets: readonly RatingBucket[],
  kind: PackageKind,
  at: Date,
  zone: string | null,
): RatingBucket[] {
  const t = at.getTime();
  return buckets
    .filter(
      (b) =>
        b.kind === kind &&
        b.periodStart.getTime() <= t &&
        (b.periodEnd === null || t < b.periodEnd.getTime()) &&
        (zone === null ? b.zones.length === 0 : b.zones.includes(zone)),
    )
    .sort(compareBuckets);
}

/** Drawing order of two eligible buckets (see the file comment). */
export function compareBuckets(a: RatingBucket, b: RatingBucket): number {
  const ea = a.periodEnd?.getTime() ?? Number.POSITIVE_INFINITY;
  const eb = b.periodEnd?.getTime() ?? Number.POSITIVE_INFINITY;
  if (ea !== eb) return ea < eb ? -1 : 1;
  if (a.origin !== b.origin) return a.origin === 'tariff' ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Takes up to `volume` from `ordered` buckets, first to last; returns the takes and what is still needed. */
export function drawFromBuckets(
  ordered: readonly RatingBucket[],
  volume: bigint,
): { takes: BucketTake[]; rest: bigint } {
  const takes: BucketTake[] = [];
  let rest = volume;
  for (const b of ordered) {
    if (rest <= 0n) break;
    if (b.left <= 0n) continue;
    const amount = b.left < rest ? b.left : rest;
    takes.push({ bucketId: b.id, amount });
    rest -= amount;
  }
  return { takes, rest };
}
