import type { Db } from '@kabinet/db';
import { enqueueMessage } from '../notifications/outbox.ts';
import { deviceName } from '../security/device-name.ts';
import { CODE_POLICY } from './policy.ts';
import type { LoginMethod } from './sessions.ts';

const METHOD_NAMES: Record<LoginMethod, string> = {
  sms_code: 'код из SMS',
  password: 'пароль',
  passkey: 'ключ доступа',
  phone_confirm: 'подтверждение с телефона',
  enrichment: 'автоматический вход',
};

/** The number that receives a login's notices: its own number, or a contract login's recovery phone. */
export function noticePhone(login: { kind: string; identifier: string; recovery_phone: string | null }) {
  return login.kind === 'phone' ? login.identifier : login.recovery_phone;
}

/**
 * ACCESS-11: when the owner turned login alerts on, every new session sends an SMS naming the time, the method and
 * the browser. Queued in the outbox; the caller kicks it. Returns whether a message was queued.
 */
export async function queueLoginAlert(
  db: Db,
  input: { loginId: string; method: LoginMethod; userAgent: string | null; now: Date; timeZone: string },
): Promise<boolean> {
  const login = await db
    .selectFrom('logins')
    .select(['kind', 'identifier', 'recovery_phone', 'login_alerts'])
    .where('id', '=', input.loginId)
    .executeTakeFirst();
  const phone = login?.login_alerts ? noticePhone(login) : null;
  if (!phone) return false;
  const time = new Intl.DateTimeFormat('ru-RU', {
    timeZone: input.timeZone,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(input.now);
  await enqueueMessage(db, {
    channel: 'sms',
    recipient: phone,
    sender: CODE_POLICY.smsSender,
    kind: 'auth.login_alert',
    body: `Вход в Кабинет: ${time}, ${METHOD_NAMES[input.method]}, ${deviceName(input.userAgent)}. Если это не вы, смените пароль.`,
  });
  return true;
}
