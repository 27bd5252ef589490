import { ApiError, type FieldProblem } from '../api/api-client';
import { NETWORK_ERROR } from '../api/problem';
import { formatDateTime } from '../format/dates';
import { formatWait } from '../format/duration';
import type { Dictionary } from './ru';

/** A field error in the user's language, by its machine code; the server's English message otherwise. */
export function fieldErrorMessage(t: Dictionary, problem: FieldProblem): string {
  if (problem.code === 'invalid_phone') return t.errors.invalidPhone;
  if (problem.field === 'phone' && problem.code === 'required') return t.errors.phoneRequired;
  if (problem.field === 'code') return t.errors.invalidCodeFormat;
  return problem.message;
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
      return until ? t.errors.loginLocked(formatDateTime(t.locale, until)) : t.errors.loginLockedNoTime;
    }
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
