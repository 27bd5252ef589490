/** Test helpers of PAY-05: a subscriber the promised-payment rules accept (or refuse, by option). */
import { newId } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { buildSubscriber } from '../test/factories.ts';

const DAY = 86_400_000;

export interface PromisedSubscriberOptions {
  now: Date;
  balance?: bigint;
  /** Days since activation; 200 by default (the rules ask 60). */
  tenureDays?: number;
  /** Real top-ups over the last 3 months, kopecks; 1 800 ₽ by default (600 ₽ a month: up to 300 ₽ offered). */
  topUps?: bigint;
  status?: 'active' | 'blocked';
  blockReason?: 'debt' | 'lost' | null;
}

/** A subscriber with a login, a line of the given tenure and succeeded card top-ups 10 days ago. */
export async function promisedSubscriber(db: Db, options: PromisedSubscriberOptions) {
  const sub = await buildSubscriber(db, {
    withLogin: true,
    balance: options.balance ?? 0n,
    status: options.status ?? 'active',
    now: options.now,
  });
  await db
    .updateTable('lines')
    .set({
      activated_at: new Date(options.now.getTime() - (options.tenureDays ?? 200) * DAY),
      block_reason: options.status === 'blocked' ? (options.blockReason ?? 'debt') : null,
      blocked_at: options.status === 'blocked' ? options.now : null,
    })
    .where('id', '=', sub.lineId)
    .execute();
  const topUps = options.topUps ?? 1800_00n;
  if (topUps > 0n) {
    const at = new Date(options.now.getTime() - 10 * DAY);
    await db
      .insertInto('payments')
      .values({
        id: newId('payment'),
        account_id: sub.accountId,
        line_id: sub.lineId,
        source: 'card',
        amount: topUps,
        status: 'succeeded',
        created_at: at,
        completed_at: at,
      })
      .execute();
  }
  return sub;
}
