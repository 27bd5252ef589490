/**
 * PAY-06: the numbers of mobile transfers in one object, and the pure checks the server runs in order: amount
 * (whole kopecks, within the per-transfer range), fee, daily and monthly limits, and the balance the sender must
 * keep. Fees follow what Russian operators charge for a mobile transfer: a fixed part plus a percent.
 */
import type { Kopecks } from '../money.ts';

export const TRANSFER_RULES = {
  /** Per transfer: 10 ₽ – 5,000 ₽. */
  minAmount: 10_00n as Kopecks,
  maxAmount: 5_000_00n as Kopecks,
  /** Fee = 5 ₽ + 1 % of the amount, the percent rounded half up to a kopeck. */
  feeFixed: 5_00n as Kopecks,
  feeBasisPoints: 100n,
  /** Sums of the sender line's completed transfers (amount, not fee) per calendar day and month. */
  dailyLimit: 15_000_00n as Kopecks,
  monthlyLimit: 40_000_00n as Kopecks,
  /** What must stay on the balance after amount and fee: a line with nothing left cannot even call support. */
  minBalanceLeft: 10_00n as Kopecks,
  /** The SMS code: lifetime and wrong tries before the transfer fails and must be started again. */
  codeTtlSeconds: 5 * 60,
  maxCodeAttempts: 3,
} as const;

export type TransferRules = typeof TRANSFER_RULES;

/** Why an amount cannot be transferred; stable codes for the API's field errors and the screen's words. */
export type TransferAmountProblem =
  | 'required'
  | 'not_a_number'
  | 'fractional_kopecks'
  | 'negative'
  | 'too_small'
  | 'too_large';

export type TransferAmountCheck =
  | { ok: true; amount: Kopecks }
  | { ok: false; problem: TransferAmountProblem };

/** An amount of kopecks as the API receives it: an integer within the per-transfer range. */
export function checkTransferKopecks(
  value: unknown,
  rules: TransferRules = TRANSFER_RULES,
): TransferAmountCheck {
  if (value === undefined || value === null || value === '') return { ok: false, problem: 'required' };
  if (typeof value !== 'number' || !Number.isFinite(value)) return { ok: false, problem: 'not_a_number' };
  if (!Number.isInteger(value)) return { ok: false, problem: 'fractional_kopecks' };
  if (value <= 0) return { ok: false, problem: 'negative' };
  if (!Number.isSafeInteger(value)) return { ok: false, problem: 'too_large' };
  const amount = BigInt(value);
  if (amount < rules.minAmount) return { ok: false, problem: 'too_small' };
  if (amount > rules.maxAmount) return { ok: false, problem: 'too_large' };
  return { ok: true, amount: amount as Kopecks };
}

/** The fee of a transfer: the fixed part plus the percent of the amount, rounded half up to whole kopecks. */
export function transferFee(amount: Kopecks | bigint, rules: TransferRules = TRANSFER_RULES): Kopecks {
  const percent = (amount * rules.feeBasisPoints + 5_000n) / 10_000n;
  return (rules.feeFixed + percent) as Kopecks;
}

export interface TransferQuote {
  amount: Kopecks;
  fee: Kopecks;
  /** What leaves the sender's balance: amount + fee. */
  total: Kopecks;
}

export function quoteTransfer(amount: Kopecks, rules: TransferRules = TRANSFER_RULES): TransferQuote {
  const fee = transferFee(amount, rules);
  return { amount, fee, total: (amount + fee) as Kopecks };
}

export type TransferLimitCheck =
  | { ok: true }
  | { ok: false; problem: 'daily_limit' | 'monthly_limit'; left: Kopecks };

/**
 * Daily and monthly limits on what one line sends (amounts, not fees). `left` says how much could still be sent
 * in the period that refused, so the screen can offer it.
 */
export function checkTransferLimits(
  input: { amount: bigint; sentToday: bigint; sentThisMonth: bigint },
  rules: TransferRules = TRANSFER_RULES,
): TransferLimitCheck {
  const leftToday = rules.dailyLimit - input.sentToday;
  const leftMonth = rules.monthlyLimit - input.sentThisMonth;
  if (input.amount > leftMonth) {
    return { ok: false, problem: 'monthly_limit', left: (leftMonth > 0n ? leftMonth : 0n) as Kopecks };
  }
  if (input.amount > leftToday) {
    return { ok: false, problem: 'daily_limit', left: (leftToday > 0n ? leftToday : 0n) as Kopecks };
  }
  return { ok: true };
}

export type TransferFundsCheck = { ok: true } | { ok: false; available: Kopecks };

/**
 * Whether the balance pays amount and fee and still keeps `minBalanceLeft`. `available` is what the sender may
 * spend (amount + fee together) — the balance above the floor, never negative.
 */
export function checkTransferFunds(
  balance: bigint,
  total: bigint,
  rules: TransferRules = TRANSFER_RULES,
): TransferFundsCheck {
  if (balance - total >= rules.minBalanceLeft) return { ok: true };
  const available = balance - rules.minBalanceLeft;
  return { ok: false, available: (available > 0n ? available : 0n) as Kopecks };
}

/**
 * The transfer form's amount as a person types it in roubles (`150`, `1 500,50`): more than two decimals is
 * `fractional_kopecks`, then the same checks as the API.
 */
export function parseTransferRubles(
  text: string,
  rules: TransferRules = TRANSFER_RULES,
): TransferAmountCheck {
  const cleaned = text.replace(/[\s\u00a0₽]/g, '').replace(',', '.');
  if (cleaned === '') return { ok: false, problem: 'required' };
  if (/^-?\d+\.\d{3,}$/.test(cleaned)) return { ok: false, problem: 'fractional_kopecks' };
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return { ok: false, problem: 'not_a_number' };
  const [, sign, whole = '0', fraction = ''] = match;
  const kopecks = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return checkTransferKopecks(sign === '-' ? -kopecks : kopecks, rules);
}
