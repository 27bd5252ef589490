import { newId } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { creditPayment } from '../payments/credit-payment.ts';
import { postPoints } from './points-ledger.ts';

/** A pending payment of `source` credited through the real `creditPayment`; returns its id. */
export async function topUp(
  db: Db,
  sub: { accountId: string; lineId: string },
  source: 'card' | 'voucher' | 'transfer' | 'promised' | 'cash',
  amount: bigint,
  at: Date,
): Promise<string> {
  const id = newId('payment', at);
  await db
    .insertInto('payments')
    .values({ id, account_id: sub.accountId, line_id: sub.lineId, source, amount, status: 'pending' })
    .execute();
  await db.transaction().execute((trx) => creditPayment(trx, { paymentId: id, at }));
  return id;
}

/** Gives an account points as an `adjustment` (tests and the demo): expiring a year after `at`. */
export async function grantPoints(db: Db, accountId: string, points: number, at: Date, lineId?: string) {
  await db.transaction().execute((trx) =>
    postPoints(trx, {
      accountId,
      points,
      reason: 'adjustment',
      reference: 'test',
      lineId: lineId ?? null,
      idempotencyKey: `adjustment:${newId('bonusEntry')}`,
      at,
      expiresAt: new Date(at.getTime() + 365 * 86_400_000),
    }),
  );
}
