import { AppError } from '../../http/problem.ts';
import type { ChallengePurpose } from './challenges.ts';

/** Why a passkey ceremony failed: kept for the journal, never told apart to the client beyond the detail text. */
export type PasskeyFailure = 'malformed' | 'challenge' | 'unknown_credential' | 'verification';

/** Thrown by the passkey commands; the routes journal the `reason` before answering. */
export class PasskeyError extends AppError {
  constructor(
    status: number,
    message: string,
    readonly reason: PasskeyFailure,
    /** The login whose passkey was presented, when known (journaled against it). */
    readonly loginId: string | null,
  ) {
    super(status, 'passkey_invalid', message);
  }
}

/**
 * `passkey_invalid`: 400 for a registration (the session is fine, the new credential is not), 401 for a login.
 * A spent, expired or foreign challenge gets its own sentence, as the remedy (start again) differs.
 */
export function passkeyInvalid(
  purpose: ChallengePurpose,
  reason: PasskeyFailure,
  loginId: string | null = null,
): PasskeyError {
  const message =
    reason === 'challenge'
      ? 'The passkey request has expired, was already used or was started in another browser; try again.'
      : 'The passkey could not be verified.';
  return new PasskeyError(purpose === 'register' ? 400 : 401, message, reason, loginId);
}
