import { randomInt } from 'node:crypto';
import { maskPhone, newId, parsePhone } from '@kabinet/core';
import type { Db } from '@kabinet/db';
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

export function codeDigest(secret: string, purpose: string, identifier: string, code: string): Buffer {
  return hmac(secret, 'otp', purpose, identifier, code);
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
  return db.transaction().execute(async (trx) => {
    // Serialise requests for one number so two parallel requests cannot both pass the cool-down.
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`otp:${msisdn}`}))`.execute(trx);
    const hourAgo = new Date(input.now.getTime() - 3600_000);
    const recent = await trx
      .selectFrom('auth_codes')
      .select(['created_at'])
      .where('identifier', '=', msisdn)
      .where('purpose', '=', 'login')
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
      .where('identifier', '=', msisdn)
      .where('purpose', '=', 'login')
      .where('consumed_at', 'is', null)
      .where('superseded_at', 'is', null)
      .execute();
    await trx
      .insertInto('auth_codes')
      .values({
        id: newId('code', input.now),
        purpose: 'login',
        identifier: msisdn,
        code_hmac: codeDigest(secret, 'login', msisdn, code),
        created_at: input.now,
        expires_at: new Date(input.now.getTime() + CODE_POLICY.ttlSeconds * 1000),
        ip: input.ip,
      })
      .execute();
    const line = await trx
      .selectFrom('lines')
      .select(['id'])
      .where('msisdn', '=', msisdn)
      .where('status', '!=', 'closed')
      .executeTakeFirst();
    if (line) {
      await enqueueMessage(trx, {
        channel: 'sms',
        recipient: msisdn,
        sender: CODE_POLICY.smsSender,
        kind: 'auth.code',
        sensitive: true,
        body: `Код для входа в Кабинет: ${code}. Никому его не сообщайте. / Kabinet login code: ${code}`,
      });
      await recordJournal(trx, {
        actorKind: 'anonymous',
        channel: 'web',
        lineId: line.id,
        action: 'auth.code_sent',
        ip: input.ip,
      });
    }
    return {
      phone: msisdn,
      maskedPhone: maskPhone(msisdn),
      expiresInSeconds: CODE_POLICY.ttlSeconds,
      resendAfterSeconds: CODE_POLICY.resendAfterSeconds,
    };
  });
}
