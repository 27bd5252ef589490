/** Test data of the statements tests: payments, rated usage and charges at chosen instants, all through the ledger. */
import { newId } from '@kabinet/core';
import { type Db, OPERATOR_ACCOUNT_IDS, postTransfer } from '@kabinet/db';
import { sql } from 'kysely';
import type { buildSubscriber } from '../test/factories.ts';

type Sub = Awaited<ReturnType<typeof buildSubscriber>>;
type Source = 'card' | 'voucher' | 'transfer' | 'promised' | 'cash' | 'bank' | 'autopay';

/** A payment row; a succeeded one is credited by a real `topup` transfer at the same instant. */
export async function addPayment(
  db: Db,
  sub: Sub,
  input: { at: string; amount: bigint; source: Source; status?: 'succeeded' | 'failed' | 'pending' },
) {
  const at = new Date(input.at);
  const status = input.status ?? 'succeeded';
  const accounts = OPERATOR_ACCOUNT_IDS;
  const transfer =
    status === 'succeeded'
      ? await db.transaction().execute((trx) =>
          postTransfer(trx, {
            debitAccountId: accounts.cash,
            creditAccountId: sub.ledgerAccountId,
            amount: input.amount,
            kind: 'topup',
            lineId: sub.lineId,
            at,
          }),
        )
      : null;
  const id = newId('payment', at);
  await db
    .insertInto('payments')
    .values({
      id,
      account_id: sub.accountId,
      line_id: sub.lineId,
      source: input.source,
      amount: input.amount,
      status,
      transfer_id: transfer?.id ?? null,
      created_at: at,
      completed_at: status === 'pending' ? null : at,
    })
    .execute();
  return id;
}

/** A rated usage record and the `usage` transfer that charged it. */
export async function addUsage(
  db: Db,
  sub: Sub,
  input: {
    at: string;
    kind: 'voice_out' | 'voice_in' | 'sms_out' | 'mms_out' | 'data';
    cost: bigint;
    zone?: string;
  },
) {
  const at = new Date(input.at);
  const accounts = OPERATOR_ACCOUNT_IDS;
  await sql`SELECT ensure_usage_partition(${at})`.execute(db);
  const transfer = await db.transaction().execute((trx) =>
    postTransfer(trx, {
      debitAccountId: sub.ledgerAccountId,
      creditAccountId: accounts.revenueUsage,
      amount: input.cost,
      kind: 'usage',
      lineId: sub.lineId,
      at,
    }),
  );
  await db
    .insertInto('usage_records')
    .values({
      id: newId('usage', at),
      started_at: at,
      line_id: sub.lineId,
      account_id: sub.accountId,
      kind: input.kind,
      other_party: input.kind === 'data' ? null : '+79001112233',
      volume: 60n,
      roaming_zone: input.zone ?? null,
      cost: input.cost,
      transfer_id: transfer.id,
      rated_at: at,
    })
    .execute();
}

/** A charge debiting the subscriber: `to` names the operator account it pays. */
export async function addCharge(
  db: Db,
  sub: Sub,
  input: {
    at: string;
    amount: bigint;
    kind: string;
    to: 'revenueFees' | 'revenueContent' | 'revenueUsage' | 'revenueServices';
  },
) {
  const accounts = OPERATOR_ACCOUNT_IDS;
  await db.transaction().execute((trx) =>
    postTransfer(trx, {
      debitAccountId: sub.ledgerAccountId,
      creditAccountId: accounts[input.to],
      amount: input.amount,
      kind: input.kind,
      lineId: sub.lineId,
      at: new Date(input.at),
    }),
  );
}

/** Makes the subscriber's account postpaid with a credit limit, opened on `openedAt`. */
export async function makePostpaid(db: Db, sub: Sub, creditLimit: bigint, openedAt: string) {
  await db
    .updateTable('billing_accounts')
    .set({ payment_type: 'postpaid', credit_limit: creditLimit, created_at: new Date(openedAt) })
    .where('id', '=', sub.accountId)
    .execute();
}
