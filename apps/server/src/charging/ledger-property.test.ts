import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestUsage, type UsageInput } from '../rating/ingest.ts';
import { buildRatedSubscriber, expectTransfersMatchRecords } from '../rating/test-helpers.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { applyBalanceRules } from './balance-rules.ts';
import { balanceOf, ledgerIsSound, pass, topUp } from './test-helpers.ts';

const T0 = new Date('2026-03-10T21:00:00.000Z'); // 11 March 00:00 Moscow
const HOUR = 3_600_000;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: T0 });
});
afterAll(async () => {
  await t.close();
});

type Op =
  | { kind: 'usage'; line: number; record: number; minutes: number }
  | { kind: 'fees' }
  | { kind: 'topUp'; line: number; key: number; rubles: number }
  | { kind: 'replay'; index: number };

const op: fc.Arbitrary<{ op: Op; advanceHours: number }> = fc.record({
  op: fc.oneof(
    fc.record({
      kind: fc.constant('usage' as const),
      line: fc.integer({ min: 0, max: 1 }),
      record: fc.integer({ min: 0, max: 7 }),
      minutes: fc.integer({ min: 1, max: 30 }),
    }),
    fc.record({ kind: fc.constant('fees' as const) }),
    fc.record({
      kind: fc.constant('topUp' as const),
      line: fc.integer({ min: 0, max: 1 }),
      key: fc.integer({ min: 0, max: 3 }),
      rubles: fc.integer({ min: 1, max: 300 }),
    }),
    fc.record({ kind: fc.constant('replay' as const), index: fc.nat() }),
  ),
  advanceHours: fc.integer({ min: 0, max: 30 }),
});

let run = 0;

describe('RATE-05 ledger under any interleaving', () => {
  it('RATE-05 usage, fees, top-ups and replays in any order: balances equal their ledger sums, nothing charged twice', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        run += 1;
        t.clock.now = T0;
        const subs = [
          await buildRatedSubscriber(t.db, { balance: 100_00n, now: T0 }),
          await buildRatedSubscriber(t.db, { balance: 0n, now: T0 }),
        ];
        // A daily fee of 10 ₽ from the first midnight.
        for (const s of subs) {
          await t.db
            .updateTable('tariffs')
            .set({ fee: 10_00n, fee_period: 'day' })
            .where('id', '=', s.tariffId)
            .execute();
          await t.db.updateTable('lines').set({ next_fee_at: T0 }).where('id', '=', s.lineId).execute();
        }
        const records = new Map<string, UsageInput>();
        const topUps = new Map<string, { line: number; amount: bigint }>();
        const done: Op[] = [];
        const passes: Date[] = [];
        const apply = async (o: Op): Promise<void> => {
          if (o.kind === 'usage') {
            const id = `p${run}-${o.line}-${o.record}`;
            // A resent record is the same record: same id and time.
            const record = records.get(id) ?? {
              recordId: id,
              msisdn: subs[o.line]?.msisdn ?? '',
              startedAt: new Date(t.clock.now.getTime() - 60_000),
              kind: 'voice_out' as const,
              otherParty: '+79160000000',
              durationSec: o.minutes * 60,
            };
            records.set(id, record);
            await ingestUsage(t.db, [record], { now: () => t.clock.now });
          } else if (o.kind === 'fees') {
            await pass(t, { inactivity: false });
            passes.push(t.clock.now);
          } else if (o.kind === 'topUp') {
            const key = `p${run}-${o.line}-${o.key}`;
            const first = topUps.get(key) ?? { line: o.line, amount: BigInt(o.rubles) * 100n };
            topUps.set(key, first);
            const sub = subs[first.line];
            if (!sub) return;
            await topUp(t.db, sub.ledgerAccountId, first.amount, key, t.clock.now);
            await applyBalanceRules(t.db, [sub.accountId], t.clock.now);
          } else {
            const earlier = done[o.index % Math.max(1, done.length)];
            if (earlier && earlier.kind !== 'replay') await apply(earlier);
          }
        };
        for (const { op: o, advanceHours } of ops) {
          t.clock.advance(advanceHours * HOUR);
          await apply(o);
          done.push(o);
        }
        await applyBalanceRules(
          t.db,
          subs.map((s) => s.accountId),
          t.clock.now,
        );

        expect(await ledgerIsSound(t.db)).toBe(true);
        await expectTransfersMatchRecords(t.db);
        for (const [i, s] of subs.entries()) {
          const usage = await sql<{ n: string; cost: string | null }>`
            SELECT count(*) AS n, sum(cost) AS cost FROM usage_records WHERE line_id = ${s.lineId}`.execute(
            t.db,
          );
          const sent = [...records.values()].filter((r) => r.msisdn === s.msisdn).length;
          expect(Number(usage.rows[0]?.n)).toBe(sent);
          const fees = await sql<{ rows: string; charged: string; transfers: string; amount: string | null }>`
            SELECT (SELECT count(*) FROM periodic_charges WHERE line_id = ${s.lineId}) AS rows,
              (SELECT count(*) FROM periodic_charges WHERE line_id = ${s.lineId} AND outcome = 'charged') AS charged,
              (SELECT count(*) FROM ledger_transfers WHERE line_id = ${s.lineId} AND kind = 'periodic_fee') AS transfers,
              (SELECT sum(amount) FROM ledger_transfers WHERE line_id = ${s.lineId} AND kind = 'periodic_fee') AS amount`.execute(
            t.db,
          );
          const f = fees.rows[0];
          expect(f?.transfers).toBe(f?.charged);
          // One period per midnight up to the last pass: none missed, none twice.
          const lastPass = passes.at(-1);
          const midnights = lastPass ? Math.floor((lastPass.getTime() - T0.getTime()) / (24 * HOUR)) + 1 : 0;
          const periods = await t.db
            .selectFrom('periodic_charges')
            .select(['period_start', 'period_end', 'outcome'])
            .where('line_id', '=', s.lineId)
            .orderBy('period_start')
            .execute();
          // Moscow midnights are 21:00 UTC: one period starts at each (a restart after an unblock starts in between).
          expect(
            periods.filter(
              (p) => p.period_start.getUTCHours() === 21 && p.period_start.getUTCMinutes() === 0,
            ),
          ).toHaveLength(midnights);
          expect(Number(f?.rows)).toBeGreaterThanOrEqual(midnights);
          // Charged periods never overlap: no moment of service is paid twice.
          const charged = periods.filter((p) => p.outcome === 'charged');
          for (let k = 1; k < charged.length; k += 1) {
            expect(charged[k]?.period_start.getTime()).toBeGreaterThanOrEqual(
              charged[k - 1]?.period_end.getTime() ?? 0,
            );
          }
          const credited = [...topUps.values()]
            .filter((u) => u.line === i)
            .reduce((sum, u) => sum + u.amount, 0n);
          const initial = i === 0 ? 100_00n : 0n;
          const expected = initial + credited - BigInt(usage.rows[0]?.cost ?? 0) - BigInt(f?.amount ?? 0);
          expect(await balanceOf(t.db, s.lineId)).toBe(expected);
          const line = await t.db
            .selectFrom('lines')
            .select('block_reason')
            .where('id', '=', s.lineId)
            .executeTakeFirstOrThrow();
          if (expected >= 0n) expect(line.block_reason).not.toBe('debt');
        }
      }),
      { numRuns: 12, endOnFailure: true },
    );
  }, 240_000);
});
