import { ApiError } from '../api/api-client';
import { changeErrorMessage } from '../catalog/change-error';
import type { Lang } from '../i18n/i18n-context';
import type { Dictionary } from '../i18n/ru';

/** A failed plan or revert in the user's language: this screen's codes, then the catalog's wording. */
export function historyErrorMessage(t: Dictionary, lang: Lang, error: unknown): string {
  if (error instanceof ApiError) {
    const e = t.history.errors;
    const field = error.problem.errors?.find((f) => f.field === 'date');
    if (field?.code === 'in_future') return e.inFuture;
    if (field?.code === 'before_history') return e.beforeHistory;
    if (field?.code === 'invalid_date') return e.invalidDate;
    if (error.code === 'nothing_to_revert') return e.nothingToRevert;
    if (error.code === 'plan_changed') return e.planChanged;
  }
  return changeErrorMessage(t, lang, error);
}
