import { ApiError } from '../api/api-client';
import { changeErrorMessage } from '../catalog/change-error';
import type { Lang } from '../i18n/i18n-context';
import type { Dictionary } from '../i18n/ru';

/** The worded errors of `days` or `pickupOffice` in a `validation_failed` answer. */
export function simFieldMessages(t: Dictionary, error: unknown, field: 'days' | 'pickupOffice', maxDays = 0) {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return [];
  const e = t.sim.errors;
  const words = (error.problem.errors ?? [])
    .filter((problem) => problem.field === field)
    .map((problem) => {
      if (field === 'pickupOffice') return e.officeLength;
      if (problem.code === 'too_small') return e.daysTooSmall;
      if (problem.code === 'too_large') return maxDays > 0 ? e.daysTooLarge(maxDays) : e.daysInvalid;
      return e.daysInvalid;
    });
  return [...new Set(words)];
}

/** Whether every field error of a `validation_failed` answer names `field` (so it is shown under it). */
export function onlyField(error: unknown, field: string): boolean {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return false;
  const errors = error.problem.errors ?? [];
  return errors.length > 0 && errors.every((problem) => problem.field === field);
}

/** A failed suspension or SIM change in the user's language: this screen's codes, then the catalog's wording. */
export function simErrorMessage(t: Dictionary, lang: Lang, error: unknown): string {
  if (error instanceof ApiError) {
    const e = t.sim.errors;
    switch (error.code) {
      case 'not_available':
        return e.notAvailable;
      case 'line_not_active':
        return e.lineNotActive;
      case 'not_suspended':
        return e.notSuspended;
      case 'already_blocked':
        return e.alreadyBlocked;
      case 'replacement_pending':
        return e.replacementPending;
      case 'line_blocked':
        return e.lineBlocked;
    }
  }
  return changeErrorMessage(t, lang, error);
}
