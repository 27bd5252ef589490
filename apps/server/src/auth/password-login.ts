import type { Db } from '@kabinet/db';
import { AppError, problems } from '../http/problem.ts';
import { recordJournal } from '../journal/record.ts';
import { assertNotLocked, clearFailures, lockedError, registerFailure } from './lockout.ts';
import { findLogin, type IdentifierKind, parseLoginIdentifier } from './login-identifier.ts';
import { verifyPassword } from './password-hash.ts';

export interface PasswordLoginInput {
  kind: IdentifierKind;
  identifier: string;
  password: string;
  ip: string;
  now: Date;
}

/** 401 `invalid_credentials`: the same for an unknown identifier, a login without a password and a wrong one. */
export function invalidCredentials(attemptsLeft: number): AppError {
  return new AppError(401, 'invalid_credentials', 'Wrong number or password.', { attemptsLeft });
}

/**
 * ACCESS-03/10: checks a number (or contract number) and password; the caller opens the session with
 * `completeLogin`. Unknown identifiers and logins without a password verify against a dummy hash (same time,
 * same answer). Failures count towards the lock shared with code login (ACCESS-04); every outcome is journaled.
 */
export async function loginWithPassword(db: Db, input: PasswordLoginInput) {
  const id = parseLoginIdentifier(input.kind, input.identifier);
  if (input.password === '') throw problems.field('password', 'required', 'Enter the password.');
  await assertNotLocked(db, id.lockKey, input.now);
  const { login, line } = await findLogin(db, id);
  const ok = await verifyPassword(login?.password_hash ?? null, input.password);
  if (!ok || !login) {
    const failure = await registerFailure(db, id.lockKey, input.now);
    await recordJournal(db, {
      actorKind: 'anonymous',
      channel: 'web',
      lineId: line?.id ?? null,
      loginId: login?.id ?? null,
      action: failure.lockedUntil ? 'auth.locked' : 'auth.login',
      outcome: 'failed',
      details: { method: 'password', kind: id.kind },
      ip: input.ip,
    });
    if (failure.lockedUntil) throw lockedError(failure.lockedUntil);
    throw invalidCredentials(failure.attemptsLeft);
  }
  await clearFailures(db, id.lockKey);
  return { loginId: login.id, lineId: line?.id ?? null };
}
