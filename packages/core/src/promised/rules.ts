/**
 * PAY-05: the operator's promised-payment rules, one documented object (docs/promised-payment.md). The defaults
 * live here; an operator overrides any field with the JSON document in `promised_payment_settings` (snake_case),
 * read by `promisedRulesFrom`. Money is kopecks.
 */
export interface PromisedOffer {
  /** What the subscriber gets, kopecks. */
  amount: bigint;
  /** Offered when the average monthly top-ups reach this (kopecks). */
  minAverage: bigint;
}

export interface PromisedFeeStep {
  /** The fee applies to amounts strictly above this (kopecks). */
  above: bigint;
  fee: bigint;
}

export interface PromisedRules {
  /** Days since the line was activated before the first promised payment. */
  minTenureDays: number;
  /** Months of top-ups averaged (30-day months counted back from now). */
  windowMonths: number;
  /** Days from taking to the automatic debit. */
  termDays: number;
  /** Hours before the debit that the reminder goes out. */
  reminderHours: number;
  /** The amounts, each with the average monthly top-ups it needs; ascending by amount. */
  offers: PromisedOffer[];
  /** Fee steps, ascending by `above`; an amount pays the fee of the highest step below it, none below all. */
  fees: PromisedFeeStep[];
}

const RUB = 100n;

export const DEFAULT_PROMISED_RULES: PromisedRules = {
  minTenureDays: 60,
  windowMonths: 3,
  termDays: 3,
  reminderHours: 24,
  offers: [
    { amount: 50n * RUB, minAverage: 100n * RUB },
    { amount: 100n * RUB, minAverage: 100n * RUB },
    { amount: 200n * RUB, minAverage: 300n * RUB },
    { amount: 300n * RUB, minAverage: 500n * RUB },
    { amount: 500n * RUB, minAverage: 800n * RUB },
    { amount: 800n * RUB, minAverage: 1500n * RUB },
  ],
  fees: [
    { above: 100n * RUB, fee: 10n * RUB },
    { above: 300n * RUB, fee: 25n * RUB },
    { above: 500n * RUB, fee: 50n * RUB },
  ],
};

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;
const count = (value: unknown, fallback: number, min = 0): number =>
  isCount(value) && value >= min ? value : fallback;

function list<T>(value: unknown, item: (raw: Record<string, unknown>) => T | null): T[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const items = value.map((v) =>
    typeof v === 'object' && v !== null ? item(v as Record<string, unknown>) : null,
  );
  return items.every((i) => i !== null) ? (items as T[]) : null;
}

/**
 * Reads the stored rules document (`min_tenure_days`, `window_months`, `term_days`, `reminder_hours`,
 * `offers: [{amount, min_average}]`, `fees: [{above, fee}]`, kopecks); an absent or invalid field keeps its
 * default, so a typo never lends unlimited money.
 */
export function promisedRulesFrom(json: unknown): PromisedRules {
  const raw = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  const d = DEFAULT_PROMISED_RULES;
  const offers = list(raw.offers, (o) =>
    isCount(o.amount) && o.amount > 0 && isCount(o.min_average)
      ? { amount: BigInt(o.amount), minAverage: BigInt(o.min_average) }
      : null,
  );
  const fees = list(raw.fees, (f) =>
    isCount(f.above) && isCount(f.fee) ? { above: BigInt(f.above), fee: BigInt(f.fee) } : null,
  );
  return {
    minTenureDays: count(raw.min_tenure_days, d.minTenureDays),
    windowMonths: count(raw.window_months, d.windowMonths, 1),
    termDays: count(raw.term_days, d.termDays, 1),
    reminderHours: count(raw.reminder_hours, d.reminderHours),
    offers: (offers ?? d.offers).toSorted((a, b) => (a.amount < b.amount ? -1 : a.amount > b.amount ? 1 : 0)),
    fees: (fees ?? d.fees).toSorted((a, b) => (a.above < b.above ? -1 : a.above > b.above ? 1 : 0)),
  };
}
