import { newId, parsePhone } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { type FieldError, problems } from '../http/problem.ts';
import { recordJournal } from '../journal/record.ts';
import { codeRefused, consumeCode, isCodeFormat } from './check-code.ts';
import { assertNotLocked, clearFailures, lockedError, registerFailure } from './lockout.ts';

export interface VerifyCodeInput {
  phone: string;
  code: string;
  ip: string;
  now: Date;
}

type Outcome =
  | { ok: true; loginId: string; lineId: string }
  | { ok: false; reason: 'invalid' | 'expired'; lineId: string | null };

/**
 * ACCESS-01: checks a login code (the caller opens the session with `completeLogin`). The newest live code only; single use; ten consecutive
 * failures lock the number for an hour. A first login of a subscriber's number creates its login (registration).
 */
export async function verifyLoginCode(db: Db, secret: string, input: VerifyCodeInput) {
  const fieldErrors: FieldError[] = [];
  const parsed = parsePhone(input.phone);
  if (!parsed.ok) fieldErrors.push({ field: 'phone', code: 'invalid_phone', message: 'Not a phone number.' });
  if (!isCodeFormat(input.code))
    fieldErrors.push({ field: 'code', code: 'invalid_format', message: '6 digits.' });
  if (!parsed.ok || fieldErrors.length > 0) throw problems.validation(fieldErrors);
  const msisdn = parsed.msisdn;
  await assertNotLocked(db, msisdn, input.now);

  const outcome = await db.transaction().execute(async (trx): Promise<Outcome> => {
    const line = await trx
      .selectFrom('lines')
      .select(['id', 'account_id'])
      .where('msisdn', '=', msisdn)
      .where('status', '!=', 'closed')
      .executeTakeFirst();
    const check = await consumeCode(trx, secret, {
      purpose: 'login',
      identifier: msisdn,
      code: input.code,
      now: input.now,
    });
    if (check === 'invalid' || !line) return { ok: false, reason: 'invalid', lineId: line?.id ?? null };
    if (check === 'expired') return { ok: false, reason: 'expired', lineId: line.id };
    let login = await trx
      .selectFrom('logins')
      .select('id')
      .where('kind', '=', 'phone')
      .where('identifier', '=', msisdn)
      .executeTakeFirst();
    if (!login) login = await registerPhoneLogin(trx, msisdn, line, input.now);
    return { ok: true, loginId: login.id, lineId: line.id };
  });

  if (!outcome.ok) {
    const failure = await registerFailure(db, msisdn, input.now);
    await recordJournal(db, {
      actorKind: 'anonymous',
      channel: 'web',
      lineId: outcome.lineId,
      action: failure.lockedUntil ? 'auth.locked' : 'auth.login',
      outcome: 'failed',
      details: { method: 'sms_code', reason: outcome.reason },
      ip: input.ip,
    });
    if (failure.lockedUntil) throw lockedError(failure.lockedUntil);
    throw codeRefused(outcome.reason, failure.attemptsLeft);
  }

  await clearFailures(db, msisdn);
  return { loginId: outcome.loginId, lineId: outcome.lineId };
}

/**
 * First login of a subscriber's number: a login for it that owns this line with full access. Other lines of the
 * same customer are linked explicitly (LINES-01), never implied by sharing an account.
 */
export async function registerPhoneLogin(
  trx: Db,
  msisdn: string,
  line: { id: string; account_id: string },
  now: Date,
) {
  const owner = await trx
    .selectFrom('billing_accounts as a')
    .innerJoin('customers as c', 'c.id', 'a.customer_id')
    .select(['c.id as customerId', 'c.display_name as name'])
    .where('a.id', '=', line.account_id)
    .executeTakeFirstOrThrow();
  const id = newId('login', now);
  await trx
    .insertInto('logins')
    .values({
      id,
      kind: 'phone',
      identifier: msisdn,
      display_name: owner.name,
      customer_id: owner.customerId,
    })
    .execute();
  await trx
    .insertInto('grants')
    .values({ id: newId('grant', now), login_id: id, line_id: line.id, role: 'owner', access: 'full' })
    .execute();
  await recordJournal(trx, {
    actorKind: 'subscriber',
    actorId: id,
    channel: 'web',
    lineId: line.id,
    loginId: id,
    action: 'auth.registered',
  });
  return { id };
}
