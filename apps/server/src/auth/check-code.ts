import type { Db } from '@kabinet/db';
import { AppError } from '../http/problem.ts';
import { type AuthCodePurpose, codeDigest } from './request-code.ts';
import { sameDigest } from './secrets.ts';

/** Whether a one-time code was accepted: `ok` consumes it. */
export type CodeCheck = 'ok' | 'invalid' | 'expired';

/**
 * Checks a code against the newest live code of the identifier and purpose, in the caller's transaction (the row
 * is locked, so a code cannot be used twice in parallel). Accepted codes are consumed. The digest is always
 * computed, so a missing code costs the same time as a wrong one.
 */
export async function consumeCode(
  trx: Db,
  secret: string,
  input: { purpose: AuthCodePurpose; identifier: string; code: string; now: Date },
): Promise<CodeCheck> {
  const live = await trx
    .selectFrom('auth_codes')
    .select(['id', 'code_hmac', 'expires_at'])
    .where('identifier', '=', input.identifier)
    .where('purpose', '=', input.purpose)
    .where('consumed_at', 'is', null)
    .where('superseded_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
  const digest = codeDigest(secret, input.purpose, input.identifier, input.code);
  const matches = live !== undefined && sameDigest(live.code_hmac, digest);
  if (!live) return 'invalid';
  await trx
    .updateTable('auth_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', live.id)
    .execute();
  if (!matches) return 'invalid';
  if (live.expires_at.getTime() <= input.now.getTime()) return 'expired';
  await trx.updateTable('auth_codes').set({ consumed_at: input.now }).where('id', '=', live.id).execute();
  return 'ok';
}

/** The answer to a refused code: `code_expired` or `invalid_code`, with the attempts left before the lock. */
export function codeRefused(reason: 'invalid' | 'expired', attemptsLeft: number): AppError {
  if (reason === 'expired') {
    return new AppError(401, 'code_expired', 'The code has expired; ask for a new one.', { attemptsLeft });
  }
  return new AppError(401, 'invalid_code', 'Wrong code.', { attemptsLeft });
}

/** A 6-digit code, as typed. */
export function isCodeFormat(code: string): boolean {
  return /^\d{6}$/.test(code);
}
