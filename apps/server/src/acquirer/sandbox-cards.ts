/**
 * The sandbox acquirer's test cards (TEST only): what each number does, so a person, a test or the benchmark can
 * play every outcome a real acquirer has. Any other number passing the Luhn check pays successfully.
 */

export type SandboxCardKind = 'success' | 'decline' | 'insufficient_funds' | 'three_ds' | 'timeout';

export interface SandboxTestCard {
  number: string;
  kind: SandboxCardKind;
  /** What happens, for the hosted page's list of test cards. */
  ru: string;
  en: string;
}

export const SANDBOX_TEST_CARDS: readonly SandboxTestCard[] = [
  { number: '4242424242424242', kind: 'success', ru: 'оплата проходит', en: 'payment succeeds' },
  { number: '4000000000000002', kind: 'decline', ru: 'банк отклоняет', en: 'the bank declines' },
  {
    number: '4000000000009995',
    kind: 'insufficient_funds',
    ru: 'недостаточно средств',
    en: 'insufficient funds',
  },
  {
    number: '4000000000003220',
    kind: 'three_ds',
    ru: '3-D Secure: нужен одноразовый код',
    en: '3-D Secure: a one-time code is asked',
  },
  {
    number: '4000000000000119',
    kind: 'timeout',
    ru: 'банк не отвечает вовремя: платёж в обработке, сверка решит позже',
    en: 'the bank times out: the payment stays processing until reconciliation',
  },
];

/** Why a payment with a card of this kind fails, in the acquirer's words (as webhooks carry them). */
export const SANDBOX_FAILURES: Partial<Record<SandboxCardKind, string>> = {
  decline: 'card_declined',
  insufficient_funds: 'insufficient_funds',
};

/** Digits only: people type card numbers with spaces or dashes. */
export function cardDigits(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/** The Luhn checksum every real card number passes. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The card's behaviour in the sandbox: a listed test card's, else success. */
export function sandboxCardKind(digits: string): SandboxCardKind {
  return SANDBOX_TEST_CARDS.find((c) => c.number === digits)?.kind ?? 'success';
}

/** The payment system by the first digits, as receipts show it. */
export function cardBrand(digits: string): string {
  if (digits.startsWith('4')) return 'visa';
  if (/^220[0-4]/.test(digits)) return 'mir';
  if (/^(5[1-5]|2[2-7])/.test(digits)) return 'mastercard';
  return 'card';
}

/** `MM/YY` (or `MM / YY`, `MMYY`) not in the past at `now`; null when it is not a valid expiry. */
export function parseExpiry(input: string, now: Date): string | null {
  const m = /^\s*(\d{2})\s*\/?\s*(\d{2})\s*$/.exec(input);
  if (!m) return null;
  const month = Number(m[1]);
  const year = 2000 + Number(m[2]);
  if (month < 1 || month > 12) return null;
  const thisMonth = now.getUTCFullYear() * 12 + now.getUTCMonth();
  if (year * 12 + (month - 1) < thisMonth) return null;
  return `${m[1]}/${m[2]}`;
}
