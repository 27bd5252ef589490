import { randomUUID } from 'node:crypto';
import { OPERATOR_ACCOUNT_IDS, postTransfer, verifyLedger } from '@kabinet/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { loginWithCode } from '../test/http-client.ts';
import { promisedSubscriber } from './promised-fixtures.ts';
import { runPromisedPaymentJobs } from './promised-job.ts';

const HOUR = 3_600_000;
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const runJob = () =>
  runPromisedPaymentJobs({ db: t.db, acquirer: t.ctx.acquirer, now: t.clock.now, timeZone: t.ctx.timeZone });

async function take(balance: bigint, amount: number) {
  const sub = await promisedSubscriber(t.db, { now: t.clock.now, balance });
  const client = await loginWithCode(t, sub.msisdn);
  const res = await client.post(
    `/api/v1/lines/${sub.lineId}/promised-payment`,
    { amount },
    { 'idempotency-key': randomUUID() },
  );
  expect(res.statusCode).toBe(201);
  return { sub, id: res.json().promisedPayment.id as string, client };
}

async function state(id: string, lineId: string, ledgerAccountId: string) {
  const [row, account, notices, journal] = await Promise.all([
    t.db.selectFrom('promised_payments').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    t.db
      .selectFrom('ledger_accounts')
      .select('balance')
      .where('id', '=', ledgerAccountId)
      .executeTakeFirstOrThrow(),
    t.db
      .selectFrom('notifications')
      .select(['event', 'params'])
      .where('line_id', '=', lineId)
      .orderBy('created_at')
      .execute(),
    t.db
      .selectFrom('journal')
      .select('action')
      .where('line_id', '=', lineId)
      .where('action', 'like', 'promised_payment.%')
      .orderBy('at')
      .execute(),
  ]);
  return { row, balance: account.balance, notices, journal: journal.map((j) => j.action) };
}

describe('promised payment job', () => {
  it('PAY-05 reminds once a day before due, then debits the promised payment after 3 days, exactly once', async () => {
    const start = t.clock.now;
    try {
      const { sub, id } = await take(40_00n, 100_00);
      const dueNotices = async () =>
        (await state(id, sub.lineId, sub.ledgerAccountId)).notices.filter(
          (n) => n.event === 'promised_payment_due',
        ).length;
      expect(await dueNotices()).toBe(1); // the notice when it was taken

      t.clock.advance(47 * HOUR); // 25 h before due: too early to remind
      await runJob();
      expect(await dueNotices()).toBe(1);

      t.clock.advance(2 * HOUR); // 23 h before due
      await runJob();
      await runJob();
      expect(await dueNotices()).toBe(2);
      let s = await state(id, sub.lineId, sub.ledgerAccountId);
      expect(s.row).toMatchObject({ status: 'active', reminded_at: t.clock.now });
      expect(s.balance).toBe(140_00n);
      expect(s.journal).toEqual(['promised_payment.taken', 'promised_payment.reminded']);

      t.clock.advance(23 * HOUR); // exactly 3 days after taking
      await runJob();
      await runJob();
      s = await state(id, sub.lineId, sub.ledgerAccountId);
      expect(s.row).toMatchObject({ status: 'repaid', repaid_at: t.clock.now });
      expect(s.balance).toBe(40_00n);
      expect(s.journal).toEqual([
        'promised_payment.taken',
        'promised_payment.reminded',
        'promised_payment.repaid',
      ]);
      expect(s.notices.at(-1)).toEqual({
        event: 'charges',
        params: expect.objectContaining({ amount: 100_00 }),
      });
      const repayments = await t.db
        .selectFrom('ledger_transfers')
        .select(['amount', 'idempotency_key'])
        .where('line_id', '=', sub.lineId)
        .where('kind', '=', 'promised_repayment')
        .execute();
      expect(repayments).toEqual([{ amount: 100_00n, idempotency_key: `promised:${id}:repay` }]);
      const requests = await t.db
        .selectFrom('requests')
        .select(['kind', 'status'])
        .where('line_id', '=', sub.lineId)
        .orderBy('created_at')
        .execute();
      expect(requests).toEqual([
        { kind: 'promised_payment', status: 'done' },
        { kind: 'promised_repayment', status: 'done' },
      ]);
      expect((await verifyLedger(t.db)).mismatches).toEqual([]);
    } finally {
      t.clock.now = start;
    }
  });

  it('PAY-05 debits even into a negative balance, then the balance rules apply and a new one may be taken', async () => {
    const start = t.clock.now;
    try {
      const { sub, id } = await take(0n, 100_00);
      // Spent meanwhile: 80 ₽ of the promised 100 ₽.
      await t.db.transaction().execute(async (trx) => {
        const ops = OPERATOR_ACCOUNT_IDS;
        await postTransfer(trx, {
          debitAccountId: sub.ledgerAccountId,
          creditAccountId: ops.revenueUsage,
          amount: 80_00n,
          kind: 'usage',
          lineId: sub.lineId,
        });
      });
      t.clock.advance(72 * HOUR + 60_000);
      await runJob();
      const s = await state(id, sub.lineId, sub.ledgerAccountId);
      expect(s.row.status).toBe('repaid');
      expect(s.balance).toBe(-80_00n);
      const funds = await t.db
        .selectFrom('account_funds_state')
        .select(['out_of_funds_since'])
        .where('account_id', '=', sub.accountId)
        .executeTakeFirst();
      expect(funds?.out_of_funds_since).toEqual(t.clock.now);
      const client = await loginWithCode(t, sub.msisdn); // the first session has expired meanwhile
      const dashboard = (await client.get(`/api/v1/lines/${sub.lineId}/dashboard`)).json();
      expect(dashboard).toMatchObject({ balance: { amount: -80_00 } });
      expect(dashboard).not.toHaveProperty('promisedPayment');
      expect((await client.get(`/api/v1/lines/${sub.lineId}/promised-payment`)).json()).toMatchObject({
        eligible: true,
        active: null,
      });
    } finally {
      t.clock.now = start;
    }
  });
});
