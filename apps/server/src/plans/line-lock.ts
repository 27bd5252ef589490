import type { Db, FeePeriod, LineKind } from '@kabinet/db';
import { sql } from 'kysely';
import { problems } from '../http/problem.ts';

/** A line with what a change needs to know, read under lock. */
export interface LockedLine {
  id: string;
  kind: LineKind;
  tariff_id: string;
  tariff_code: string;
  tariff_fee_period: FeePeriod;
  next_fee_at: Date | null;
  billing_anchor_day: number;
  ledger_account_id: string;
  balance: bigint;
  credit_limit: bigint;
}

/**
 * Locks the line and its account's ledger balance (FOR NO KEY UPDATE, the lock `postTransfer` takes too) and
 * reads them: every change of a line's tariff or options runs under it, so two changes of one line (or a change
 * and a charge of its account) queue, and a funds check cannot be outrun by a concurrent debit.
 */
export async function lockLine(trx: Db, lineId: string): Promise<LockedLine> {
  const result = await sql<LockedLine>`
    SELECT l.id, l.kind, l.tariff_id, t.code AS tariff_code, t.fee_period AS tariff_fee_period, l.next_fee_at,
      l.billing_anchor_day, a.ledger_account_id, la.balance, a.credit_limit
    FROM lines l
    JOIN billing_accounts a ON a.id = l.account_id
    JOIN ledger_accounts la ON la.id = a.ledger_account_id
    JOIN tariffs t ON t.id = l.tariff_id
    WHERE l.id = ${lineId}
    FOR NO KEY UPDATE OF l, la`.execute(trx);
  const line = result.rows[0];
  if (!line) throw problems.notFound('line');
  return line;
}

/** The account balance of a line now (after a change), kopecks. */
export async function balanceOf(trx: Db, ledgerAccountId: string): Promise<bigint> {
  const row = await trx
    .selectFrom('ledger_accounts')
    .select('balance')
    .where('id', '=', ledgerAccountId)
    .executeTakeFirstOrThrow();
  return row.balance;
}
