import { OPERATOR_ACCOUNT_IDS, postTransfer } from '@kabinet/db';
import { createTestDatabase, type TestDatabase } from '@kabinet/db/vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestUsage, type UsageInput } from './ingest.ts';
import {
  balanceOf,
  buildRatedSubscriber,
  expectLedgerVerifies,
  expectTransfersMatchRecords,
} from './test-helpers.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

type Op =
  | { type: 'usage'; records: { sub: number; kind: 'voice_out' | 'sms_out' | 'data'; amount: number }[] }
  | { type: 'replay'; pick: number }
  | { type: 'topup'; sub: number; amount: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    type: fc.constant('usage' as const),
    records: fc.array(
      fc.record({
        sub: fc.integer({ min: 0, max: 1 }),
        kind: fc.constantFrom('voice_out' as const, 'sms_out' as const, 'data' as const),
        amount: fc.integer({ min: 0, max: 20_000_000 }),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  }),
  fc.record({ type: fc.constant('replay' as const), pick: fc.nat() }),
  fc.record({
    type: fc.constant('topup' as const),
    sub: fc.integer({ min: 0, max: 1 }),
    amount: fc.integer({ min: 1, max: 50_000 }),
  }),
);

let run = 0;

describe('RATE-01 RATE-05 properties of ingestion', () => {
  it('RATE-05 for any interleaving of usage, top-ups and replays the ledger balances and no record is charged twice', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 8 }), async (ops) => {
        const db = database.db;
        run += 1;
        const subs = [
          await buildRatedSubscriber(db, { balance: 10_00n, voiceLeft: 120n }),
          await buildRatedSubscriber(db, { balance: 0n, voiceLeft: 0n }),
        ];
        const ops0 = OPERATOR_ACCOUNT_IDS;
        const sent: UsageInput[] = [];
        const topups = [0n, 0n];
        let n = 0;
        for (const op of ops) {
          if (op.type === 'topup') {
            const s = subs[op.sub];
            if (!s) continue;
            await db.transaction().execute((trx) =>
              postTransfer(trx, {
                debitAccountId: ops0.cash,
                creditAccountId: s.ledgerAccountId,
                amount: BigInt(op.amount),
                kind: 'topup',
              }),
            );
            topups[op.sub] = (topups[op.sub] ?? 0n) + BigInt(op.amount);
          } else if (op.type === 'replay') {
            if (sent.length === 0) continue;
            const again = sent[op.pick % sent.length] as UsageInput;
            const summary = await ingestUsage(db, [again, again]);
            expect(summary.accepted).toBe(0);
            expect(summary.duplicated).toBe(2);
          } else {
            const batch = op.records.map((r): UsageInput => {
              n += 1;
              return {
                recordId: `p${run}-${n}`,
                msisdn: subs[r.sub]?.msisdn ?? '',
                startedAt: new Date(Date.now() - 86_400_000 + n * 1000),
                kind: r.kind,
                ...(r.kind === 'voice_out'
                  ? { durationSec: r.amount % 3600 }
                  : r.kind === 'data'
                    ? { bytes: r.amount }
                    : {}),
              };
            });
            const summary = await ingestUsage(db, batch);
            expect(summary.accepted).toBe(batch.length);
            sent.push(...batch);
          }
        }
        const initial = [10_00n, 0n];
        for (let i = 0; i < subs.length; i++) {
          const s = subs[i];
          if (!s) continue;
          const rows = await sql<{ n: bigint; cost: bigint | null }>`
            SELECT count(*) AS n, sum(cost)::int8 AS cost FROM usage_records WHERE line_id = ${s.lineId}`.execute(
            db,
          );
          const cost = rows.rows[0]?.cost ?? 0n;
          expect(await balanceOf(db, s.ledgerAccountId)).toBe((initial[i] ?? 0n) + (topups[i] ?? 0n) - cost);
          expect(Number(rows.rows[0]?.n)).toBe(sent.filter((r) => r.msisdn === s.msisdn).length);
        }
        await expectTransfersMatchRecords(db);
        await expectLedgerVerifies(db);
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
