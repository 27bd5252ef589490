/** PLAN-05: the price of a configurable tariff for a choice of minutes, gigabytes and messages. */
import type { CatalogPackage, ConfigurableRates } from './types.ts';

export interface ConfigurableChoice {
  minutes: number;
  gigabytes: number;
  messages: number;
}

/**
 * The monthly fee (kopecks) for `choice`: `base_fee` plus the fee of the chosen step of each kind. Null when a
 * chosen amount is not one of the steps — sliders move between steps, there is no price in between. A kind
 * with no steps must be chosen as 0.
 */
export function configurableFee(rates: ConfigurableRates, choice: ConfigurableChoice): bigint | null {
  const stepFee = (steps: { fee: number }[], amounts: number[], chosen: number): number | null => {
    if (steps.length === 0) return chosen === 0 ? 0 : null;
    const step = steps[amounts.indexOf(chosen)];
    return step ? step.fee : null;
  };
  const fees = [
    stepFee(
      rates.voice,
      rates.voice.map((s) => s.minutes),
      choice.minutes,
    ),
    stepFee(
      rates.data,
      rates.data.map((s) => s.gigabytes),
      choice.gigabytes,
    ),
    stepFee(
      rates.sms,
      rates.sms.map((s) => s.messages),
      choice.messages,
    ),
  ];
  if (fees.some((f) => f === null)) return null;
  return fees.reduce<bigint>((sum, f) => sum + BigInt(f ?? 0), BigInt(rates.base_fee));
}

const SECONDS_PER_MINUTE = 60n;
const BYTES_PER_GB = 1024n * 1024n * 1024n;

/**
 * The choice a tariff's own packages make (its default slider positions), in display units. Amounts that are not
 * whole minutes or gigabytes come out as fractions, which match no step — the check reports them.
 */
export function defaultChoice(packages: readonly CatalogPackage[]): ConfigurableChoice {
  const sum = (kind: CatalogPackage['kind']) =>
    packages.filter((p) => p.kind === kind).reduce((total, p) => total + p.amount, 0n);
  return {
    minutes: Number(sum('voice')) / Number(SECONDS_PER_MINUTE),
    gigabytes: Number(sum('data')) / Number(BYTES_PER_GB),
    messages: Number(sum('sms')),
  };
}
