import { randomInt } from 'node:crypto';
import type { Db } from '@kabinet/db';
import { hashPassword } from '../auth/password-hash.ts';
import { checkNewPassword } from '../auth/password-policy.ts';
import { CODE_POLICY } from '../auth/policy.ts';
import { registerPhoneLogin } from '../auth/verify-code.ts';
import { recordJournal } from '../journal/record.ts';
import { enqueueMessage } from '../notifications/outbox.ts';

/** No 0/O, 1/l/I: the password is read off a phone screen and typed by hand. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const LENGTH = 10;
/** One new password per number per minute: each one replaces the last and costs an SMS. */
export const NEW_PASSWORD_COOLDOWN_SECONDS = 60;

/** A random password from a CSPRNG: 10 characters of 56 → ~58 bits. */
export function generatePassword(): string {
  for (;;) {
    let password = '';
    for (let i = 0; i < LENGTH; i += 1) password += ALPHABET[randomInt(ALPHABET.length)];
    // The common-passwords list cannot realistically match, but the policy is the one authority on passwords.
    if (!checkNewPassword(password)) return password;
  }
}

export type NewPasswordOutcome =
  | { status: 'sent'; loginId: string; lineId: string }
  | { status: 'too_soon'; lineId: string }
  | { status: 'unknown_number' };

/**
 * CHAN-03 `*110*9#` and CHAN-04 empty SMS to 000110: the phone itself asks for a new Kabinet password. The number
 * proves possession (the network delivered the request from it), as a code login would; so a line without a login
 * gets its phone login here. The new password replaces the old one and goes by SMS (a sensitive message: its body
 * is never logged). The caller revokes the login's sessions after commit and kicks the outbox.
 */
export async function issueNewPassword(
  db: Db,
  input: { msisdn: string; channel: 'ussd' | 'sms'; lang: 'ru' | 'en'; now: Date },
): Promise<NewPasswordOutcome> {
  const password = generatePassword();
  // Hash outside the transaction: argon2 takes a while and holds no lock.
  const hash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const line = await trx
      .selectFrom('lines')
      .select(['id', 'account_id'])
      .where('msisdn', '=', input.msisdn)
      .where('status', '!=', 'closed')
      .forUpdate()
      .executeTakeFirst();
    if (!line) return { status: 'unknown_number' as const };
    const login = await trx
      .selectFrom('logins')
      .select(['id', 'password_changed_at'])
      .where('kind', '=', 'phone')
      .where('identifier', '=', input.msisdn)
      .executeTakeFirst();
    const since = login?.password_changed_at
      ? (input.now.getTime() - login.password_changed_at.getTime()) / 1000
      : Number.POSITIVE_INFINITY;
    if (since < NEW_PASSWORD_COOLDOWN_SECONDS) {
      await journal(trx, input, line.id, login?.id ?? null, 'failed', { reason: 'too_soon' });
      return { status: 'too_soon' as const, lineId: line.id };
    }
    const loginId = login?.id ?? (await registerPhoneLogin(trx, input.msisdn, line, input.now)).id;
    await trx
      .updateTable('logins')
      .set({ password_hash: hash, password_changed_at: input.now })
      .where('id', '=', loginId)
      .execute();
    await journal(trx, input, line.id, loginId, 'ok', {});
    await enqueueMessage(trx, {
      channel: 'sms',
      recipient: input.msisdn,
      sender: CODE_POLICY.smsSender,
      kind: 'auth.new_password',
      sensitive: true,
      body:
        input.lang === 'en'
          ? `Your new Kabinet password: ${password}. Other sessions were signed out.`
          : `Новый пароль от Кабинета: ${password}. Остальные сеансы завершены.`,
    });
    return { status: 'sent' as const, loginId, lineId: line.id };
  });
}

async function journal(
  trx: Db,
  input: { channel: 'ussd' | 'sms' },
  lineId: string,
  loginId: string | null,
  outcome: 'ok' | 'failed',
  details: Record<string, unknown>,
) {
  await recordJournal(trx, {
    actorKind: 'subscriber',
    actorId: loginId,
    loginId,
    lineId,
    channel: input.channel,
    action: 'auth.password_issued',
    outcome,
    details,
  });
}
