/**
 * PLAN-02/03: what moving onto a tariff costs. The catalog states it in the target tariff's `rates` as
 * `transition_fee` (integer kopecks); an absent key means the move is free.
 */

/** The transition fee onto a tariff, from its `rates`; 0 when absent. Throws on a value that is not kopecks. */
export function transitionFeeOf(rates: Readonly<Record<string, unknown>>): bigint {
  const fee = rates.transition_fee;
  if (fee === undefined || fee === null) return 0n;
  if (typeof fee !== 'number' || !Number.isSafeInteger(fee) || fee < 0) {
    throw new RangeError(
      `rates.transition_fee must be a non-negative integer of kopecks, got ${String(fee)}`,
    );
  }
  return BigInt(fee);
}

/** A fee period's price over 30 days, to compare daily and monthly tariffs (PLAN-02 sorting). */
export function monthlyEquivalent(fee: bigint, feePeriod: 'day' | 'month'): bigint {
  return feePeriod === 'day' ? fee * 30n : fee;
}
