import { ApiError } from '../api/api-client';
import { errorMessage } from '../i18n/error-message';
import type { Dictionary } from '../i18n/ru';

/** The worded errors of one field in a `validation_failed` answer (empty for other errors and other fields). */
export function fieldWords(t: Dictionary, error: unknown, field: string): string[] {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return [];
  const e = t.onboarding.errors;
  const words = (error.problem.errors ?? [])
    .filter((problem) => problem.field === field)
    .map((problem) => {
      switch (problem.field) {
        case 'number':
          return e.number;
        case 'contactPhone':
        case 'phone':
          return e.phone;
        case 'donor':
          return e.donor;
        case 'fullName':
          return e.fullName;
        case 'contact':
          return e.contact;
        case 'office':
          return e.office;
        case 'code': {
          const left = error.numberField('attemptsLeft');
          return problem.code === 'invalid_code' && left !== undefined
            ? t.onboarding.portIn.attemptsLeft(left)
            : e.code;
        }
        case 'desiredDate':
          return problem.code === 'too_early' ? e.tooEarly : problem.code === 'too_late' ? e.tooLate : e.date;
        default:
          return problem.message;
      }
    });
  return [...new Set(words)];
}

/** A failure that is not about one field, in the user's language; null when the fields say it all. */
export function formErrorWords(t: Dictionary, error: unknown): string | null {
  if (error === null || error === undefined) return null;
  if (error instanceof ApiError) {
    const e = t.onboarding.errors;
    switch (error.code) {
      case 'validation_failed':
        return null;
      case 'already_ours':
        return e.alreadyOurs;
      case 'port_in_pending':
        return e.portInPending;
      case 'number_taken':
        return e.numberTaken;
      case 'code_expired':
        return e.codeExpired;
      case 'not_found':
        return t.onboarding.status.notFound;
    }
  }
  return errorMessage(t, error);
}
