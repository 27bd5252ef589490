/**
 * BONUS-01 the points ledger: points are not rubles, so they never enter `ledger_transfers`. Every movement is
 * one append-only `bonus_entries` row with a unique idempotency key; the cached `bonus_accounts.balance` moves
 * in the same transaction under the account row's lock, and `verifyPoints` proves cached = sum of entries.
 *
 * Lock order (no deadlocks with money): a transaction that moves money and points takes the ledger rows first
 * (`postTransfer`, as `creditPayment` does) and the points row last.
 */
import { type BonusRules, newId, pointsShortfall } from '@kabinet/core';
import type { BonusEntryReason, Db } from '@kabinet/db';
import { type Expression, sql } from 'kysely';
import { bonusProblems } from './bonus-problems.ts';

/** The configured rules (the one `bonus_rules` row; the migration inserts the defaults). */
export async function loadBonusRules(db: Db): Promise<BonusRules> {
  return bonusRulesFromRow(
    await db.selectFrom('bonus_rules').selectAll().where('id', '=', 1).executeTakeFirstOrThrow(),
  );
}

/** The `bonus_rules` columns as the rules of the core (for callers that read the row within a larger query). */
export function bonusRulesFromRow(row: {
  top_up_kopecks_per_point: bigint;
  top_up_sources: string[];
  spending_kopecks_per_point: bigint;
  spending_account_codes: string[];
  expiry_months: number;
  expiring_soon_days: number;
}): BonusRules {
  return {
    topUpKopecksPerPoint: row.top_up_kopecks_per_point,
    topUpSources: row.top_up_sources,
    spendingKopecksPerPoint: row.spending_kopecks_per_point,
    spendingAccountCodes: row.spending_account_codes,
    expiryMonths: row.expiry_months,
    expiringSoonDays: row.expiring_soon_days,
  };
}

export interface PointsEntry {
  accountId: string;
  /** Positive to earn, negative to spend or expire. */
  points: number;
  reason: BonusEntryReason;
  reference: string;
  lineId: string | null;
  /** Unique per movement: the same key again moves nothing. */
  idempotencyKey: string;
  at: Date;
  /** For earned points. */
  expiresAt?: Date | null;
}

export interface PostedPoints {
  /** False when the key had been posted already. */
  created: boolean;
  entryId: string | null;
  /** The balance after this call. */
  balance: number;
}

/**
 * Appends one points entry and moves the cached balance, in the caller's transaction. A repeated key moves
 * nothing; a debit the balance cannot cover throws 409 `not_enough_points` (the caller's transaction, and
 * whatever it did, rolls back).
 */
export async function postPoints(trx: Db, entry: PointsEntry): Promise<PostedPoints> {
  if (!Number.isSafeInteger(entry.points) || entry.points === 0) {
    throw new RangeError(`Points must be a non-zero integer, got ${entry.points}`);
  }
  if (entry.points > 0) {
    const earned = await earnPoints(trx, entry);
    if (earned) return earned;
  }
  await trx
    .insertInto('bonus_accounts')
    .values({ account_id: entry.accountId, updated_at: entry.at })
    .onConflict((oc) => oc.column('account_id').doNothing())
    .execute();
  const account = await trx
    .selectFrom('bonus_accounts')
    .select('balance')
    .where('account_id', '=', entry.accountId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const existing = await trx
    .selectFrom('bonus_entries')
    .select('id')
    .where('idempotency_key', '=', entry.idempotencyKey)
    .executeTakeFirst();
  if (existing) return { created: false, entryId: existing.id, balance: account.balance };
  const balance = account.balance + entry.points;
  if (balance < 0) throw bonusProblems.notEnoughPoints(pointsShortfall(account.balance, -entry.points));
  const id = newId('bonusEntry', entry.at);
  await trx
    .insertInto('bonus_entries')
    .values({
      id,
      account_id: entry.accountId,
      points: entry.points,
      reason: entry.reason,
      reference: entry.reference,
      line_id: entry.lineId,
      idempotency_key: entry.idempotencyKey,
      expires_at: entry.expiresAt ?? null,
      created_at: entry.at,
    })
    .execute();
  await trx
    .updateTable('bonus_accounts')
    .set({ balance, updated_at: entry.at })
    .where('account_id', '=', entry.accountId)
    .execute();
  return { created: true, entryId: id, balance };
}

/**
 * Earning, in one statement: the entry is appended unless its key was used, and only then the balance moves
 * (the account row created on the first points). Undefined when the key was used: the caller's general path
 * answers the replay. Earning cannot go below zero, so there is nothing to check under the lock first.
 */
async function earnPoints(trx: Db, entry: PointsEntry): Promise<PostedPoints | undefined> {
  const id = newId('bonusEntry', entry.at);
  const { rows } = await sql<{ balance: number }>`
    WITH ${earnPointsCtes(id, entry)}
    SELECT balance FROM points_account`.execute(trx);
  const row = rows[0];
  return row ? { created: true, entryId: id, balance: row.balance } : undefined;
}

/**
 * The two data-modifying CTEs of earning `entry` as entry `id` (`points_entry`, then `points_account`, which
 * returns the new balance), for `earnPoints` and for callers that earn points within a larger statement — only
 * when `condition` holds, if one is given.
 */
export function earnPointsCtes(id: string, entry: PointsEntry, condition?: Expression<boolean>) {
  const row = sql`${id}, ${entry.accountId}, ${entry.points}, ${entry.reason}, ${entry.reference}, ${entry.lineId},
        ${entry.idempotencyKey}, ${entry.expiresAt ?? null}, ${entry.at}`;
  return sql`points_entry AS (
      INSERT INTO bonus_entries (id, account_id, points, reason, reference, line_id, idempotency_key, expires_at,
        created_at)
      ${condition ? sql`SELECT ${row} WHERE ${condition}` : sql`VALUES (${row})`}
      ON CONFLICT (idempotency_key) DO NOTHING
      RETURNING account_id, points),
    points_account AS (
      INSERT INTO bonus_accounts AS a (account_id, balance, updated_at)
      SELECT account_id, points, ${entry.at} FROM points_entry
      ON CONFLICT (account_id) DO UPDATE SET balance = a.balance + excluded.balance, updated_at = excluded.updated_at
      RETURNING a.balance)`;
}

/** The cached points balance of an account (0 before its first entry). */
export async function pointsBalance(db: Db, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('bonus_accounts')
    .select('balance')
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row?.balance ?? 0;
}

export interface PointsMismatch {
  accountId: string;
  cached: number;
  computed: number;
}

/** Proves the points books, like `verifyLedger` for money: every cached balance equals its entries' sum. */
export async function verifyPoints(db: Db): Promise<{ accounts: number; mismatches: PointsMismatch[] }> {
  const { rows } = await sql<{ account_id: string; cached: number; computed: number }>`
    SELECT a.account_id, a.balance AS cached,
      COALESCE((SELECT sum(points) FROM bonus_entries e WHERE e.account_id = a.account_id), 0)::int AS computed
    FROM bonus_accounts a`.execute(db);
  const mismatches = rows
    .filter((r) => r.cached !== r.computed)
    .map((r) => ({ accountId: r.account_id, cached: r.cached, computed: r.computed }));
  return { accounts: rows.length, mismatches };
}
