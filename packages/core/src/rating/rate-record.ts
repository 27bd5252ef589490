/**
 * RATE-02: the price of one network record on the line's tariff, after its packages.
 *
 * - Incoming calls and messages at home are free and touch no package.
 * - Outgoing international calls and SMS (other party outside +7) are priced by `voice_intl_per_min` /
 *   `sms_intl` and never come from packages (packages are for calls and messages inside the country).
 * - Abroad (`zone`), prices come from `rates.roaming[zone]`; only roaming packages for that zone apply; incoming
 *   calls are charged (`voice_in_per_min`), incoming messages are free.
 * - Calls up to `voice_free_sec` seconds cost nothing and use no package.
 * - Otherwise the volume is rounded up to the billing step, packages are drawn in order (buckets.ts), and what
 *   is left is priced at the rate and rounded to kopecks once (steps.ts).
 */
import type { ZoneRates } from '../catalog/types.ts';
import type { Millikopecks } from '../money.ts';
import type { PackageKind } from '../packages.ts';
import { drawFromBuckets, eligibleBuckets } from './buckets.ts';
import { billingStep, costOf, priceInMillikopecks, rateUnit, roundUpToStep } from './steps.ts';
import type {
  RatingBucket,
  RatingOutcome,
  RatingRates,
  RatingRejection,
  UsageKind,
  UsageToRate,
} from './types.ts';

const PACKAGE_KIND: Record<UsageKind, PackageKind> = {
  voice_out: 'voice',
  voice_in: 'voice',
  sms_out: 'sms',
  sms_in: 'sms',
  mms_out: 'sms',
  mms_in: 'sms',
  data: 'data',
};

/** The package kind a usage kind is measured in (MMS count as messages but never come from SMS packages). */
export function packageKindOf(kind: UsageKind): PackageKind {
  return PACKAGE_KIND[kind];
}

/** True for a number outside Russia (+7): outgoing calls and SMS to it are international. */
export function isInternational(otherParty: string | null | undefined): boolean {
  return typeof otherParty === 'string' && otherParty.startsWith('+') && !otherParty.startsWith('+7');
}

interface Pricing {
  /** Kopecks per rate unit; undefined: not sold. */
  rate: number | undefined;
  /** Whether packages of the kind may pay for it. */
  fromPackages: boolean;
}

function homePricing(usage: UsageToRate, rates: RatingRates): Pricing | 'free' {
  switch (usage.kind) {
    case 'voice_in':
    case 'sms_in':
    case 'mms_in':
      return 'free';
    case 'voice_out':
      return isInternational(usage.otherParty)
        ? { rate: rates.voice_intl_per_min, fromPackages: false }
        : { rate: rates.voice_out_per_min, fromPackages: true };
    case 'sms_out':
      return isInternational(usage.otherParty)
        ? { rate: rates.sms_intl, fromPackages: false }
        : { rate: rates.sms_out, fromPackages: true };
    case 'mms_out':
      return { rate: rates.mms_out, fromPackages: false };
    case 'data':
      return { rate: rates.data_per_mb, fromPackages: true };
  }
}

function roamingPricing(kind: UsageKind, zone: ZoneRates & { mms_out?: number }): Pricing | 'free' {
  switch (kind) {
    case 'sms_in':
    case 'mms_in':
      return 'free';
    case 'voice_out':
      return { rate: zone.voice_out_per_min, fromPackages: true };
    case 'voice_in':
      return { rate: zone.voice_in_per_min, fromPackages: true };
    case 'sms_out':
      return { rate: zone.sms_out, fromPackages: true };
    case 'mms_out':
      return { rate: zone.mms_out, fromPackages: false };
    case 'data':
      return { rate: zone.data_per_mb, fromPackages: true };
  }
}

function reject(reason: RatingRejection): RatingOutcome {
  return { ok: false, reason };
}

const FREE: RatingOutcome = {
  ok: true,
  billableVolume: 0n,
  takes: [],
  fromPackage: 0n,
  chargedVolume: 0n,
  priceMillikopecks: 0n as Millikopecks,
  cost: costOf(0n as Millikopecks),
};

/**
 * Rates one record. `buckets` are the line's buckets with what is left of them before this record (any order;
 * only the eligible ones are drawn). The caller applies `takes` to its bucket state before rating the next
 * record of the line.
 */
export function rateRecord(
  usage: UsageToRate,
  rates: RatingRates,
  buckets: readonly RatingBucket[],
): RatingOutcome {
  const kind = packageKindOf(usage.kind);
  if (usage.volume < 0n || (kind === 'sms' && usage.volume !== 1n)) return reject('bad_volume');
  const zone = usage.zone ?? null;
  let pricing: Pricing | 'free';
  if (zone !== null) {
    const zoneRates = rates.roaming?.[zone];
    if (!zoneRates) return reject('zone_not_priced');
    pricing = roamingPricing(usage.kind, zoneRates);
  } else {
    pricing = homePricing(usage, rates);
  }
  if (pricing === 'free') return FREE;
  if (pricing.rate === undefined) return reject('not_priced');
  if (kind === 'voice' && usage.volume <= BigInt(Math.max(0, rates.voice_free_sec ?? 0))) return FREE;

  const billableVolume = roundUpToStep(usage.volume, billingStep(kind, rates));
  const { takes, rest } = pricing.fromPackages
    ? drawFromBuckets(eligibleBuckets(buckets, kind, usage.at, zone), billableVolume)
    : { takes: [], rest: billableVolume };
  const priceMillikopecks = priceInMillikopecks(rest, pricing.rate, rateUnit(kind));
  return {
    ok: true,
    billableVolume,
    takes,
    fromPackage: billableVolume - rest,
    chargedVolume: rest,
    priceMillikopecks,
    cost: costOf(priceMillikopecks),
  };
}
