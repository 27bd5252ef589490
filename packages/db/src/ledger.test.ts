import { newId } from '@kabinet/core';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './connect.ts';
import { moveHotBalance, OPERATOR_ACCOUNT_IDS, postTransfer, verifyLedger } from './ledger.ts';
import { createTestDatabase } from './vitest.ts';

let db: Db;
let drop: () => Promise<void>;
let operator: typeof OPERATOR_ACCOUNT_IDS;

beforeAll(async () => {
  const database = await createTestDatabase();
  db = database.db;
  drop = database.drop;
  operator = OPERATOR_ACCOUNT_IDS;
});
afterAll(async () => {
  await drop();
});

async function subscriberAccount(): Promise<string> {
  const id = newId('ledgerAccount');
  await db
    .insertInto('ledger_accounts')
    .values({ id, code: `subscriber:${id}`, kind: 'subscriber', name: 't' })
    .execute();
  return id;
}

const operation = fc.record({
  kind: fc.constantFrom('topup', 'charge'),
  amount: fc.bigInt({ min: 1n, max: 10_000_00n }),
  /** Operations sharing a key are replays of one request: only the first may move money. */
  key: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
});

describe('double-entry ledger', () => {
  it('PAY-01 a deferred side moves only when the caller moves it last, and concurrent top-ups still balance', async () => {
    const accounts = await Promise.all([1, 2, 3, 4, 5].map(() => subscriberAccount()));
    const mismatched = await db.transaction().execute(async (trx) => {
      await postTransfer(trx, {
        debitAccountId: operator.acquirer,
        creditAccountId: accounts[0] as string,
        amount: 100_00n,
        kind: 'topup',
        deferred: 'debit',
      });
      // Before the caller's last statement the shared account has not moved: the books do not verify yet.
      const before = (await verifyLedger(trx)).mismatches.map((m) => m.accountId);
      await moveHotBalance(trx, operator.acquirer, -100_00n);
      return before;
    });
    expect(mismatched).toEqual([operator.acquirer]);
    await Promise.all(
      accounts.flatMap((account) =>
        [1n, 2n, 3n].map((n) =>
          db.transaction().execute(async (trx) => {
            await postTransfer(trx, {
              debitAccountId: operator.acquirer,
              creditAccountId: account,
              amount: n * 10_00n,
              kind: 'topup',
              deferred: 'debit',
            });
            await moveHotBalance(trx, operator.acquirer, -n * 10_00n);
          }),
        ),
      ),
    );
    const books = await verifyLedger(db);
    expect(books.mismatches).toEqual([]);
    expect(books.total).toBe(0n);
  });

  it('RATE-05 whatever the interleaving of top-ups, charges and replays, every balance equals its transfers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 25 }), async (ops) => {
        const account = await subscriberAccount();
        const run = newId('request');
        const firstByKey = new Map<number, bigint>();
        // Concurrently, as parallel requests would: the locks must serialise them correctly.
        await Promise.all(
          ops.map((op) =>
            db.transaction().execute((trx) =>
              postTransfer(trx, {
                debitAccountId: op.kind === 'topup' ? operator.acquirer : account,
                creditAccountId: op.kind === 'topup' ? account : operator.revenueUsage,
                amount: op.amount,
                kind: op.kind,
                ...(op.key === undefined ? {} : { idempotencyKey: `${run}:${op.key}` }),
              }),
            ),
          ),
        );
        const { rows } = await sql<{ n: bigint; balance: bigint }>`
          SELECT count(*) AS n, (SELECT balance FROM ledger_accounts WHERE id = ${account}) AS balance
          FROM ledger_transfers WHERE debit_account_id = ${account} OR credit_account_id = ${account}`.execute(
          db,
        );
        const keyed = ops.filter((o) => o.key !== undefined);
        for (const o of keyed)
          if (o.key !== undefined && !firstByKey.has(o.key)) firstByKey.set(o.key, o.amount);
        const expectedCount = ops.length - keyed.length + new Set(keyed.map((o) => o.key)).size;
        expect(rows[0]?.n).toBe(BigInt(expectedCount));
        const result = await verifyLedger(db);
        expect(result.mismatches).toEqual([]);
        expect(result.total).toBe(0n);
      }),
      { numRuns: 25 },
    );
  });

  it('RATE-05 refuses a float, zero or negative amount before anything is written', async () => {
    const account = await subscriberAccount();
    for (const amount of [10.5 as unknown as bigint, 0n, -5n]) {
      await expect(
        db.transaction().execute((trx) =>
          postTransfer(trx, {
            debitAccountId: operator.cash,
            creditAccountId: account,
            amount,
            kind: 'topup',
          }),
        ),
      ).rejects.toThrow(RangeError);
    }
    expect((await verifyLedger(db)).mismatches).toEqual([]);
  });

  it('RATE-05 ACCESS-12 transfers and the journal are append-only: updates and deletes are refused', async () => {
    const account = await subscriberAccount();
    const { id } = await db.transaction().execute((trx) =>
      postTransfer(trx, {
        debitAccountId: operator.cash,
        creditAccountId: account,
        amount: 100n,
        kind: 'topup',
      }),
    );
    await expect(
      db.updateTable('ledger_transfers').set({ amount: 1n }).where('id', '=', id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('ledger_transfers').where('id', '=', id).execute()).rejects.toThrow(
      /append-only/,
    );
    await db
      .insertInto('journal')
      .values({ actor_kind: 'system', channel: 'system', action: 'test.entry', details: '{}' })
      .execute();
    await expect(db.updateTable('journal').set({ action: 'forged' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.deleteFrom('journal').execute()).rejects.toThrow(/append-only/);
  });
});
