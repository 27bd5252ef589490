import { ApiError } from '../api/api-client';
import type { CatalogText } from '../api/line-settings-types';
import { changeErrorMessage } from '../catalog/change-error';
import type { Lang } from '../i18n/i18n-context';
import type { Dictionary } from '../i18n/ru';

/** A catalog text in the user's language; a plain string is taken as it is. */
export function catalogText(value: CatalogText, lang: Lang): string {
  return typeof value === 'string' ? value : value[lang];
}

/**
 * The worded errors of one field of a `validation_failed` answer (`target`, `delaySeconds`, `number`,
 * `label`). `ownNumber` differs between forwarding and the blacklist, hence the form's own sentence.
 */
export function settingFieldMessages(
  t: Dictionary,
  error: unknown,
  field: string,
  ownNumber: string = t.lineSettings.errors.ownNumber,
): string[] {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return [];
  const e = t.lineSettings.errors;
  const words = (error.problem.errors ?? [])
    .filter((problem) => problem.field === field)
    .map((problem) => {
      switch (problem.code) {
        case 'invalid_phone':
          return e.invalidPhone;
        case 'required':
          return e.required;
        case 'own_number':
          return ownNumber;
        case 'invalid_value':
          return field === 'delaySeconds' ? e.invalidDelay : problem.message;
        case 'too_long':
          return field === 'label' ? e.labelTooLong : problem.message;
        default:
          return problem.message;
      }
    });
  return [...new Set(words)];
}

/** Whether every field error of a `validation_failed` answer is shown under one of `fields`. */
export function onlyTheseFields(error: unknown, fields: string[]): boolean {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return false;
  const errors = error.problem.errors ?? [];
  return errors.length > 0 && errors.every((problem) => fields.includes(problem.field));
}

/** A failed settings change in the user's language: the blacklist's own codes, then the catalog's wording. */
export function settingErrorMessage(t: Dictionary, lang: Lang, error: unknown): string {
  if (error instanceof ApiError) {
    const e = t.lineSettings.errors;
    if (error.code === 'already_blacklisted') return e.alreadyBlacklisted;
    if (error.code === 'blacklist_full') return e.blacklistFull(error.numberField('limit') ?? 100);
  }
  return changeErrorMessage(t, lang, error);
}
