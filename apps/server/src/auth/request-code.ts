import { randomInt } from 'node:crypto';
import { maskPhone, newId, parsePhone } from '@kabinet/core';
import type { AuthCodesTable, Db } from '@kabinet/db';
import { sql } from 'kysely';
import { problems } from '../http/problem.ts';
import { recordJournal } from '../journal/record.ts';
import { enqueueMessage } from '../notifications/outbox.ts';
import { CODE_POLICY } from './policy.ts';
import { hmac } from './secrets.ts';

export interface RequestCodeInput {
  phone: string;
  ip: string;
  now: Date;
}

/** What a one-time code may be used for; a code is bound to exactly one. */
export type AuthCodePurpose = AuthCodesTable['purpose'];

export function codeDigest(secret: string, purpose: string, identifier: string, code: string): Buffer {
  return hmac(secret, 'otp', purpose, identifier, code);
}

/** The SMS for each purpose: a code is bound to one purpose (a login code cannot reset a password). */
const MESSAGES: Record<AuthCodePurpose, (code: string) => string> = {
  login: (code) => `Код для входа в Кабинет: ${code}. Никому его не сообщайте. / Kabinet login code: ${code}`,
  password_reset: (code) =>
    `Код для восстановления пароля Кабинета: ${code}. Никому его не сообщайте. / Kabinet password reset code: ${code}`,
  step_up: (code) =>
    `Код подтверждения в Кабинете: ${code}. Никому его не сообщайте. / Kabinet confirmation code: ${code}`,
  link_line: (code) =>
    `Код для привязки номера в Кабинете: ${code}. Никому его не сообщайте. / Kabinet code to link a line: ${code}`,
};

export interface CodeRequest {
  purpose: AuthCodePurpose;
  /** What the code is bound to and rate-limited by: a number, `contract:<number>`, or a login id (step-up). */
  identifier: string;
  /** Where the SMS goes; null when nobody should get one (unknown number) — everything else happens the same. */
  recipient: string | null;
  /** Journaled against this line; null when none. */
  lineId: string | null;
  loginId?: string | null;
  ip: string;
  now: Date;
}

/**
 * Issues a one-time code (ACCESS-01, and the password-reset and step-up codes of ACCESS-02): cool-down and hourly
 * limit per identifier and purpose, a limit per client address, the newest code only, stored as an HMAC. The
 * database work is the same whether or not there is a recipient, so the answer reveals nothing (ACCESS-04).
 */
export async function requestCode(db: Db, secret: string, input: CodeRequest) {
  const { purpose, identifier } = input;
  return db.transaction().execute(async (trx) => {
    // Serialise requests for one identifier so two parallel requests cannot both pass the cool-down.
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`otp:${purpose}:${identifier}`}))`.execute(trx);
    const hourAgo = new Date(input.now.getTime() - 3600_000);
    const recent = await trx
      .selectFrom('auth_codes')
      .select(['created_at'])
      .where('identifier', '=', identifier)
      .where('purpose', '=', purpose)
      .where('created_at', '>', hourAgo)
      .orderBy('created_at', 'desc')
      .execute();
    const last = recent[0];
    if (last) {
      const wait = CODE_POLICY.resendAfterSeconds - (input.now.getTime() - last.created_at.getTime()) / 1000;
      if (wait > 0) throw problems.rateLimited(Math.ceil(wait));
    }
    if (recent.length >= CODE_POLICY.perNumberPerHour) {
      const oldest = recent.at(-1)?.created_at ?? input.now;
      throw problems.rateLimited(Math.ceil((oldest.getTime() + 3600_000 - input.now.getTime()) / 1000));
    }
    const fromAddress = await trx
      .selectFrom('auth_codes')
      .select((eb) => eb.fn.countAll<bigint>().as('n'))
      .where('ip', '=', input.ip)
      .where('created_at', '>', hourAgo)
      .executeTakeFirstOrThrow();
    if (fromAddress.n >= BigInt(CODE_POLICY.perAddressPerHour)) throw problems.rateLimited(3600);

    const code = String(randomInt(0, 10 ** CODE_POLICY.digits)).padStart(CODE_POLICY.digits, '0');
    await trx
      .updateTable('auth_codes')
      .set({ superseded_at: input.now })
      .where('identifier', '=', identifier)
      .where('purpose', '=', purpose)
      .where('consumed_at', 'is', null)
      .where('superseded_at', 'is', null)
      .execute();
    await trx
      .insertInto('auth_codes')
      .values({
        id: newId('code', input.now),
        purpose,
        identifier,
        code_hmac: codeDigest(secret, purpose, identifier, code),
        created_at: input.now,
        expires_at: new Date(input.now.getTime() + CODE_POLICY.ttlSeconds * 1000),
        ip: input.ip,
      })
      .execute();
    if (input.recipient) {
      await enqueueMessage(trx, {
        channel: 'sms',
        recipient: input.recipient,
        sender: CODE_POLICY.smsSender,
        kind: 'auth.code',
        sensitive: true,
        body: MESSAGES[purpose](code),
      });
      await recordJournal(trx, {
        actorKind: input.loginId ? 'subscriber' : 'anonymous',
        actorId: input.loginId ?? null,
        loginId: input.loginId ?? null,
        channel: 'web',
        lineId: input.lineId,
        action: 'auth.code_sent',
        details: { purpose },
        ip: input.ip,
      });
    }
    return {
      expiresInSeconds: CODE_POLICY.ttlSeconds,
      resendAfterSeconds: CODE_POLICY.resendAfterSeconds,
    };
  });
}

/**
 * ACCESS-01: sends a 6-digit login code to a number. The answer, the rate limits and the database work are the
 * same whether or not the number is ours — only the SMS is skipped — so the endpoint reveals nothing (ACCESS-04).
 */
export async function requestLoginCode(db: Db, secret: string, input: RequestCodeInput) {
  const parsed = parsePhone(input.phone);
  if (!parsed.ok) {
    throw problems.field('phone', 'invalid_phone', 'Enter a phone number, e.g. +7 912 345-67-89.');
  }
  const msisdn = parsed.msisdn;
  const line = await db
    .selectFrom('lines')
    .select(['id'])
    .where('msisdn', '=', msisdn)
    .where('status', '!=', 'closed')
    .executeTakeFirst();
  const sent = await requestCode(db, secret, {
    purpose: 'login',
    identifier: msisdn,
    recipient: line ? msisdn : null,
    lineId: line?.id ?? null,
    ip: input.ip,
    now: input.now,
  });
  return { phone: msisdn, maskedPhone: maskPhone(msisdn), ...sent };
}
