/**
 * Money is integer kopecks, always. A `Kopecks` value is a branded `bigint` so that a float can never reach the
 * ledger by accident: the only ways in are `kopecks()` (from an integer) and `parseRubles()` (from text).
 */
export type Kopecks = bigint & { readonly __brand: 'Kopecks' };

export class MoneyError extends Error {
  override readonly name = 'MoneyError';
}

/** Wraps an integer amount of kopecks. Throws on fractions, NaN and numbers beyond 2^53 (they lost precision). */
export function kopecks(value: number | bigint | string): Kopecks {
  if (typeof value === 'bigint') return value as Kopecks;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new MoneyError(`Not a safe integer amount of kopecks: ${value}`);
    return BigInt(value) as Kopecks;
  }
  if (!/^-?\d+$/.test(value))
    throw new MoneyError(`Not an integer amount of kopecks: ${JSON.stringify(value)}`);
  return BigInt(value) as Kopecks;
}

/** Converts kopecks to a JSON-safe number for API responses; refuses values a JS number cannot hold exactly. */
export function toSafeNumber(amount: Kopecks | bigint): number {
  const n = Number(amount);
  if (!Number.isSafeInteger(n)) throw new MoneyError(`Amount exceeds the safe integer range: ${amount}`);
  return n;
}

/**
 * Parses a rouble amount typed by a person: `150`, `150.5`, `150,50`, `1 500,00`. More than two decimals is an
 * error rather than a silent rounding: a person who typed 10.005 ₽ meant something we cannot honour.
 */
export function parseRubles(text: string): Kopecks {
  const cleaned = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) throw new MoneyError(`Not an amount of roubles: ${JSON.stringify(text)}`);
  const [, sign, whole = '0', fraction = ''] = match;
  const value = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return (sign === '-' ? -value : value) as Kopecks;
}

/** Formats kopecks as `1 234,50` (Russian grouping, no currency sign), exact for any bigint. */
export function formatRubles(amount: Kopecks | bigint): string {
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  const fraction = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole},${fraction}`;
}

export function addKopecks(...amounts: Kopecks[]): Kopecks {
  return amounts.reduce<bigint>((sum, a) => sum + a, 0n) as Kopecks;
}

/** Tariff prices may be finer than a kopeck (per-second rating): they are kept in millikopecks. */
export type Millikopecks = bigint & { readonly __brand: 'Millikopecks' };

/**
 * The one rounding rule for charging: a rated record's price in millikopecks becomes kopecks rounded half up
 * (towards +∞ for the half). Applied once per charged record, never to intermediate sums.
 */
export function roundToKopecks(amount: Millikopecks | bigint): Kopecks {
  const q = amount / 1000n;
  const r = amount % 1000n;
  if (r === 0n) return q as Kopecks;
  if (amount > 0n) return (r >= 500n ? q + 1n : q) as Kopecks;
  return (-r > 500n ? q - 1n : q) as Kopecks;
}
