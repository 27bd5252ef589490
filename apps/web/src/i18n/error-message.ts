import { ApiError, type FieldProblem } from '../api/api-client';
import { NETWORK_ERROR } from '../api/problem';
import { formatDateTime } from '../format/dates';
import { formatWait } from '../format/duration';
import type { Dictionary } from './ru';

/** A field error in the user's language, by its machine code; the server's English message otherwise. */
export function fieldErrorMessage(t: Dictionary, problem: FieldProblem): string {
  switch (problem.code) {
    case 'invalid_phone':
      return t.errors.invalidPhone;
    case 'invalid_contract':
      return t.errors.invalidContract;
    case 'invalid_email':
      return t.errors.invalidEmail;
    case 'too_short':
      return t.errors.passwordTooShort;
    case 'too_long':
      return t.errors.passwordTooLong;
    case 'too_common':
      return t.errors.passwordTooCommon;
    case 'invalid_characters':
      return t.errors.passwordInvalidCharacters;
    case 'not_a_step':
    case 'out_of_range':
      return t.tariffTools.errors.offStep;
    case 'not_configurable':
      return t.tariffTools.errors.notConfigurable;
    case 'email_not_confirmed':
      return t.notifications.emailNeeded;
    case 'wrong_code':
      return t.errors.invalidCodeNoCount;
  }
  if (problem.field === 'phone' && problem.code === 'required') return t.errors.phoneRequired;
  if (/password/i.test(problem.field) && problem.code === 'required') return t.errors.passwordRequired;
  if (problem.field === 'code') return t.errors.invalidCodeFormat;
  return problem.message;
}

/**
 * The messages of a `validation_failed` error that name one of `fields`, worded; empty for other errors.
 * Forms show them under their field rather than in one block.
 */
export function fieldMessages(t: Dictionary, error: unknown, ...fields: string[]): string[] {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return [];
  const mine = (error.problem.errors ?? []).filter((problem) => fields.includes(problem.field));
  return [...new Set(mine.map((problem) => fieldErrorMessage(t, problem)))];
}

/** Whether a `validation_failed` error names only fields among `fields` (so nothing is left to say above). */
export function onlyFieldErrors(error: unknown, ...fields: string[]): boolean {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return false;
  const errors = error.problem.errors ?? [];
  return errors.length > 0 && errors.every((problem) => fields.includes(problem.field));
}

/**
 * Turns any failure into one sentence in the user's language. Known problem codes get their own wording
 * (with the numbers and times the server sent along); unknown ones fall back to the server's `detail`.
 */
export function errorMessage(t: Dictionary, error: unknown): string {
  if (!(error instanceof ApiError)) return t.errors.generic;
  // A gateway in front of the API answering for it: the API itself is out of reach.
  if (error.status === 502 || error.status === 503 || error.status === 504) return t.errors.network;
  switch (error.code) {
    case NETWORK_ERROR:
      return t.errors.network;
    case 'validation_failed': {
      const messages = (error.problem.errors ?? []).map((problem) => fieldErrorMessage(t, problem));
      return messages.length > 0 ? [...new Set(messages)].join(' ') : t.errors.generic;
    }
    case 'invalid_code': {
      const attemptsLeft = error.numberField('attemptsLeft');
      return attemptsLeft === undefined ? t.errors.invalidCodeNoCount : t.errors.invalidCode(attemptsLeft);
    }
    case 'code_expired':
      return t.errors.codeExpired;
    case 'login_locked': {
      const until = error.stringField('lockedUntil');
      if (!until || Number.isNaN(Date.parse(until))) return t.errors.loginLockedNoTime;
      const wait = formatWait(t.time, (Date.parse(until) - Date.now()) / 1000);
      return t.errors.loginLocked(formatDateTime(t.locale, until), wait);
    }
    case 'invalid_credentials': {
      const attemptsLeft = error.numberField('attemptsLeft');
      return attemptsLeft === undefined
        ? t.errors.invalidCredentialsNoCount
        : t.errors.invalidCredentials(attemptsLeft);
    }
    case 'passkey_invalid':
      return t.errors.passkeyInvalid;
    case 'forbidden':
      return t.errors.forbidden;
    case 'step_up_required':
      return t.errors.stepUpRequired;
    case 'enrichment_untrusted':
      return t.errors.enrichmentUntrusted;
    case 'no_phone':
      return t.errors.noPhone;
    case 'not_found':
      return t.errors.notFound;
    case 'tariff_not_available':
      return t.tariffTools.errors.tariffNotAvailable;
    case 'same_choice':
      return t.tariffTools.errors.sameChoice;
    case 'rate_limited': {
      const retryAfter = error.numberField('retryAfterSeconds');
      return retryAfter === undefined
        ? t.errors.rateLimitedNoTime
        : t.errors.rateLimited(formatWait(t.time, retryAfter));
    }
    default:
      // Server faults and answers that were not problem documents say nothing useful to a subscriber.
      if (error.status >= 500 || error.code.startsWith('http_') || !error.problem.detail)
        return t.errors.generic;
      return error.problem.detail;
  }
}
