import type { Db } from '@kabinet/db';
import { sql } from 'kysely';

/**
 * BONUS-01 demo: points history for the demo world, as if the rules had been in force all along — points for
 * every succeeded top-up the seeder wrote (keyed `top_up:<payment id>`, the key `creditPayment`'s hook uses,
 * so nothing is ever counted twice), then the cached balances set from the entries. Set-based and idempotent:
 * call it after `seedDemo` in the same transaction. Last month's spending points come from the bonus job's
 * first pass in `kabinet serve`.
 */
export async function seedDemoBonuses(db: Db): Promise<number> {
  const inserted = await sql`
    INSERT INTO bonus_entries (id, account_id, points, reason, reference, line_id, idempotency_key, expires_at,
      created_at)
    SELECT 'bon_' || p.id, p.account_id, (p.amount / r.top_up_kopecks_per_point)::int, 'top_up', p.id, p.line_id,
      'top_up:' || p.id, COALESCE(p.completed_at, p.created_at) + make_interval(months => r.expiry_months),
      COALESCE(p.completed_at, p.created_at)
    FROM payments p CROSS JOIN bonus_rules r
    WHERE p.status = 'succeeded' AND p.source = ANY(r.top_up_sources) AND p.amount >= r.top_up_kopecks_per_point
    ORDER BY COALESCE(p.completed_at, p.created_at), p.id
    ON CONFLICT (idempotency_key) DO NOTHING`.execute(db);
  await sql`
    INSERT INTO bonus_accounts (account_id, balance)
    SELECT account_id, sum(points)::int FROM bonus_entries GROUP BY account_id
    ON CONFLICT (account_id) DO UPDATE SET balance = excluded.balance`.execute(db);
  return Number(inserted.numAffectedRows ?? 0n);
}
