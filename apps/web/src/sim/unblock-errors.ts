import { ApiError } from '../api/api-client';
import type { Dictionary } from '../i18n/ru';

/** An unblock refusal in the user's language, or null when it is not one of SVC-09's codes. */
export function unblockErrorMessage(t: Dictionary, error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  const e = t.simUnblock.errors;
  switch (error.code) {
    case 'invalid_code':
      return e.invalidCode(error.numberField('attemptsLeft') ?? 0);
    case 'code_expired':
      return e.expired;
    case 'too_many_attempts':
      return e.burnt;
    case 'no_code':
      return e.noCode;
    case 'too_many_codes':
      return e.tooManyCodes;
    case 'office_only':
      return e.officeOnly;
    case 'no_contact':
      return e.noContact;
    case 'not_blocked':
      return e.notBlocked;
    case 'validation_failed':
      return e.format;
    default:
      return null;
  }
}
