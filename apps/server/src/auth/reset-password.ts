import { maskPhone } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { problems } from '../http/problem.ts';
import { recordJournal } from '../journal/record.ts';
import { codeRefused, consumeCode, isCodeFormat } from './check-code.ts';
import { assertNotLocked, clearFailures, lockedError, registerFailure } from './lockout.ts';
import { findLogin, type IdentifierKind, parseLoginIdentifier } from './login-identifier.ts';
import { hashPassword } from './password-hash.ts';
import { storePassword } from './password-notice.ts';
import { checkNewPassword } from './password-policy.ts';
import { requestCode } from './request-code.ts';
import { hmac } from './secrets.ts';
import { registerPhoneLogin } from './verify-code.ts';

/**
 * ACCESS-02: sends a password-reset code (purpose `password_reset`) to the line's number, or for a contract to its
 * login's recovery phone. Answers alike for every identifier (no enumeration): an unknown contract gets a stable
 * made-up masked number.
 */
export async function requestPasswordResetCode(
  db: Db,
  secret: string,
  input: { kind: IdentifierKind; identifier: string; ip: string; now: Date },
) {
  const id = parseLoginIdentifier(input.kind, input.identifier);
  const { login, line } = await findLogin(db, id);
  const recipient = id.kind === 'phone' ? (line ? id.value : null) : (login?.recovery_phone ?? null);
  const sent = await requestCode(db, secret, {
    purpose: 'password_reset',
    identifier: id.lockKey,
    recipient,
    lineId: line?.id ?? null,
    loginId: login?.id ?? null,
    ip: input.ip,
    now: input.now,
  });
  const shown = id.kind === 'phone' ? id.value : (recipient ?? madeUpPhone(secret, id.value));
  return { maskedPhone: maskPhone(shown), ...sent };
}

/** A stable, plausible number for an unknown contract, so its answer looks like a known one's. */
function madeUpPhone(secret: string, contract: string): string {
  const n = hmac(secret, 'reset-decoy', contract).readUInt32BE(0) % 1_000_000_000;
  return `+79${String(n).padStart(9, '0')}`;
}

export interface ResetPasswordInput {
  kind: IdentifierKind;
  identifier: string;
  code: string;
  newPassword: string;
  ip: string;
  now: Date;
}

/**
 * ACCESS-02: a reset code plus a new password sets the password (registering a phone login on its first use,
 * as a code login would). Failures count towards the shared lock. The caller revokes the login's sessions and
 * opens a new one.
 */
export async function resetPassword(db: Db, secret: string, input: ResetPasswordInput) {
  const id = parseLoginIdentifier(input.kind, input.identifier);
  if (!isCodeFormat(input.code)) throw problems.field('code', 'invalid_format', '6 digits.');
  const policy = checkNewPassword(input.newPassword);
  if (policy) throw problems.validation([policy]);
  await assertNotLocked(db, id.lockKey, input.now);

  const outcome = await db.transaction().execute(async (trx) => {
    const { login, line } = await findLogin(trx, id);
    const check = await consumeCode(trx, secret, {
      purpose: 'password_reset',
      identifier: id.lockKey,
      code: input.code,
      now: input.now,
    });
    if (check !== 'ok') return { ok: false as const, reason: check, lineId: line?.id ?? null };
    if (login) return { ok: true as const, loginId: login.id, lineId: line?.id ?? null };
    if (id.kind === 'phone' && line) {
      const created = await registerPhoneLogin(trx, id.value, line, input.now);
      return { ok: true as const, loginId: created.id, lineId: line.id };
    }
    return { ok: false as const, reason: 'invalid' as const, lineId: null };
  });

  if (!outcome.ok) {
    const failure = await registerFailure(db, id.lockKey, input.now);
    await recordJournal(db, {
      actorKind: 'anonymous',
      channel: 'web',
      lineId: outcome.lineId,
      action: failure.lockedUntil ? 'auth.locked' : 'auth.password_reset',
      outcome: 'failed',
      details: { reason: outcome.reason, kind: id.kind },
      ip: input.ip,
    });
    if (failure.lockedUntil) throw lockedError(failure.lockedUntil);
    throw codeRefused(outcome.reason, failure.attemptsLeft);
  }
  await clearFailures(db, id.lockKey);
  const hash = await hashPassword(input.newPassword);
  await storePassword(db, {
    loginId: outcome.loginId,
    hash,
    lineId: outcome.lineId,
    via: 'reset_code',
    ip: input.ip,
    now: input.now,
  });
  return { loginId: outcome.loginId, lineId: outcome.lineId };
}
