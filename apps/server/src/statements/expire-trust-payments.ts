/**
 * PAY-10: takes back trust payments whose time is up — the raise leaves the credit limit and the row is marked
 * expired in one transaction, so the limit is lowered exactly once whatever the number of workers (the rows are
 * claimed with SKIP LOCKED and re-checked by status).
 */
import { toSafeNumber } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';
import { recordJournal } from '../journal/record.ts';

/** Expires the due raises (of one account, or of all, a batch at a time); returns the accounts whose limit fell. */
export async function expireTrustPayments(
  trx: Db,
  now: Date,
  options: { accountId?: string; limit?: number } = {},
): Promise<string[]> {
  const { rows } = await sql<{ id: string; account_id: string; line_id: string; amount: bigint }>`
    SELECT id, account_id, line_id, amount FROM trust_payments
    WHERE status = 'active' AND expires_at <= ${now}
      ${options.accountId ? sql`AND account_id = ${options.accountId}` : sql``}
    ORDER BY expires_at LIMIT ${options.limit ?? 100}
    FOR UPDATE SKIP LOCKED`.execute(trx);
  for (const tp of rows) {
    await trx
      .updateTable('trust_payments')
      .set({ status: 'expired', ended_at: now })
      .where('id', '=', tp.id)
      .execute();
    // GREATEST: an operator may have lowered the limit meanwhile; a limit is never negative.
    await sql`UPDATE billing_accounts SET credit_limit = GREATEST(0, credit_limit - ${tp.amount})
      WHERE id = ${tp.account_id}`.execute(trx);
    await recordJournal(trx, {
      actorKind: 'system',
      channel: 'system',
      lineId: tp.line_id,
      action: 'trust_payment.expired',
      details: { trustPaymentId: tp.id, amount: toSafeNumber(tp.amount) },
    });
  }
  return [...new Set(rows.map((r) => r.account_id))];
}
