import { maskPhone } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { AppError } from '../http/problem.ts';
import { noticePhone } from './login-alert.ts';
import { requestCode } from './request-code.ts';
import type { SessionPrincipal } from './sessions.ts';

/**
 * ACCESS-02: a step-up code (purpose `step_up`, bound to the login) sent to the login's number, proving the person
 * at the keyboard still holds the phone — e.g. to change a password without knowing the current one.
 */
export async function requestStepUpCode(
  db: Db,
  secret: string,
  input: { principal: SessionPrincipal; ip: string; now: Date },
) {
  const login = await db
    .selectFrom('logins')
    .select(['id', 'kind', 'identifier', 'recovery_phone'])
    .where('id', '=', input.principal.loginId)
    .executeTakeFirstOrThrow();
  const phone = noticePhone(login);
  if (!phone) {
    throw new AppError(409, 'no_phone', 'There is no phone number to send a code to; add a recovery phone.');
  }
  const sent = await requestCode(db, secret, {
    purpose: 'step_up',
    identifier: login.id,
    recipient: phone,
    lineId: null,
    loginId: login.id,
    ip: input.ip,
    now: input.now,
  });
  return { maskedPhone: maskPhone(phone), ...sent };
}
