/** Test helpers of the rating capability: a subscriber on a priced tariff, and reading back what rating wrote. */
import { type Db, verifyLedger } from '@kabinet/db';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { buildSubscriber, type SubscriberOptions } from '../test/factories.ts';

export const TEST_RATES = {
  voice_out_per_min: 250,
  voice_intl_per_min: 3000,
  sms_out: 200,
  sms_intl: 800,
  data_per_mb: 900,
  roaming: { europe: { voice_out_per_min: 4900, voice_in_per_min: 2900, sms_out: 1900, data_per_mb: 5000 } },
};

/** A subscriber whose tariff has TEST_RATES, with `voiceLeft` seconds left in the voice bucket. */
export async function buildRatedSubscriber(db: Db, options: SubscriberOptions & { voiceLeft?: bigint } = {}) {
  const s = await buildSubscriber(db, options);
  await db
    .updateTable('tariffs')
    .set({ rates: JSON.stringify(TEST_RATES) })
    .where('id', '=', s.tariffId)
    .execute();
  if (options.voiceLeft !== undefined) {
    await db
      .updateTable('buckets')
      .set({ used: sql`total - ${options.voiceLeft}::int8` })
      .where('line_id', '=', s.lineId)
      .where('kind', '=', 'voice')
      .execute();
  }
  return s;
}

export async function balanceOf(db: Db, ledgerAccountId: string): Promise<bigint> {
  const row = await db
    .selectFrom('ledger_accounts')
    .select('balance')
    .where('id', '=', ledgerAccountId)
    .executeTakeFirstOrThrow();
  return row.balance;
}

export async function bucketUsed(db: Db, lineId: string, kind: 'voice' | 'sms' | 'data'): Promise<bigint> {
  const row = await db
    .selectFrom('buckets')
    .select('used')
    .where('line_id', '=', lineId)
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow();
  return row.used;
}

/** `kabinet ledger verify` in a test: every cached balance equals its transfers and the books sum to zero. */
export async function expectLedgerVerifies(db: Db): Promise<void> {
  const result = await verifyLedger(db);
  expect(result.mismatches).toEqual([]);
  expect(result.total).toBe(0n);
}

/** Every charged record references a usage transfer, and each transfer's amount is the sum of its records. */
export async function expectTransfersMatchRecords(db: Db): Promise<void> {
  const rows = await sql<{ id: string; amount: bigint; records: bigint | null }>`
    SELECT t.id, t.amount, (SELECT sum(cost) FROM usage_records u WHERE u.transfer_id = t.id)::int8 AS records
    FROM ledger_transfers t WHERE t.kind = 'usage'`.execute(db);
  for (const r of rows.rows) expect(r.records).toBe(r.amount);
  const orphans = await sql<{ n: bigint }>`
    SELECT count(*) AS n FROM usage_records WHERE cost > 0 AND transfer_id IS NULL`.execute(db);
  expect(orphans.rows[0]?.n).toBe(0n);
}
