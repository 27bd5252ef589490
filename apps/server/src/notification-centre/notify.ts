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
import type { Database, Db } from '@kabinet/db';
import { type Insertable, type RawBuilder, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { CODE_POLICY } from '../auth/policy.ts';
import { outboxRow } from '../notifications/outbox.ts';

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

export interface Recipient {
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
  const plan = planNotice(await recipients(trx, input), input);
  for (const write of plan.writes) {
    if (write.table === 'notifications') await trx.insertInto('notifications').values(write.values).execute();
    else await trx.insertInto('outbox').values(write.values).execute();
  }
  return plan.result;
}

/** A row a notice writes: by `notify` on its own, or by a caller within a larger statement. */
export type NoticeWrite =
  | { table: 'notifications'; values: Insertable<Database['notifications']> }
  | { table: 'outbox'; values: Insertable<Database['outbox']> };

/** What `notify` writes, read and rendered but not yet written. */
export interface NotifyPlan {
  writes: NoticeWrite[];
  result: NotifyResult;
}

/**
 * `notify` up to the writes, for the `recipients` already read (`planNotify` reads them; a caller may read them
 * within a larger query with `recipientsQuery` and `toRecipients`): who hears, through which channels, in which
 * words. Every write is a plain insert, independent of the others.
 */
export function planNotice(recipients: readonly Recipient[], input: NotifyInput): NotifyPlan {
  const params = input.params ?? {};
  const result: NotifyResult = { sms: 0, email: 0, in_app: 0 };
  const writes: NoticeWrite[] = [];
  for (const recipient of recipients) {
    const matrix = preferenceMatrix(recipient.preferences)[input.event];
    // The SMS of a login is the ACCESS-11 switch, one setting shown on both screens (decision 0019).
    const wanted =
      input.event === 'logins' && recipient.loginId ? { ...matrix, sms: recipient.loginAlerts } : matrix;
    const text = renderNotification(input.event, params, recipient.locale);
    for (const channel of NOTIFICATION_CHANNELS) {
      if (!wanted[channel]) continue;
      if (channel === 'in_app' && recipient.loginId) {
        writes.push({
          table: 'notifications',
          values: {
            id: newId('notification'),
            login_id: recipient.loginId,
            line_id: input.lineId ?? null,
            event: input.event,
            params: JSON.stringify(params),
          },
        });
        result.in_app += 1;
      } else if (channel === 'sms' && recipient.phone) {
        writes.push({
          table: 'outbox',
          values: outboxRow(newId('message'), {
            channel: 'sms',
            recipient: recipient.phone,
            sender: CODE_POLICY.smsSender,
            kind: `notify.${input.event}`,
            body: `${text.title}: ${text.body}`,
          }),
        });
        result.sms += 1;
      } else if (channel === 'email' && recipient.email) {
        writes.push({
          table: 'outbox',
          values: outboxRow(newId('message'), {
            channel: 'email',
            recipient: recipient.email,
            sender: '',
            kind: `notify.${input.event}`,
            body: text.body,
            email: { subject: text.title },
          }),
        });
        result.email += 1;
      }
    }
  }
  return { writes, result };
}

/** `planNotice` with the recipients read first (one query; a second only for a line nobody owns). */
export async function planNotify(trx: Db, input: NotifyInput): Promise<NotifyPlan> {
  return planNotice(await recipients(trx, input), input);
}

/**
 * Who hears of an event, with where each can be reached and their choices for it: the named login, or the owners
 * of the line (`lineId`: an id, or a reference to an outer query's column such as sql`p.line_id`). Not run: a
 * caller may embed it (e.g. with `jsonArrayFrom`). Its rows become recipients through `toRecipients`.
 */
export function recipientsQuery(
  db: Db,
  input: { lineId?: string | RawBuilder<string | null>; loginId?: string; event: NotificationEvent },
) {
  const { lineId, event } = input;
  let query = db
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
      (lineId !== undefined
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
    ])
    .orderBy('lg.id');
  if (input.loginId) query = query.where('lg.id', '=', input.loginId);
  else if (lineId !== undefined) {
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
  } else query = query.where(sql<boolean>`false`);
  return query;
}

type RecipientRow = Awaited<ReturnType<ReturnType<typeof recipientsQuery>['execute']>>[number];

/**
 * The rows of `recipientsQuery` as recipients. No rows for a line's event: its number by SMS (`lineMsisdn`, a
 * line nobody owns), or nobody.
 */
export function toRecipients(rows: readonly RecipientRow[], lineMsisdn: string | null = null): Recipient[] {
  if (rows.length === 0) {
    return lineMsisdn
      ? [{ loginId: null, loginAlerts: false, locale: 'ru', phone: lineMsisdn, email: null, preferences: [] }]
      : [];
  }
  return rows.map((login) => ({
    loginId: login.id,
    loginAlerts: login.login_alerts,
    locale: login.locale === 'en' ? 'en' : 'ru',
    // A line's event goes to the line's own number; a login's to its number (or a contract's recovery phone).
    phone: login.line_msisdn ?? (login.kind === 'phone' ? login.identifier : login.recovery_phone),
    email: login.email,
    preferences: login.preferences,
  }));
}

async function recipients(trx: Db, input: NotifyInput): Promise<Recipient[]> {
  if (!input.loginId && !input.lineId) return [];
  const rows = await recipientsQuery(trx, input).execute();
  const line =
    rows.length === 0 && input.lineId && !input.loginId
      ? await trx.selectFrom('lines').select('msisdn').where('id', '=', input.lineId).executeTakeFirst()
      : undefined;
  return toRecipients(rows, line?.msisdn ?? null);
}
