/** PAY-07 monthly "top-ups and spending" of the account: what came in and what went out, month by month. */
import { type MonthKey, monthBounds, monthOf, monthsEndingWith, toSafeNumber } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';
import { spendingByMonth } from './spending-query.ts';
import type { StatementAccount } from './statement-account.ts';

/**
 * The last `count` months, the current one included, oldest first. Top-ups are succeeded payments dated when
 * made; spending is every category of PAY-08 over all the account's lines (the balance is the account's).
 */
export async function loadMonthlySummary(
  db: Db,
  account: StatementAccount,
  count: number,
  now: Date,
  timeZone: string,
) {
  const months = monthsEndingWith(monthOf(now, timeZone), count);
  const range = {
    start: monthBounds(months[0] as MonthKey, timeZone).start,
    end: monthBounds(months.at(-1) as MonthKey, timeZone).end,
  };
  const lineIds = (
    await db.selectFrom('lines').select('id').where('account_id', '=', account.accountId).execute()
  ).map((l) => l.id);
  const [topUps, spending] = await Promise.all([
    sql<{ month: string; amount: bigint; count: string }>`
      SELECT to_char(created_at AT TIME ZONE ${timeZone}, 'YYYY-MM') AS month, sum(amount)::int8 AS amount,
        count(*) AS count
      FROM payments
      WHERE account_id = ${account.accountId} AND status = 'succeeded'
        AND created_at >= ${range.start} AND created_at < ${range.end}
      GROUP BY 1`.execute(db),
    spendingByMonth(
      db,
      { ledgerAccountId: account.ledgerAccountId, lineIds, onlyTheseLines: false },
      range,
      timeZone,
    ),
  ]);
  return {
    months: months.map((month) => {
      const inMonth = topUps.rows.find((r) => r.month === month);
      const out = spending.filter((s) => s.month === month).reduce((s, r) => s + r.amount, 0n);
      return {
        month,
        topUps: toSafeNumber(inMonth?.amount ?? 0n),
        topUpCount: Number(inMonth?.count ?? 0),
        spending: toSafeNumber(out),
      };
    }),
  };
}
