import { type Kopecks, newId, quoteTransfer, TRANSFER_RULES } from '@kabinet/core';
import { type Db, OPERATOR_ACCOUNT_IDS, postTransfer, verifyLedger } from '@kabinet/db';
import { createTestDatabase } from '@kabinet/db/vitest';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../http/problem.ts';
import { buildSubscriber } from '../test/factories.ts';
import { moveTransferMoney } from '../transfers/move-transfer-money.ts';
import { creditPayment } from './credit-payment.ts';
import { settleWebhook } from './settle-card-payment.ts';

/**
 * PAY-01/PAY-06 property: whatever runs at the same time — top-ups credited by webhooks (`settleWebhook`: new
 * events, redeliveries, the same news as another event) or by `creditPayment` under the lock, charges posted to revenue (and their replays), mobile transfers (and theirs) — every
 * balance equals its ledger sum, every payment and transfer moves money once, and no transfer takes its sender
 * below the floor.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(async () => {
  await database.drop();
});

/**
 * How a top-up's word arrives: a webhook event (`settleWebhook`: the unlocked two-statement path; `event` picks one
 * of three event ids, so some are redeliveries and some the same news as a new event) or the locked path that
 * reconciliation and vouchers take (`creditPayment` in a transaction).
 */
type TopUpVia = { via: 'webhook'; event: number } | { via: 'locked' };

type Op =
  | ({ kind: 'topUp'; acc: number; key: number; rubles: number } & TopUpVia)
  | { kind: 'charge'; acc: number; key: number; rubles: number }
  | { kind: 'transfer'; from: number; to: number; key: number; rubles: number };

const ACCOUNTS = 3;
const acc = fc.integer({ min: 0, max: ACCOUNTS - 1 });
const key = fc.integer({ min: 0, max: 2 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc
    .tuple(
      fc.record({ kind: fc.constant('topUp' as const), acc, key, rubles: fc.integer({ min: 1, max: 300 }) }),
      fc.oneof(
        fc.record({ via: fc.constant('webhook' as const), event: fc.integer({ min: 0, max: 2 }) }),
        fc.record({ via: fc.constant('locked' as const) }),
      ),
    )
    .map(([topUp, via]) => ({ ...topUp, ...via })),
  fc.record({ kind: fc.constant('charge' as const), acc, key, rubles: fc.integer({ min: 1, max: 150 }) }),
  fc
    .record({
      kind: fc.constant('transfer' as const),
      from: acc,
      shift: fc.integer({ min: 1, max: ACCOUNTS - 1 }),
      key,
      rubles: fc.integer({ min: 10, max: 250 }),
    })
    .map(({ shift, ...o }) => ({ ...o, to: (o.from + shift) % ACCOUNTS })),
);

let run = 0;
const NOW = new Date('2026-03-10T09:00:00Z');

describe('money under concurrency', () => {
  it('PAY-06 PAY-01 concurrent top-ups, charges, transfers and replays keep balances equal to the ledger and transfers above the floor', async () => {
    const operator = OPERATOR_ACCOUNT_IDS;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 2, maxLength: 16 }), async (ops) => {
        run += 1;
        const initial = [300_00n, 150_00n, 20_00n];
        const subs: Array<Awaited<ReturnType<typeof buildSubscriber>>> = [];
        for (const balance of initial)
          subs.push(await buildSubscriber(db, { balance, withLogin: true, now: NOW }));

        // First occurrence of a key fixes what it is; later ones are replays of it.
        const payments = new Map<string, { acc: number; amount: bigint; id: string }>();
        const charges = new Map<string, { acc: number; amount: bigint }>();
        const transfers = new Map<
          string,
          { from: number; to: number; amount: bigint; fee: bigint; id: string }
        >();
        for (const o of ops) {
          const amount = BigInt(o.rubles) * 100n;
          if (o.kind === 'topUp') {
            const k = `${o.acc}-${o.key}`;
            if (!payments.has(k)) payments.set(k, { acc: o.acc, amount, id: newId('payment') });
          } else if (o.kind === 'charge') {
            const k = `${o.acc}-${o.key}`;
            if (!charges.has(k)) charges.set(k, { acc: o.acc, amount });
          } else {
            const k = `${o.from}-${o.key}`;
            if (!transfers.has(k)) {
              const quote = quoteTransfer(amount as Kopecks);
              transfers.set(k, {
                from: o.from,
                to: o.to,
                amount,
                fee: quote.fee,
                id: newId('mobileTransfer'),
              });
            }
          }
        }
        for (const p of payments.values()) {
          const sub = subs[p.acc];
          if (!sub) continue;
          await db
            .insertInto('payments')
            .values({
              id: p.id,
              account_id: sub.accountId,
              line_id: sub.lineId,
              source: 'card',
              acquirer: 'sandbox',
              amount: p.amount,
              status: 'pending',
            })
            .execute();
        }
        for (const tr of transfers.values()) {
          const from = subs[tr.from];
          const to = subs[tr.to];
          if (!from || !to) continue;
          await db
            .insertInto('mobile_transfers')
            .values({
              id: tr.id,
              login_id: from.loginId ?? '',
              from_line_id: from.lineId,
              from_account_id: from.accountId,
              to_line_id: to.lineId,
              to_account_id: to.accountId,
              to_msisdn: to.msisdn,
              amount: tr.amount,
              fee: tr.fee,
              code_hmac: Buffer.alloc(32),
              code_expires_at: new Date(NOW.getTime() + 300_000),
              created_at: NOW,
            })
            .execute();
        }

        const floorsSeen: bigint[] = [];
        const apply = async (o: Op) => {
          if (o.kind === 'topUp') {
            const p = payments.get(`${o.acc}-${o.key}`);
            if (!p) return;
            if (o.via === 'locked') {
              await db.transaction().execute((trx) => creditPayment(trx, { paymentId: p.id, at: NOW }));
              return;
            }
            const settled = await settleWebhook(db, {
              paymentId: p.id,
              acquirer: 'sandbox',
              state: { externalId: `sbx_${p.id}`, status: 'succeeded', amount: p.amount },
              at: NOW,
              event: { eventId: `whe_${run}_${o.acc}_${o.key}_${o.event}`, type: 'payment.succeeded' },
            });
            expect(settled?.outcome).toMatch(/^(credited|unchanged|duplicate)$/);
          } else if (o.kind === 'charge') {
            const c = charges.get(`${o.acc}-${o.key}`);
            const sub = subs[o.acc];
            if (!c || !sub) return;
            await db.transaction().execute((trx) =>
              postTransfer(trx, {
                debitAccountId: sub.ledgerAccountId,
                creditAccountId: operator.revenueUsage,
                amount: c.amount,
                kind: 'usage',
                idempotencyKey: `prop-charge:${run}:${o.acc}-${o.key}`,
                lineId: sub.lineId,
              }),
            );
          } else {
            const tr = transfers.get(`${o.from}-${o.key}`);
            if (!tr) return;
            try {
              const moved = await db
                .transaction()
                .execute((trx) =>
                  moveTransferMoney(trx, { transferId: tr.id, now: NOW, timeZone: 'Europe/Moscow' }),
                );
              if (moved.moved) floorsSeen.push(moved.senderBalance);
            } catch (error) {
              // Refused for want of money (or a limit): nothing may have moved; checked below.
              if (!(error instanceof AppError)) throw error;
            }
          }
        };
        await Promise.all(ops.map(apply));

        const ledger = await verifyLedger(db);
        expect(ledger.mismatches).toEqual([]);
        expect(ledger.total).toBe(0n);
        for (const balance of floorsSeen)
          expect(balance).toBeGreaterThanOrEqual(TRANSFER_RULES.minBalanceLeft);

        const completed = await db
          .selectFrom('mobile_transfers')
          .select(['id', 'status', 'amount', 'fee'])
          .where('id', 'in', [...transfers.values()].map((tr) => tr.id).concat(['none']))
          .execute();
        const done = new Set(completed.filter((c) => c.status === 'completed').map((c) => c.id));
        expect(floorsSeen).toHaveLength(done.size);
        for (const [i, sub] of subs.entries()) {
          const credited = [...payments.values()]
            .filter((p) => p.acc === i)
            .reduce((s, p) => s + p.amount, 0n);
          const charged = [...charges.values()].filter((c) => c.acc === i).reduce((s, c) => s + c.amount, 0n);
          let moved = 0n;
          for (const tr of transfers.values()) {
            if (!done.has(tr.id)) continue;
            if (tr.from === i) moved -= tr.amount + tr.fee;
            if (tr.to === i) moved += tr.amount;
          }
          const row = await db
            .selectFrom('ledger_accounts')
            .select('balance')
            .where('id', '=', sub.ledgerAccountId)
            .executeTakeFirstOrThrow();
          expect(row.balance).toBe((initial[i] ?? 0n) + credited - charged + moved);
          // Without charges nothing but transfers takes money, and they keep the floor.
          if (charges.size === 0) expect(row.balance).toBeGreaterThanOrEqual(TRANSFER_RULES.minBalanceLeft);
        }
        const perPayment = await db
          .selectFrom('ledger_transfers')
          .select(['idempotency_key'])
          .where(
            'idempotency_key',
            'in',
            [...payments.values()].map((p) => `payment:${p.id}`).concat(['none']),
          )
          .execute();
        expect(perPayment).toHaveLength(payments.size);
      }),
      { numRuns: 20, endOnFailure: true },
    );
  }, 120_000);
});
