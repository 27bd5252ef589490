/**
 * BONUS-01 periodic points work, run after every charging pass (money-jobs): points for last month's spending
 * once the month is over, and expiry of points nobody spent in time. Both are keyed, so several workers and
 * restarts earn or expire nothing twice.
 */
import { pointsExpireAt, pointsToExpire, previousMonth, spendingPoints } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';
import { recordJournal } from '../journal/record.ts';
import type { MoneyJobDeps } from '../money-jobs/money-job.ts';
import { loadBonusRules, postPoints } from './points-ledger.ts';

export async function runBonusJobs(deps: MoneyJobDeps): Promise<number> {
  const earned = await accrueSpendingPoints(deps.db, deps.now, deps.timeZone);
  const expired = await expirePoints(deps.db, deps.now);
  return earned + expired;
}

/** The first line of an account, for the journal and the history row (points belong to the account). */
const FIRST_LINE = sql<string | null>`(SELECT l.id FROM lines l WHERE l.account_id = b.id
  ORDER BY l.activated_at, l.id LIMIT 1)`;

/**
 * Points for the calendar month before `now` (operator zone), from the subscriber accounts' debits to the
 * operator accounts the rules name (usage, fees, content). One worker does a month once: the month's row in
 * `bonus_job_periods` is taken in the same transaction as the entries (each also keyed `spending:<account>:<month>`).
 */
export async function accrueSpendingPoints(db: Db, now: Date, timeZone: string): Promise<number> {
  const month = previousMonth(now, timeZone);
  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto('bonus_job_periods')
      .values({ job: 'spending', period: month.key, done_at: now })
      .onConflict((oc) => oc.columns(['job', 'period']).doNothing())
      .returning('period')
      .executeTakeFirst();
    if (!claimed) return 0;
    const rules = await loadBonusRules(trx);
    const { rows } = await sql<{ account_id: string; spent: bigint; line_id: string | null }>`
      SELECT b.id AS account_id, sum(t.amount)::bigint AS spent, ${FIRST_LINE} AS line_id
      FROM ledger_accounts op
      JOIN ledger_transfers t ON t.credit_account_id = op.id
        AND t.created_at >= ${month.start} AND t.created_at < ${month.end}
      JOIN billing_accounts b ON b.ledger_account_id = t.debit_account_id
      WHERE op.code = ANY(${rules.spendingAccountCodes as string[]}::text[])
      GROUP BY b.id`.execute(trx);
    const expiresAt = pointsExpireAt(rules, month.end, timeZone);
    let accounts = 0;
    for (const row of rows) {
      const points = spendingPoints(rules, row.spent);
      if (points === 0) continue;
      const posted = await postPoints(trx, {
        accountId: row.account_id,
        points,
        reason: 'spending',
        reference: month.key,
        lineId: row.line_id,
        idempotencyKey: `spending:${row.account_id}:${month.key}`,
        at: now,
        expiresAt,
      });
      if (!posted.created) continue;
      accounts += 1;
      await recordJournal(trx, {
        actorKind: 'system',
        channel: 'system',
        lineId: row.line_id,
        action: 'bonus.points_earned',
        details: { month: month.key, spent: Number(row.spent), points },
      });
    }
    await trx
      .updateTable('bonus_job_periods')
      .set({ accounts })
      .where('job', '=', 'spending')
      .where('period', '=', month.key)
      .execute();
    return accounts;
  });
}

/**
 * Expires earned points whose term has come and that spending has not used (oldest first, see
 * `pointsToExpire`). The key is the account's total of expired earnings, which only grows: each new expiry is
 * posted once, whoever runs it.
 */
export async function expirePoints(db: Db, now: Date): Promise<number> {
  const { rows } = await sql<{ account_id: string }>`
    SELECT DISTINCT e.account_id FROM bonus_entries e JOIN bonus_accounts a ON a.account_id = e.account_id
    WHERE e.points > 0 AND e.expires_at <= ${now} AND a.balance > 0`.execute(db);
  let expired = 0;
  for (const { account_id } of rows) {
    expired += await db.transaction().execute(async (trx) => {
      await sql`SELECT 1 FROM bonus_accounts WHERE account_id = ${account_id} FOR UPDATE`.execute(trx);
      const sums = await sql<{ earned_expired: number; debited: number; line_id: string | null }>`
        SELECT
          COALESCE(sum(points) FILTER (WHERE points > 0 AND expires_at <= ${now}), 0)::int AS earned_expired,
          COALESCE(-sum(points) FILTER (WHERE points < 0), 0)::int AS debited,
          (SELECT l.id FROM lines l WHERE l.account_id = ${account_id} ORDER BY l.activated_at, l.id LIMIT 1)
            AS line_id
        FROM bonus_entries WHERE account_id = ${account_id}`.execute(trx);
      const s = sums.rows[0];
      if (!s) return 0;
      const points = pointsToExpire(s.earned_expired, s.debited);
      if (points === 0) return 0;
      const posted = await postPoints(trx, {
        accountId: account_id,
        points: -points,
        reason: 'expiry',
        reference: '',
        lineId: s.line_id,
        idempotencyKey: `expiry:${account_id}:${s.earned_expired}`,
        at: now,
      });
      if (!posted.created) return 0;
      await recordJournal(trx, {
        actorKind: 'system',
        channel: 'system',
        lineId: s.line_id,
        action: 'bonus.points_expired',
        details: { points },
      });
      return 1;
    });
  }
  return expired;
}
