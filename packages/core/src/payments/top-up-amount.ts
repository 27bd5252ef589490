/**
 * PAY-01/02: how much one card top-up may be. 100–15,000 ₽ per payment, whole kopecks only: the acquirer cannot
 * charge a fraction of a kopeck, and a negative or absurd amount must be refused before any money moves.
 */
import { type Kopecks, parseRubles } from '../money.ts';

export const TOP_UP_MIN = 100_00n as Kopecks;
export const TOP_UP_MAX = 15_000_00n as Kopecks;

/** Why an amount cannot be a top-up; stable codes for the API's field errors and the screen's words. */
export type TopUpAmountProblem =
  | 'required'
  | 'not_a_number'
  | 'fractional_kopecks'
  | 'negative'
  | 'too_small'
  | 'too_large';

export type TopUpAmountCheck = { ok: true; amount: Kopecks } | { ok: false; problem: TopUpAmountProblem };

function inRange(amount: bigint): TopUpAmountCheck {
  if (amount < 0n) return { ok: false, problem: 'negative' };
  if (amount < TOP_UP_MIN) return { ok: false, problem: 'too_small' };
  if (amount > TOP_UP_MAX) return { ok: false, problem: 'too_large' };
  return { ok: true, amount: amount as Kopecks };
}

/**
 * Checks an amount of kopecks as the API receives it (a JSON number or a digit string): an integer within
 * 100–15,000 ₽. `150.5` kopecks is `fractional_kopecks`, not a rounding.
 */
export function checkTopUpKopecks(value: unknown): TopUpAmountCheck {
  if (value === undefined || value === null || value === '') return { ok: false, problem: 'required' };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, problem: 'not_a_number' };
    if (!Number.isInteger(value)) return { ok: false, problem: 'fractional_kopecks' };
    if (!Number.isSafeInteger(value)) return { ok: false, problem: value < 0 ? 'negative' : 'too_large' };
    return inRange(BigInt(value));
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (/^-?\d+\.\d*[1-9]\d*$/.test(text)) return { ok: false, problem: 'fractional_kopecks' };
    if (!/^-?\d+(?:\.0*)?$/.test(text)) return { ok: false, problem: 'not_a_number' };
    return inRange(BigInt(text.replace(/\.0*$/, '')));
  }
  if (typeof value === 'bigint') return inRange(value);
  return { ok: false, problem: 'not_a_number' };
}

/**
 * Parses roubles as a person types them on the top-up screen (`500`, `1 500,50`): more than two decimals is
 * `fractional_kopecks`, anything but a number is `not_a_number`; then the same range as the API.
 */
export function parseTopUpRubles(text: string): TopUpAmountCheck {
  const cleaned = text.replace(/[\s\u00a0₽]/g, '').replace(',', '.');
  if (cleaned === '') return { ok: false, problem: 'required' };
  if (/^-?\d+\.\d{3,}$/.test(cleaned)) return { ok: false, problem: 'fractional_kopecks' };
  let amount: Kopecks;
  try {
    amount = parseRubles(cleaned);
  } catch {
    return { ok: false, problem: 'not_a_number' };
  }
  return inRange(amount);
}
