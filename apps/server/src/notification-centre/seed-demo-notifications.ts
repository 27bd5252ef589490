import { newId } from '@kabinet/core';
import type { Db } from '@kabinet/db';

/**
 * DEMO-01/NOTIF-03: a few notifications for the demo login, so the bell has something to show on a fresh demo —
 * drawn from its real history (its newest top-up and charge), one still unread. Runs inside the seeder's
 * transaction, after the history is written.
 */
export async function seedDemoNotifications(trx: Db, input: { msisdn: string; now: Date }): Promise<number> {
  const owner = await trx
    .selectFrom('logins as lg')
    .innerJoin('grants as g', 'g.login_id', 'lg.id')
    .innerJoin('lines as l', 'l.id', 'g.line_id')
    .innerJoin('billing_accounts as a', 'a.id', 'l.account_id')
    .select(['lg.id as loginId', 'l.id as lineId', 'a.id as accountId', 'a.ledger_account_id as ledgerId'])
    .where('lg.identifier', '=', input.msisdn)
    .where('l.msisdn', '=', input.msisdn)
    .executeTakeFirst();
  if (!owner) return 0;
  const [topUp, charge] = await Promise.all([
    trx
      .selectFrom('payments')
      .select(['amount', 'created_at'])
      .where('account_id', '=', owner.accountId)
      .where('status', '=', 'succeeded')
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
    trx
      .selectFrom('ledger_transfers')
      .select(['amount', 'created_at', 'description'])
      .where('debit_account_id', '=', owner.ledgerId)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);
  const rows = [
    topUp && { event: 'top_ups', at: topUp.created_at, params: { amount: Number(topUp.amount) }, read: true },
    charge && {
      event: 'charges',
      at: charge.created_at,
      params: { amount: Number(charge.amount), what: charge.description },
      read: false,
    },
    {
      event: 'logins',
      at: new Date(input.now.getTime() - 60_000),
      params: { device: 'Chrome, Windows' },
      read: false,
    },
  ].filter((row) => row !== undefined);
  await trx
    .insertInto('notifications')
    .values(
      rows.map((row) => ({
        id: newId('notification', row.at),
        login_id: owner.loginId,
        line_id: owner.lineId,
        event: row.event,
        params: JSON.stringify(row.params),
        created_at: row.at,
        read_at: row.read ? row.at : null,
      })),
    )
    .execute();
  return rows.length;
}
