/**
 * PAY-04 what an autopay rule may say, checked before anything is stored: the amount is a top-up (100–15,000 ₽,
 * whole kopecks), the threshold a sensible balance, the day a day of a month, and the limits at least one
 * autopayment (a limit below the amount would never let the rule run).
 */
import { checkTopUpKopecks } from '../payments/top-up-amount.ts';

/** The balance a threshold rule may watch: 0–15,000 ₽ (0 = "when the balance goes negative"). */
export const AUTOPAY_THRESHOLD_MAX = 15_000_00n;
/** A limit may not exceed 150,000 ₽ a day or a month: a typo must not empty a card. */
export const AUTOPAY_LIMIT_MAX = 150_000_00n;
/** A low-balance notice threshold (PAY-09): 1–15,000 ₽. */
export const LOW_BALANCE_THRESHOLD_MAX = 15_000_00n;

export interface AutopaySettings {
  kind: 'threshold' | 'monthly';
  threshold?: number | null;
  dayOfMonth?: number | null;
  amount: number;
  dailyLimit?: number | null;
  monthlyLimit?: number | null;
}

/** A problem with one field of the settings; `field` is the API's field name. */
export interface SettingsProblem {
  field: string;
  code: string;
  message: string;
}

const isWholeKopecks = (v: number) => Number.isSafeInteger(v);

/** Every problem of the settings (empty when they can be stored), each naming its field. */
export function checkAutopaySettings(s: AutopaySettings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const amount = checkTopUpKopecks(s.amount);
  if (!amount.ok) {
    problems.push({
      field: 'amount',
      code: amount.problem,
      message: 'The amount must be whole kopecks from 100 to 15,000 ₽.',
    });
  }
  if (s.kind === 'threshold') {
    if (s.threshold === undefined || s.threshold === null) {
      problems.push({ field: 'threshold', code: 'required', message: 'A threshold rule needs a threshold.' });
    } else if (
      !isWholeKopecks(s.threshold) ||
      s.threshold < 0 ||
      BigInt(s.threshold) > AUTOPAY_THRESHOLD_MAX
    ) {
      problems.push({
        field: 'threshold',
        code: 'out_of_range',
        message: 'The threshold must be whole kopecks from 0 to 15,000 ₽.',
      });
    }
    if (s.dayOfMonth !== undefined && s.dayOfMonth !== null) {
      problems.push({ field: 'dayOfMonth', code: 'not_allowed', message: 'A threshold rule has no day.' });
    }
  } else {
    if (s.dayOfMonth === undefined || s.dayOfMonth === null) {
      problems.push({
        field: 'dayOfMonth',
        code: 'required',
        message: 'A monthly rule needs a day of the month.',
      });
    } else if (!Number.isInteger(s.dayOfMonth) || s.dayOfMonth < 1 || s.dayOfMonth > 31) {
      problems.push({ field: 'dayOfMonth', code: 'out_of_range', message: 'The day must be from 1 to 31.' });
    }
    if (s.threshold !== undefined && s.threshold !== null) {
      problems.push({ field: 'threshold', code: 'not_allowed', message: 'A monthly rule has no threshold.' });
    }
  }
  for (const field of ['dailyLimit', 'monthlyLimit'] as const) {
    const limit = s[field];
    if (limit === undefined || limit === null) continue;
    if (!isWholeKopecks(limit) || limit <= 0 || BigInt(limit) > AUTOPAY_LIMIT_MAX) {
      problems.push({
        field,
        code: 'out_of_range',
        message: 'A limit must be whole kopecks up to 150,000 ₽.',
      });
    } else if (amount.ok && BigInt(limit) < amount.amount) {
      problems.push({
        field,
        code: 'below_amount',
        message: 'The limit is below the amount: the autopay could never run.',
      });
    }
  }
  const { dailyLimit, monthlyLimit } = s;
  if (
    typeof dailyLimit === 'number' &&
    typeof monthlyLimit === 'number' &&
    monthlyLimit < dailyLimit &&
    !problems.some((p) => p.field === 'monthlyLimit')
  ) {
    problems.push({
      field: 'monthlyLimit',
      code: 'below_daily_limit',
      message: 'The monthly limit cannot be below the daily limit.',
    });
  }
  return problems;
}

/** Checks a PAY-09 low-balance threshold (null switches the notice off). */
export function checkLowBalanceThreshold(value: number | null): SettingsProblem | null {
  if (value === null) return null;
  if (!isWholeKopecks(value) || value < 1 || BigInt(value) > LOW_BALANCE_THRESHOLD_MAX) {
    return {
      field: 'threshold',
      code: 'out_of_range',
      message: 'The threshold must be whole kopecks from 0.01 to 15,000 ₽.',
    };
  }
  return null;
}
