/**
 * The writes of one rating batch, each one statement for the whole batch: the ledger transfers (one per account),
 * both sides of the balances, the buckets' consumption and the rated records. All in the caller's transaction.
 */
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';
import { bigintArray, textArray } from './pg-arrays.ts';

export interface RatedRow {
  id: string;
  startedAt: string;
  lineId: string;
  accountId: string;
  kind: string;
  otherParty: string | null;
  volume: bigint;
  zone: string | null;
  fromPackage: bigint;
  cost: bigint;
  balanceAfter: bigint;
  transferId: string | null;
}

export interface AccountCharge {
  transferId: string;
  ledgerAccountId: string;
  lineId: string | null;
  amount: bigint;
  records: number;
}

/** One 'usage' transfer per charged account, subscriber → usage revenue, and both cached balances moved. */
export async function postUsageTransfers(
  db: Db,
  charges: readonly AccountCharge[],
  revenueAccountId: string,
  at: Date,
): Promise<void> {
  if (charges.length === 0) return;
  const total = charges.reduce((s, c) => s + c.amount, 0n);
  const debits = textArray(charges.map((c) => c.ledgerAccountId));
  const amounts = bigintArray(charges.map((c) => c.amount));
  await sql`
    INSERT INTO ledger_transfers (id, debit_account_id, credit_account_id, amount, kind, line_id, description, created_at)
    SELECT t.id, t.debit, ${revenueAccountId}, t.amount, 'usage', t.line_id, t.description, ${at}
    FROM unnest(${textArray(charges.map((c) => c.transferId))}::text[], ${debits}::text[], ${amounts}::int8[],
      ${textArray(charges.map((c) => c.lineId))}::text[],
      ${textArray(charges.map((c) => `Связь: записей ${c.records}`))}::text[])
      AS t(id, debit, amount, line_id, description)`.execute(db);
  await sql`
    UPDATE ledger_accounts a SET balance = a.balance - d.amount
    FROM unnest(${debits}::text[], ${amounts}::int8[]) AS d(id, amount)
    WHERE a.id = d.id`.execute(db);
  // The revenue account is every batch's counterpart: it is updated last, just before commit, so the row lock
  // that serialises concurrent batches on it is held for as short a time as possible.
  await sql`UPDATE ledger_accounts SET balance = balance + ${total.toString()}::int8 WHERE id = ${revenueAccountId}`.execute(
    db,
  );
}

/** Adds what the batch took to each bucket (relative, so the stored `used` is never overwritten). */
export async function consumeBuckets(db: Db, takes: ReadonlyMap<string, bigint>): Promise<void> {
  if (takes.size === 0) return;
  await sql`
    UPDATE buckets b SET used = b.used + d.take
    FROM unnest(${textArray([...takes.keys()])}::text[], ${bigintArray([...takes.values()])}::int8[]) AS d(id, take)
    WHERE b.id = d.id`.execute(db);
}

/**
 * Inserts the rated records. No ON CONFLICT: a record already stored makes the primary key refuse the insert, and
 * the caller retries the batch looking stored records up first (ingest-batch.ts).
 */
export async function insertRatedRecords(db: Db, rows: readonly RatedRow[], ratedAt: Date): Promise<void> {
  if (rows.length === 0) return;
  const text = (pick: (r: RatedRow) => string | null) => textArray(rows.map(pick));
  const int8 = (pick: (r: RatedRow) => bigint) => bigintArray(rows.map(pick));
  await sql`
    INSERT INTO usage_records (id, started_at, line_id, account_id, kind, other_party, volume, roaming_zone,
      from_package, cost, balance_after, transfer_id, rated_at)
    SELECT r.*, ${ratedAt}::timestamptz FROM unnest(
      ${text((r) => r.id)}::text[], ${text((r) => r.startedAt)}::timestamptz[], ${text((r) => r.lineId)}::text[],
      ${text((r) => r.accountId)}::text[], ${text((r) => r.kind)}::text[], ${text((r) => r.otherParty)}::text[],
      ${int8((r) => r.volume)}::int8[], ${text((r) => r.zone)}::text[], ${int8((r) => r.fromPackage)}::int8[],
      ${int8((r) => r.cost)}::int8[], ${int8((r) => r.balanceAfter)}::int8[], ${text((r) => r.transferId)}::text[]) AS r`.execute(
    db,
  );
}
