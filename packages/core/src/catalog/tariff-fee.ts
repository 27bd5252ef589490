/**
 * The periodic fee of a line's tariff at an instant: the one rule every screen and every charge uses, so the
 * price a subscriber is shown is the price charged (PLAN-01/02/05, OPS-03).
 */
import { type ConfigurableChoice, configurableFee } from './configurable.ts';
import { effectiveFee } from './effective-fee.ts';
import type { ConfigurableRates, PriceChange } from './types.ts';

export interface TariffPrice {
  /** The fee before the first price change (for a configurable tariff: the price of its default choice). */
  fee: bigint;
  priceChanges: readonly PriceChange[];
  configurable?: ConfigurableRates | null;
}

/**
 * The fee due at `at`: a configurable tariff with the line's choice costs what the choice costs (it changes price
 * through its steps, never through price changes — the catalog check forbids them there); any other tariff,
 * or a choice the steps no longer price, costs the effective-dated fee.
 */
export function tariffFeeAt(
  tariff: TariffPrice,
  choice: ConfigurableChoice | null,
  at: Date,
  timeZone: string,
): bigint {
  if (tariff.configurable && choice) {
    const fee = configurableFee(tariff.configurable, choice);
    if (fee !== null) return fee;
  }
  return effectiveFee(tariff, at, timeZone);
}
