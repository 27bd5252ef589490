/**
 * Package (bucket) amounts are stored in network units — seconds of voice, messages, bytes of data — and shown in
 * the units people buy them in. Conversion is here, once.
 */
export type PackageKind = 'voice' | 'sms' | 'data';
export type DisplayUnit = 'min' | 'sms' | 'mb';

export const DISPLAY_UNIT: Record<PackageKind, DisplayUnit> = { voice: 'min', sms: 'sms', data: 'mb' };

const UNIT_SIZE: Record<PackageKind, bigint> = { voice: 60n, sms: 1n, data: 1024n * 1024n };

/** Network units → whole display units, rounded down (a started minute or megabyte is not "left"). */
export function toDisplayUnits(kind: PackageKind, amount: bigint): number {
  return Number(amount / UNIT_SIZE[kind]);
}

/** Whole display units → network units. */
export function fromDisplayUnits(kind: PackageKind, amount: number): bigint {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`Bad package amount: ${amount}`);
  return BigInt(amount) * UNIT_SIZE[kind];
}

export interface BucketAmounts {
  total: bigint;
  used: bigint;
}

/** A bucket as people see it: total and remaining rounded down, used as the difference so the bar adds up. */
export function presentBucket(kind: PackageKind, bucket: BucketAmounts) {
  const total = toDisplayUnits(kind, bucket.total);
  const left = bucket.used >= bucket.total ? 0n : bucket.total - bucket.used;
  const remaining = Math.min(total, toDisplayUnits(kind, left));
  return { unit: DISPLAY_UNIT[kind], total, remaining, used: total - remaining };
}
