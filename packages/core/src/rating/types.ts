/**
 * RATE-02 rating, as the domain sees it: one network record, the tariff's prices and the line's buckets at the
 * record's time in, a price and a package consumption out. Nothing here knows about files or the database.
 */
import type { Rates, ZoneRates } from '../catalog/types.ts';
import type { Kopecks, Millikopecks } from '../money.ts';
import type { PackageKind } from '../packages.ts';

export type UsageKind = 'voice_out' | 'voice_in' | 'sms_out' | 'sms_in' | 'mms_out' | 'mms_in' | 'data';

export const USAGE_KINDS: readonly UsageKind[] = [
  'voice_out',
  'voice_in',
  'sms_out',
  'sms_in',
  'mms_out',
  'mms_in',
  'data',
];

/**
 * Tariff prices the rating reads: the catalog's `Rates` plus two rules the catalog file does not carry yet
 * (they may be present in `tariffs.rates` JSON). All prices are integer kopecks per unit named by the key.
 */
export interface RatingRates extends Rates {
  /** Calls of at most this many seconds are neither charged nor taken from packages (e.g. 3 s). Default 0. */
  voice_free_sec?: number;
  /** An MMS sent at home, per message. Absent: MMS is not sold on the tariff. */
  mms_out?: number;
  roaming?: Record<string, ZoneRates & { mms_out?: number }>;
}

/** One record to rate. `volume` is in network units: seconds (voice), messages (SMS, MMS), bytes (data). */
export interface UsageToRate {
  kind: UsageKind;
  at: Date;
  volume: bigint;
  /** E.164 number of the other party, if known: a number outside +7 makes an outgoing call international. */
  otherParty?: string | null | undefined;
  /** Roaming zone code; null or absent at home. */
  zone?: string | null | undefined;
}

/** A bucket of a package on the line, as rating needs it. `left` is what remains before this record. */
export interface RatingBucket {
  id: string;
  kind: PackageKind;
  left: bigint;
  periodStart: Date;
  /** Null: the bucket never expires (a one-off package). */
  periodEnd: Date | null;
  /** A tariff's own package, or an option's. */
  origin: 'tariff' | 'option';
  /** Roaming packages: the zones where they apply. Empty: a home package, never used abroad. */
  zones: readonly string[];
  /** The option whose package made the bucket (origin `option`): it applies only while the option is on. */
  optionId?: string | null;
}

export interface BucketTake {
  bucketId: string;
  amount: bigint;
}

export type RatingRejection =
  /** The tariff has no price for this kind of usage (not sold on it). */
  | 'not_priced'
  /** Roaming in a zone the tariff has no prices for. */
  | 'zone_not_priced'
  /** Negative volume, or a message whose volume is not 1. */
  | 'bad_volume';

export type RatingOutcome =
  | {
      ok: true;
      /** Volume after rounding up to the billing step (per minute, per KB …): what packages and price see. */
      billableVolume: bigint;
      /** Taken from packages, in the order they were drawn. */
      takes: BucketTake[];
      fromPackage: bigint;
      /** Billable volume beyond the packages, priced at the tariff's rate. */
      chargedVolume: bigint;
      /** Exact-enough price before the one rounding rule (sub-millikopeck remainders dropped). */
      priceMillikopecks: Millikopecks;
      /** What the record costs: `roundToKopecks(priceMillikopecks)`. */
      cost: Kopecks;
    }
  | { ok: false; reason: RatingRejection };
