import {
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
  type NotificationEvent,
  type NotificationParams,
  newId,
  preferenceMatrix,
  renderNotification,
  type StoredPreference,
} from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { CODE_POLICY } from '../auth/policy.ts';
import { outboxInsert } from '../notifications/outbox.ts';

export interface NotifyInput {
  /** The line the event is about; its owners are told (unless `loginId` names one person). */
  lineId?: string;
  /** Tell this login only (e.g. a login alert, a chat answer to the person who asked). */
  loginId?: string;
  event: NotificationEvent;
  /** Money in kopecks as integers (`amount`, `balance`), the rest as display strings (`device`, `due` …). */
  params?: NotificationParams;
}

export type NotifyResult = Record<NotificationChannel, number>;

interface Recipient {
  loginId: string | null;
  /** ACCESS-11 `logins.login_alerts`: the `logins` × SMS preference. */
  loginAlerts: boolean;
  locale: 'ru' | 'en';
  phone: string | null;
  email: string | null;
  /** The login's stored choices for the event (none: the defaults). */
  preferences: readonly StoredPreference[];
}

/**
 * NOTIF-01: tells a subscriber about an event through the channels they chose (in-app, SMS, email), in the
 * caller's transaction — the notification exists if and only if its cause commits, and the outbox delivers
 * the SMS and email after commit (NOTIF-02). Every capability calls this rather than writing messages itself.
 * A line whose owner never logged in still gets the default SMS (there is nobody to show an in-app one to).
 * The caller kicks the outbox after commit.
 */
export async function notify(trx: Db, input: NotifyInput): Promise<NotifyResult> {
  const plan = await planNotify(trx, input);
  for (const write of plan.writes) await write.execute();
  return plan.result;
}

/** What `notify` writes, read and rendered but not yet written: the caller runs `writes` in its transaction. */
export interface NotifyPlan {
  writes: Array<ReturnType<typeof notificationInsert> | ReturnType<typeof outboxInsert>>;
  result: NotifyResult;
}

/**
 * `notify` up to the writes: who hears, through which channels, in which words. For a caller that writes the
 * notifications in one statement with its own writes (every write is a plain INSERT, independent of the others).
 */
export async function planNotify(trx: Db, input: NotifyInput): Promise<NotifyPlan> {
  const params = input.params ?? {};
  const result: NotifyResult = { sms: 0, email: 0, in_app: 0 };
  const writes: NotifyPlan['writes'] = [];
  for (const recipient of await recipients(trx, input)) {
    const matrix = preferenceMatrix(recipient.preferences)[input.event];
    // The SMS of a login is the ACCESS-11 switch, one setting shown on both screens (decision 0019).
    const wanted =
      input.event === 'logins' && recipient.loginId ? { ...matrix, sms: recipient.loginAlerts } : matrix;
    const text = renderNotification(input.event, params, recipient.locale);
    for (const channel of NOTIFICATION_CHANNELS) {
      if (!wanted[channel]) continue;
      if (channel === 'in_app' && recipient.loginId) {
        writes.push(notificationInsert(trx, recipient.loginId, input, params));
        result.in_app += 1;
      } else if (channel === 'sms' && recipient.phone) {
        writes.push(
          outboxInsert(trx, newId('message'), {
            channel: 'sms',
            recipient: recipient.phone,
            sender: CODE_POLICY.smsSender,
            kind: `notify.${input.event}`,
            body: `${text.title}: ${text.body}`,
          }),
        );
        result.sms += 1;
      } else if (channel === 'email' && recipient.email) {
        writes.push(
          outboxInsert(trx, newId('message'), {
            channel: 'email',
            recipient: recipient.email,
            sender: '',
            kind: `notify.${input.event}`,
            body: text.body,
            email: { subject: text.title },
          }),
        );
        result.email += 1;
      }
    }
  }
  return { writes, result };
}

function notificationInsert(trx: Db, loginId: string, input: NotifyInput, params: NotificationParams) {
  return trx.insertInto('notifications').values({
    id: newId('notification'),
    login_id: loginId,
    line_id: input.lineId ?? null,
    event: input.event,
    params: JSON.stringify(params),
  });
}

/**
 * Who hears of the event, with where each can be reached and their choices for it: the named login, or the
 * line's owners. One query (logins, the line's number and the preferences); a second only for a line nobody owns.
 */
async function recipients(trx: Db, input: NotifyInput): Promise<Recipient[]> {
  const { lineId, event } = input;
  let query = trx
    .selectFrom('logins as lg')
    .leftJoin('notification_emails as ne', (join) =>
      join.onRef('ne.login_id', '=', 'lg.id').on('ne.confirmed_at', 'is not', null),
    )
    .select([
      'lg.id',
      'lg.kind',
      'lg.identifier',
      'lg.recovery_phone',
      'lg.locale',
      'lg.login_alerts',
      'ne.email',
    ])
    .select((eb) => [
      (lineId
        ? eb.selectFrom('lines').select('msisdn').where('id', '=', lineId)
        : eb.val<string | null>(null)
      ).as('line_msisdn'),
      jsonArrayFrom(
        eb
          .selectFrom('notification_preferences as np')
          .select(['np.event', 'np.channel', 'np.enabled'])
          .whereRef('np.login_id', '=', 'lg.id')
          .where('np.event', '=', event),
      ).as('preferences'),
    ]);
  if (input.loginId) query = query.where('lg.id', '=', input.loginId);
  else if (lineId) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('grants as g')
          .select('g.id')
          .whereRef('g.login_id', '=', 'lg.id')
          .where('g.line_id', '=', lineId)
          .where('g.role', '=', 'owner')
          .where('g.revoked_at', 'is', null),
      ),
    );
  } else return [];
  const logins = await query.orderBy('lg.id').execute();
  if (logins.length === 0) {
    const line =
      lineId && !input.loginId
        ? await trx.selectFrom('lines').select('msisdn').where('id', '=', lineId).executeTakeFirst()
        : undefined;
    return line?.msisdn
      ? [
          {
            loginId: null,
            loginAlerts: false,
            locale: 'ru',
            phone: line.msisdn,
            email: null,
            preferences: [],
          },
        ]
      : [];
  }
  return logins.map((login) => ({
    loginId: login.id,
    loginAlerts: login.login_alerts,
    locale: login.locale === 'en' ? 'en' : 'ru',
    // A line's event goes to the line's own number; a login's to its number (or a contract's recovery phone).
    phone: login.line_msisdn ?? (login.kind === 'phone' ? login.identifier : login.recovery_phone),
    email: login.email,
    preferences: login.preferences,
  }));
}
