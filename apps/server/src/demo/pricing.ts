/**
 * Prices of usage beyond the packages, by the tariff's `rates` (see core/catalog/types.ts and docs/catalog.md). Every price is computed in
 * millikopecks and rounded to kopecks once per record with `roundToKopecks` — the one charging rule.
 */
import { roundToKopecks } from '@kabinet/core';

const BYTES_PER_MB = 1_048_576n;

/**
 * `units` rounded up to whole `increment`s, priced at `rate` kopecks per `block` units. Per-second billing of a
 * 2.90 ₽ minute is 290/60 kopecks a second: not a whole number, hence millikopecks before the single rounding.
 */
function price(units: bigint, increment: bigint, rate: bigint, block: bigint): bigint {
  if (units <= 0n || rate === 0n) return 0n;
  const charged = ((units + increment - 1n) / increment) * increment;
  return roundToKopecks((charged * rate * 1000n) / block);
}

export function voicePrice(seconds: bigint, ratePerMinute: number, incrementSeconds = 60): bigint {
  return price(seconds, BigInt(incrementSeconds), BigInt(ratePerMinute), 60n);
}

export function dataPrice(bytes: bigint, ratePerMb: number, incrementKb = 1024): bigint {
  return price(bytes, BigInt(incrementKb) * 1024n, BigInt(ratePerMb), BYTES_PER_MB);
}

export function smsPrice(messages: bigint, ratePerMessage: number): bigint {
  return messages * BigInt(ratePerMessage);
}
