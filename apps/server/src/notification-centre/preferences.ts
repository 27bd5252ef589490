import {
  NOTIFICATION_EVENTS,
  type NotificationChannel,
  type NotificationEvent,
  preferenceMatrix,
} from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';
import { problems } from '../http/problem.ts';
import { recordJournal } from '../journal/record.ts';

/** The preferences screen: the matrix, the language for SMS/USSD/email, the email address and its state. */
export async function loadPreferences(db: Db, loginId: string) {
  const [stored, login, email] = await Promise.all([
    db
      .selectFrom('notification_preferences')
      .select(['event', 'channel', 'enabled'])
      .where('login_id', '=', loginId)
      .execute(),
    db
      .selectFrom('logins')
      .select(['locale', 'login_alerts'])
      .where('id', '=', loginId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('notification_emails')
      .select(['email', 'confirmed_at'])
      .where('login_id', '=', loginId)
      .executeTakeFirst(),
  ]);
  const matrix = preferenceMatrix(stored);
  // The SMS of a login is the ACCESS-11 switch (decision 0019): one setting, both screens show it.
  matrix.logins.sms = login.login_alerts;
  return {
    events: NOTIFICATION_EVENTS.map((event) => ({
      event,
      sms: matrix[event].sms,
      email: matrix[event].email,
      inApp: matrix[event].in_app,
    })),
    language: login.locale,
    email: email ? { address: email.email, confirmed: email.confirmed_at !== null } : null,
  };
}

export interface PreferenceChange {
  event: NotificationEvent;
  sms?: boolean;
  email?: boolean;
  inApp?: boolean;
}

/**
 * NOTIF-01: saves the choices given (others keep theirs) and the language, in one transaction with a journal
 * entry. Turning the email channel on needs a confirmed address (409 `email_not_confirmed`), or the choice would
 * silently deliver nothing.
 */
export async function savePreferences(
  db: Db,
  input: { loginId: string; changes: PreferenceChange[]; language?: 'ru' | 'en'; ip: string; now: Date },
) {
  await db.transaction().execute(async (trx) => {
    const wantsEmail = input.changes.some((c) => c.email === true);
    if (wantsEmail) {
      const email = await trx
        .selectFrom('notification_emails')
        .select('confirmed_at')
        .where('login_id', '=', input.loginId)
        .executeTakeFirst();
      if (!email?.confirmed_at) {
        throw problems.field('email', 'email_not_confirmed', 'Add and confirm an email address first.');
      }
    }
    // `logins` × SMS lives in `logins.login_alerts` (ACCESS-11), never as a preference row (decision 0019).
    const loginAlerts = input.changes.find((c) => c.event === 'logins' && c.sms !== undefined)?.sms;
    if (loginAlerts !== undefined) {
      await trx
        .updateTable('logins')
        .set({ login_alerts: loginAlerts })
        .where('id', '=', input.loginId)
        .execute();
    }
    const rows = input.changes.flatMap((c) =>
      (
        [
          ['sms', c.sms],
          ['email', c.email],
          ['in_app', c.inApp],
        ] as Array<[NotificationChannel, boolean | undefined]>
      )
        .filter((pair): pair is [NotificationChannel, boolean] => pair[1] !== undefined)
        .filter(([channel]) => !(c.event === 'logins' && channel === 'sms'))
        .map(([channel, enabled]) => ({
          login_id: input.loginId,
          event: c.event,
          channel,
          enabled,
          updated_at: input.now,
        })),
    );
    if (rows.length > 0) {
      await trx
        .insertInto('notification_preferences')
        .values(rows)
        .onConflict((oc) =>
          oc
            .columns(['login_id', 'event', 'channel'])
            .doUpdateSet({ enabled: sql`excluded.enabled`, updated_at: sql`excluded.updated_at` }),
        )
        .execute();
    }
    if (input.language) {
      await trx
        .updateTable('logins')
        .set({ locale: input.language })
        .where('id', '=', input.loginId)
        .execute();
    }
    await recordJournal(trx, {
      actorKind: 'subscriber',
      actorId: input.loginId,
      loginId: input.loginId,
      channel: 'web',
      action: 'notifications.preferences_changed',
      details: { changes: input.changes, ...(input.language ? { language: input.language } : {}) },
      ip: input.ip,
    });
  });
  return loadPreferences(db, input.loginId);
}
