/**
 * PAY-09 low-balance notices: the subscriber's threshold (`billing_accounts.low_balance_threshold`, kopecks,
 * null = off) and one `low_balance` notice per crossing below it, remembered in `low_balance_states`. Called by
 * the balance rules (charging/balance-rules.ts) for every account whose balance moved, so it is cheap when
 * nothing crosses: one query for all the accounts, a transaction only for those whose state changes.
 */
import { decideLowBalance } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';
import { notify } from '../notification-centre/notify.ts';

interface LowBalanceFacts {
  id: string;
  balance: bigint;
  threshold: bigint | null;
  below: boolean | null;
}

/**
 * Records which accounts are below their threshold and notifies the lines of those that just crossed below.
 * Safe under concurrency: the state row is flipped by a guarded upsert, and only the transaction that flipped
 * it notifies. Returns the accounts notified.
 */
export async function applyLowBalanceNotices(
  db: Db,
  accountIds: readonly string[],
  now: Date,
  /** The accounts' facts when the caller has read them already (the balance rules' first look). */
  known?: readonly LowBalanceFacts[],
): Promise<string[]> {
  if (accountIds.length === 0) return [];
  const facts = known
    ? known.filter((f) => f.threshold !== null || f.below)
    : (
        await sql<LowBalanceFacts>`
      SELECT a.id, la.balance, a.low_balance_threshold AS threshold, s.below
      FROM billing_accounts a
      JOIN ledger_accounts la ON la.id = a.ledger_account_id
      LEFT JOIN low_balance_states s ON s.account_id = a.id
      WHERE a.id = ANY(${accountIds as string[]}::text[])
        AND (a.low_balance_threshold IS NOT NULL OR s.below)`.execute(db)
      ).rows;
  const changing = facts
    .map((f) => ({
      f,
      d: decideLowBalance({ balance: f.balance, threshold: f.threshold, wasBelow: f.below }),
    }))
    .filter(({ d }) => d.changed)
    .sort((a, b) => (a.f.id < b.f.id ? -1 : 1));
  if (changing.length === 0) return [];
  const notified: string[] = [];
  await db.transaction().execute(async (trx) => {
    for (const { f, d } of changing) {
      // Flips the state only if it is not already what we want: a racing caller that flipped it first wins,
      // and this one notifies nobody.
      const flipped = await sql<{ account_id: string }>`
        INSERT INTO low_balance_states (account_id, below, changed_at)
        VALUES (${f.id}, ${d.below}, ${now})
        ON CONFLICT (account_id) DO UPDATE SET below = excluded.below, changed_at = excluded.changed_at
          WHERE low_balance_states.below IS DISTINCT FROM excluded.below
        RETURNING account_id`.execute(trx);
      if (flipped.rows.length === 0 || !d.notify) continue;
      const lines = await trx
        .selectFrom('lines')
        .select('id')
        .where('account_id', '=', f.id)
        .where('status', '!=', 'closed')
        .orderBy('id')
        .execute();
      for (const line of lines) {
        await notify(trx, {
          lineId: line.id,
          event: 'low_balance',
          params: {
            notice: 'low_balance_threshold',
            balance: Number(f.balance),
            threshold: Number(f.threshold ?? 0n),
          },
        });
      }
      notified.push(f.id);
    }
  });
  return notified;
}
