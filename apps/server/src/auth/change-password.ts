import type { Db } from '@kabinet/db';
import { AppError, problems } from '../http/problem.ts';
import { recordJournal } from '../journal/record.ts';
import { codeRefused, consumeCode, isCodeFormat } from './check-code.ts';
import { assertNotLocked, clearFailures, lockedError, registerFailure } from './lockout.ts';
import { hashPassword, verifyPassword } from './password-hash.ts';
import { invalidCredentials } from './password-login.ts';
import { storePassword } from './password-notice.ts';
import { checkNewPassword } from './password-policy.ts';
import type { SessionPrincipal } from './sessions.ts';

/** A first password may be set without re-authenticating this long after a code or passkey login. */
export const FIRST_PASSWORD_GRACE_MS = 10 * 60_000;

export interface ChangePasswordInput {
  principal: SessionPrincipal;
  newPassword: string;
  currentPassword?: string | undefined;
  /** A step-up code from `POST /auth/step-up/code`. */
  code?: string | undefined;
  secret: string;
  ip: string;
  now: Date;
}

/** The brute-force counter of a login: its number, or `contract:<n>` (shared with code and password login). */
export function lockKeyOf(login: { kind: string; identifier: string }): string {
  return login.kind === 'phone' ? login.identifier : `${login.kind}:${login.identifier}`;
}

/**
 * ACCESS-02: sets or changes the password of the session's login. Proof needed: the current password, or a fresh
 * step-up code; a first password needs neither within 10 minutes of a code or passkey login. Wrong proofs count
 * towards the lock. Returns the login id; the caller revokes the login's other sessions.
 */
export async function changePassword(db: Db, input: ChangePasswordInput) {
  const policy = checkNewPassword(input.newPassword);
  if (policy) throw problems.validation([policy]);
  const { principal, now } = input;
  // An empty field is an unfilled one (a form may send ""): not a wrong password that counts towards the lock.
  const currentPassword = input.currentPassword || undefined;
  const stepUpCode = input.code || undefined;
  const login = await db
    .selectFrom('logins')
    .select(['id', 'kind', 'identifier', 'password_hash'])
    .where('id', '=', principal.loginId)
    .executeTakeFirstOrThrow();
  const lockKey = lockKeyOf(login);

  let via: string;
  if (stepUpCode !== undefined && !isCodeFormat(stepUpCode))
    throw problems.field('code', 'invalid_format', '6 digits.');
  if (currentPassword !== undefined) {
    await assertNotLocked(db, lockKey, now);
    if (!(await verifyPassword(login.password_hash, currentPassword)))
      throw await refuse(db, input, lockKey, 'current_password', null);
    via = 'current_password';
  } else if (stepUpCode !== undefined) {
    await assertNotLocked(db, lockKey, now);
    const code = stepUpCode;
    const check = await db
      .transaction()
      .execute((trx) =>
        consumeCode(trx, input.secret, { purpose: 'step_up', identifier: login.id, code, now }),
      );
    if (check !== 'ok') throw await refuse(db, input, lockKey, 'step_up_code', check);
    via = 'step_up_code';
  } else {
    const session = await db
      .selectFrom('sessions')
      .select(['created_at'])
      .where('id', '=', principal.sessionId)
      .executeTakeFirstOrThrow();
    const fresh =
      (principal.method === 'sms_code' || principal.method === 'passkey') &&
      now.getTime() - session.created_at.getTime() <= FIRST_PASSWORD_GRACE_MS;
    if (login.password_hash !== null || !fresh) {
      throw new AppError(
        403,
        'step_up_required',
        'Confirm it is you: enter the current password, or a code sent by SMS.',
      );
    }
    via = 'fresh_login';
  }
  await clearFailures(db, lockKey);
  const hash = await hashPassword(input.newPassword);
  await storePassword(db, { loginId: login.id, hash, lineId: null, via, ip: input.ip, now });
  return { loginId: login.id, first: login.password_hash === null };
}

/** Counts a wrong proof, journals it, and returns the error to throw (the lock, or the refusal). */
async function refuse(
  db: Db,
  input: ChangePasswordInput,
  lockKey: string,
  proof: 'current_password' | 'step_up_code',
  codeCheck: 'invalid' | 'expired' | null,
): Promise<AppError> {
  const failure = await registerFailure(db, lockKey, input.now);
  await recordJournal(db, {
    actorKind: 'subscriber',
    actorId: input.principal.loginId,
    loginId: input.principal.loginId,
    channel: 'web',
    action: failure.lockedUntil ? 'auth.locked' : 'auth.password_changed',
    outcome: 'failed',
    details: { proof },
    ip: input.ip,
  });
  if (failure.lockedUntil) return lockedError(failure.lockedUntil);
  return codeCheck ? codeRefused(codeCheck, failure.attemptsLeft) : invalidCredentials(failure.attemptsLeft);
}
