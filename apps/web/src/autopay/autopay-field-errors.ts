import { ApiError } from '../api/api-client';
import type { Dictionary } from '../i18n/ru';

/** The form's fields, as the API names them. */
export type AutopayField = 'amount' | 'threshold' | 'dayOfMonth' | 'cardId' | 'dailyLimit' | 'monthlyLimit';

/** The API's field errors of an autopay change, worded in the reader's language, by field. */
export function autopayFieldErrors(t: Dictionary, error: unknown): Partial<Record<AutopayField, string>> {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return {};
  const words = t.autopay.fieldErrors;
  const found: Partial<Record<AutopayField, string>> = {};
  for (const problem of error.problem.errors ?? []) {
    const field = problem.field as AutopayField;
    if (field === 'dailyLimit' || field === 'monthlyLimit') {
      found[field] = problem.code === 'below_daily_limit' ? words.monthlyBelowDaily : words.limit;
    } else if (field in words) {
      found[field] = words[field as Exclude<AutopayField, 'dailyLimit' | 'monthlyLimit'>];
    }
  }
  return found;
}

/** Whether the error is only field errors the form shows under its fields (no separate error block). */
export function isFieldError(error: unknown): boolean {
  return (
    error instanceof ApiError && error.code === 'validation_failed' && (error.problem.errors?.length ?? 0) > 0
  );
}
