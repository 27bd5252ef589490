import { maskPhone, newId, parsePhone } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';
import { problems } from '../../http/problem.ts';
import { recordJournal } from '../../journal/record.ts';
import { enqueueMessage } from '../../notifications/outbox.ts';
import { PHONE_CONFIRM_POLICY } from './policy.ts';

export interface RequestConfirmationInput {
  phone: string;
  /** SHA-256 of the nonce cookie given to the asking browser. */
  bindingHash: Buffer;
  /** Short device name shown in the prompt ("Chrome, Linux"). */
  device: string;
  ip: string;
  now: Date;
}

/** The flash prompt, in Russian and English; `deviceName` answers 'Unknown device' for a missing user agent. */
function promptText(device: string): string {
  const known = device !== 'Unknown device';
  return (
    `Вход в Кабинет с ${known ? device : 'неизвестного устройства'}. Ответьте 1, чтобы подтвердить. / ` +
    `Kabinet login from ${known ? device : 'an unknown device'}. Reply 1 to confirm.`
  );
}

/** Serialises requests and answers for one number (the same key in `answerPhonePrompt`). */
export async function lockNumber(trx: Db, msisdn: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`phone-confirm:${msisdn}`}))`.execute(trx);
}

/**
 * ACCESS-07: asks the phone to confirm a login. Like a code request it answers, limits and writes the same
 * whether or not the number is a subscriber's — only the prompt is skipped — so it reveals nothing (ACCESS-04);
 * an unknown number's request simply stays pending until it expires. Limits: one prompt per number per 20 s,
 * ten per hour, thirty per client address per hour (prompt storms are how "push fatigue" attacks work).
 */
export async function requestPhoneConfirmation(db: Db, input: RequestConfirmationInput) {
  const parsed = parsePhone(input.phone);
  if (!parsed.ok)
    throw problems.field('phone', 'invalid_phone', 'Enter a phone number, e.g. +7 912 345-67-89.');
  const msisdn = parsed.msisdn;
  const policy = PHONE_CONFIRM_POLICY;
  return db.transaction().execute(async (trx) => {
    await lockNumber(trx, msisdn);
    const hourAgo = new Date(input.now.getTime() - 3600_000);
    const recent = await trx
      .selectFrom('phone_confirmations')
      .select('created_at')
      .where('msisdn', '=', msisdn)
      .where('created_at', '>', hourAgo)
      .orderBy('created_at', 'desc')
      .execute();
    const last = recent[0];
    if (last) {
      const wait = policy.cooldownSeconds - (input.now.getTime() - last.created_at.getTime()) / 1000;
      if (wait > 0) throw problems.rateLimited(Math.ceil(wait));
    }
    if (recent.length >= policy.perNumberPerHour) {
      const oldest = recent.at(-1)?.created_at ?? input.now;
      throw problems.rateLimited(Math.ceil((oldest.getTime() + 3600_000 - input.now.getTime()) / 1000));
    }
    const fromAddress = await trx
      .selectFrom('phone_confirmations')
      .select((eb) => eb.fn.countAll<bigint>().as('n'))
      .where('ip', '=', input.ip)
      .where('created_at', '>', hourAgo)
      .executeTakeFirstOrThrow();
    if (fromAddress.n >= BigInt(policy.perAddressPerHour)) throw problems.rateLimited(3600);

    const line = await trx
      .selectFrom('lines')
      .select('id')
      .where('msisdn', '=', msisdn)
      .where('status', '!=', 'closed')
      .executeTakeFirst();
    const id = newId('phoneConfirmation', input.now);
    await trx
      .insertInto('phone_confirmations')
      .values({
        id,
        msisdn,
        line_id: line?.id ?? null,
        binding_hash: input.bindingHash,
        created_at: input.now,
        expires_at: new Date(input.now.getTime() + policy.ttlSeconds * 1000),
        ip: input.ip,
      })
      .execute();
    if (line) {
      await enqueueMessage(trx, {
        channel: 'flash',
        recipient: msisdn,
        sender: policy.sender,
        kind: 'auth.phone_confirm',
        body: promptText(input.device),
      });
      await recordJournal(trx, {
        actorKind: 'anonymous',
        channel: 'web',
        lineId: line.id,
        action: 'auth.phone_confirm_requested',
        details: { requestId: id, device: input.device },
        ip: input.ip,
      });
    }
    return { requestId: id, expiresInSeconds: policy.ttlSeconds, maskedPhone: maskPhone(msisdn) };
  });
}
