import type { LineNotice, NotificationParams } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { CODE_POLICY } from '../auth/policy.ts';
import { notify } from '../notification-centre/notify.ts';
import { enqueueMessage } from '../notifications/outbox.ts';

interface OnceKey {
  lineId: string;
  /** `funds.out`, `funds.blocked`, `block` …: with `kind` and `since`, sent once. */
  step: string;
  kind: 'warning' | 'applied';
  /** The instant the step's clock started (the same step of a later clock is a new notice). */
  since: Date;
  now: Date;
}

export interface Notice extends OnceKey {
  /** What the subscriber is told (`low_balance` event, text chosen by `notice`; core/notifications/render.ts). */
  notice: LineNotice;
  /** `balance`/`fee` in kopecks, `date` as shown (`smsDate`). */
  params?: NotificationParams;
}

/**
 * NOTIF-01: tells the line's owners about a charging step through `notify()` (event `low_balance`: SMS and in-app
 * by default, as the subscriber chose otherwise), in the caller's transaction, at most once per line, step, kind
 * and clock (`charging_notices`): a rerun of a job warns nobody twice. Returns whether it was new.
 */
export async function notifyOnce(trx: Db, notice: Notice): Promise<boolean> {
  if (!(await claimOnce(trx, notice))) return false;
  await notify(trx, {
    lineId: notice.lineId,
    event: 'low_balance',
    params: { ...notice.params, notice: notice.notice },
  });
  return true;
}

export interface SmsNotice extends OnceKey {
  /** The line's number; a line without one (home internet) gets no SMS, the notice is still recorded. */
  msisdn: string | null;
  body: string;
}

/**
 * An SMS-only notice, once (as `notifyOnce`), for steps no NOTIF-01 event covers (a voluntary suspension ending).
 */
export async function smsOnce(trx: Db, notice: SmsNotice): Promise<boolean> {
  if (!(await claimOnce(trx, notice))) return false;
  if (notice.msisdn) {
    await enqueueMessage(trx, {
      channel: 'sms',
      recipient: notice.msisdn,
      sender: CODE_POLICY.smsSender,
      kind: `charging.${notice.step}`,
      body: notice.body,
    });
  }
  return true;
}

/** Records the notice in `charging_notices`; false when it was sent already. */
async function claimOnce(trx: Db, notice: OnceKey): Promise<boolean> {
  const inserted = await trx
    .insertInto('charging_notices')
    .values({
      line_id: notice.lineId,
      step: notice.step,
      kind: notice.kind,
      since: notice.since,
      sent_at: notice.now,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('line_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** `12.03.2026` in the operator's zone, for SMS texts. */
export function smsDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('ru-RU', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(at);
}
