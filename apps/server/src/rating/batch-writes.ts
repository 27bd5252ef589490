/**
 * The writes of one rating batch, each one statement for the whole batch: the ledger transfers (one per account),
 * both sides of the balances, the buckets' consumption and the rated records. All in the caller's transaction.
 */
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';
import { BinaryCopyWriter } from './copy-binary.ts';
import { bigintArray, textArray } from './pg-arrays.ts';
import { copyQuery } from './pg-copy.ts';

export interface RatedRow {
  id: string;
  /** The input's own Date, written as binary microseconds: a batch holds no string per record for it. */
  startedAt: Date;
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
  /** The billing account charged (its balance moved: the balance rules run for it after commit). */
  accountId: string;
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

const TARGET =
  'usage_records (id, started_at, line_id, account_id, kind, other_party, volume, roaming_zone, from_package, cost, balance_after, transfer_id, rated_at)';

/**
 * Inserts the rated records with one binary COPY (pg-copy.ts, copy-binary.ts) on the caller's transaction: the same
 * rows and indexes as a multi-row INSERT, but the server takes them in bulk, without unnesting twelve arrays or
 * parsing a value. No ON CONFLICT (COPY has none): a record already stored makes the primary key refuse the whole
 * COPY, and the caller retries the batch looking stored records up first (ingest-batch.ts).
 */
export async function insertRatedRecords(db: Db, rows: readonly RatedRow[], ratedAt: Date): Promise<void> {
  if (rows.length === 0) return;
  const out = new BinaryCopyWriter();
  for (const r of rows) {
    out.row(13);
    out.text(r.id);
    out.timestamptz(r.startedAt);
    out.text(r.lineId);
    out.text(r.accountId);
    out.text(r.kind);
    out.text(r.otherParty);
    out.int8(r.volume);
    out.text(r.zone);
    out.int8(r.fromPackage);
    out.int8(r.cost);
    out.int8(r.balanceAfter);
    out.text(r.transferId);
    out.timestamptz(ratedAt);
  }
  await db.executeQuery(copyQuery(`${TARGET} FROM STDIN (FORMAT binary)`, out.finish()));
}
