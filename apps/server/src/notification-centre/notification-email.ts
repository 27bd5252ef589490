import { randomInt } from 'node:crypto';
import type { Db } from '@kabinet/db';
import { hmac, sameDigest } from '../auth/secrets.ts';
import { AppError, problems } from '../http/problem.ts';
import { recordJournal } from '../journal/record.ts';
import { enqueueMessage } from '../notifications/outbox.ts';

/** A confirmation code lives 30 minutes and allows 5 tries: enough to switch to the mailbox, too few to guess. */
export const EMAIL_CODE_POLICY = { ttlSeconds: 30 * 60, maxAttempts: 5, resendAfterSeconds: 60 } as const;

const EMAIL_SHAPE = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

const codeDigest = (secret: string, loginId: string, email: string, code: string) =>
  hmac(secret, 'notification-email', loginId, email.toLowerCase(), code);

/**
 * NOTIF-01: sets the address for the email channel (unconfirmed) and mails it a 6-digit code, in one transaction;
 * a new address replaces the old one and is used only after confirmation.
 */
export async function setNotificationEmail(
  db: Db,
  secret: string,
  input: { loginId: string; email: string; lang: 'ru' | 'en'; ip: string; now: Date },
) {
  const email = input.email.trim();
  if (!EMAIL_SHAPE.test(email) || email.length > 254) {
    throw problems.field('email', 'invalid_email', 'Enter an email address, e.g. name@example.com.');
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('notification_emails')
      .select(['email', 'created_at', 'confirmed_at'])
      .where('login_id', '=', input.loginId)
      .forUpdate()
      .executeTakeFirst();
    const sinceLast = before
      ? (input.now.getTime() - before.created_at.getTime()) / 1000
      : Number.POSITIVE_INFINITY;
    if (before && !before.confirmed_at && sinceLast < EMAIL_CODE_POLICY.resendAfterSeconds) {
      throw problems.rateLimited(Math.ceil(EMAIL_CODE_POLICY.resendAfterSeconds - sinceLast));
    }
    const row = {
      email,
      code_hmac: codeDigest(secret, input.loginId, email, code),
      code_expires_at: new Date(input.now.getTime() + EMAIL_CODE_POLICY.ttlSeconds * 1000),
      attempts: 0,
      confirmed_at: null,
      created_at: input.now,
    };
    await trx
      .insertInto('notification_emails')
      .values({ login_id: input.loginId, ...row })
      .onConflict((oc) => oc.column('login_id').doUpdateSet(row))
      .execute();
    await enqueueMessage(trx, {
      channel: 'email',
      recipient: email,
      sender: '',
      kind: 'notify.email_confirm',
      sensitive: true,
      body:
        input.lang === 'en'
          ? `Your code to confirm this address for Kabinet notifications: ${code}. It is valid for 30 minutes.`
          : `Код для подтверждения адреса уведомлений Кабинета: ${code}. Он действует 30 минут.`,
      email: { subject: input.lang === 'en' ? 'Confirm your email' : 'Подтвердите email' },
    });
    await recordJournal(trx, {
      actorKind: 'subscriber',
      actorId: input.loginId,
      loginId: input.loginId,
      channel: 'web',
      action: 'notifications.email_added',
      details: { domain: email.split('@')[1] },
      ip: input.ip,
    });
  });
}

/** NOTIF-01: the code from the email confirms the address; wrong codes count, 5 end the code. */
export async function confirmNotificationEmail(
  db: Db,
  secret: string,
  input: { loginId: string; code: string; ip: string; now: Date },
) {
  if (!/^\d{6}$/.test(input.code)) throw problems.field('code', 'invalid_format', '6 digits.');
  const outcome = await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('notification_emails')
      .selectAll()
      .where('login_id', '=', input.loginId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw problems.notFound('email address');
    if (row.confirmed_at) return { email: row.email, ok: true };
    const live =
      row.code_hmac &&
      row.code_expires_at &&
      row.code_expires_at.getTime() > input.now.getTime() &&
      row.attempts < EMAIL_CODE_POLICY.maxAttempts;
    const right =
      live && sameDigest(row.code_hmac as Buffer, codeDigest(secret, input.loginId, row.email, input.code));
    if (!right) {
      await trx
        .updateTable('notification_emails')
        .set({ attempts: row.attempts + 1 })
        .where('login_id', '=', input.loginId)
        .execute();
      return { email: row.email, ok: false, expired: !live };
    }
    await trx
      .updateTable('notification_emails')
      .set({ confirmed_at: input.now, code_hmac: null, code_expires_at: null })
      .where('login_id', '=', input.loginId)
      .execute();
    await recordJournal(trx, {
      actorKind: 'subscriber',
      actorId: input.loginId,
      loginId: input.loginId,
      channel: 'web',
      action: 'notifications.email_confirmed',
      details: { domain: row.email.split('@')[1] },
      ip: input.ip,
    });
    return { email: row.email, ok: true };
  });
  if (!outcome.ok) {
    throw outcome.expired
      ? new AppError(409, 'code_expired', 'This code is no longer valid: ask for a new one.', {}, [
          { field: 'code', code: 'code_expired', message: 'Ask for a new code.' },
        ])
      : problems.field('code', 'wrong_code', 'Wrong code.');
  }
  return { address: outcome.email, confirmed: true };
}

/** Removes the address; the email channel stops with it (its choices stay for when an address comes back). */
export async function removeNotificationEmail(db: Db, input: { loginId: string; ip: string }) {
  await db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('notification_emails')
      .where('login_id', '=', input.loginId)
      .returning('email')
      .executeTakeFirst();
    if (!removed) throw problems.notFound('email address');
    await recordJournal(trx, {
      actorKind: 'subscriber',
      actorId: input.loginId,
      loginId: input.loginId,
      channel: 'web',
      action: 'notifications.email_removed',
      ip: input.ip,
    });
  });
}
