import type { Db } from '@kabinet/db';
import { notify } from '../notification-centre/notify.ts';
import { deviceName } from '../security/device-name.ts';
import type { LoginMethod } from './sessions.ts';

/** The number that receives a login's notices: its own number, or a contract login's recovery phone. */
export function noticePhone(login: { kind: string; identifier: string; recovery_phone: string | null }) {
  return login.kind === 'phone' ? login.identifier : login.recovery_phone;
}

/**
 * ACCESS-11 + NOTIF-01: tells the login about every new session (time, method, browser) through `notify()`, event
 * `logins`: in the centre unless turned off there, by SMS when the owner turned login alerts on — that switch is
 * the `logins` × SMS preference itself (decision 0019). One transaction: the in-app row and the SMS together.
 * The caller kicks the outbox. Returns whether anything was queued for delivery (an SMS or email).
 */
export async function queueLoginAlert(
  db: Db,
  input: { loginId: string; method: LoginMethod; userAgent: string | null; now: Date; timeZone: string },
): Promise<boolean> {
  const time = new Intl.DateTimeFormat('ru-RU', {
    timeZone: input.timeZone,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(input.now);
  const told = await db.transaction().execute((trx) =>
    notify(trx, {
      loginId: input.loginId,
      event: 'logins',
      params: { time, method: input.method, device: deviceName(input.userAgent) },
    }),
  );
  return told.sms + told.email > 0;
}
