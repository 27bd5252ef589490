/**
 * Billing steps and the price of a volume. The rule in one place: the volume is rounded up to the tariff's step
 * once (a 61-second call on a per-minute tariff is 120 billable seconds, packages included); the charged part is
 * priced in millikopecks — a 2.90 ₽ minute billed per second is 4 833.3 millikopecks a second, not a whole
 * kopeck — dropping any sub-millikopeck remainder (in the subscriber's favour); and `roundToKopecks` (half up)
 * turns it into the record's cost, once per record, never on sums.
 */
import { type Kopecks, type Millikopecks, roundToKopecks } from '../money.ts';
import type { PackageKind } from '../packages.ts';

export const BYTES_PER_KB = 1024n;
export const BYTES_PER_MB = 1_048_576n;
export const SECONDS_PER_MINUTE = 60n;

/** Rounds `volume` up to a whole number of `step`s (step ≥ 1). */
export function roundUpToStep(volume: bigint, step: bigint): bigint {
  if (step < 1n) throw new RangeError(`A billing step must be at least 1, got ${step}`);
  if (volume <= 0n) return 0n;
  return ((volume + step - 1n) / step) * step;
}

/** The billing step of a kind, in network units: seconds of a call, bytes of a session, one message. */
export function billingStep(
  kind: PackageKind,
  rates: { voice_increment_sec?: number; data_increment_kb?: number },
): bigint {
  if (kind === 'voice') return BigInt(positiveInt(rates.voice_increment_sec, 60));
  if (kind === 'data') return BigInt(positiveInt(rates.data_increment_kb, 1024)) * BYTES_PER_KB;
  return 1n;
}

/** Network units a rate is quoted for: a minute, a megabyte, a message. */
export function rateUnit(kind: PackageKind): bigint {
  return kind === 'voice' ? SECONDS_PER_MINUTE : kind === 'data' ? BYTES_PER_MB : 1n;
}

/** `units` at `rate` kopecks per `unit` network units, in millikopecks (sub-millikopeck remainder dropped). */
export function priceInMillikopecks(units: bigint, rate: number, unit: bigint): Millikopecks {
  if (!Number.isSafeInteger(rate) || rate < 0) throw new RangeError(`Bad rate: ${rate}`);
  if (units <= 0n || rate === 0) return 0n as Millikopecks;
  return ((units * BigInt(rate) * 1000n) / unit) as Millikopecks;
}

/** The record's cost: the one rounding rule (core/money.ts `roundToKopecks`, half up), applied once. */
export function costOf(price: Millikopecks): Kopecks {
  return roundToKopecks(price);
}

function positiveInt(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isSafeInteger(value) && value >= 1 ? value : fallback;
}
