import { OPERATOR_ACCOUNT_IDS, postTransfer } from '@kabinet/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyBalanceRules } from '../charging/balance-rules.ts';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { runAutopayJobs } from './autopay-job.ts';
import { saveCardToken } from './saved-cards.ts';
import { ScriptedAcquirer } from './scripted-acquirer.ts';

// The card acquirer is an external system: these tests script its answers (ScriptedAcquirer); one test at the
// end of autopay-api.test.ts goes through slice A's sandbox acquirer.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-12-04T09:00:00Z') });
});
afterAll(async () => {
  await t.close();
});

const TZ = 'Europe/Moscow';
const job = (acquirer: ScriptedAcquirer, now = t.clock.now) =>
  runAutopayJobs({ db: t.db, acquirer, now, timeZone: TZ });

/** A subscriber with a saved card and one autopay rule written straight to the tables (the API is tested apart). */
async function withAutopay(
  rule: {
    kind: 'threshold' | 'monthly';
    threshold?: bigint;
    dayOfMonth?: number;
    amount?: bigint;
    dailyLimit?: bigint;
    monthlyLimit?: bigint;
  },
  balance = 50_00n,
) {
  const sub = await buildSubscriber(t.db, { balance, withLogin: true });
  const cardId = await t.db.transaction().execute((trx) =>
    saveCardToken(trx, {
      accountId: sub.accountId,
      loginId: sub.loginId,
      acquirer: 'scripted',
      card: { token: `tok_${sub.lineId}`, last4: '4242', brand: 'Visa', expires: '12/30' },
    }),
  );
  const id = `ap_${sub.lineId.slice(5)}`;
  await t.db
    .insertInto('autopays')
    .values({
      id,
      line_id: sub.lineId,
      account_id: sub.accountId,
      kind: rule.kind,
      threshold: rule.kind === 'threshold' ? (rule.threshold ?? 100_00n) : null,
      day_of_month: rule.kind === 'monthly' ? (rule.dayOfMonth ?? 15) : null,
      amount: rule.amount ?? 500_00n,
      card_id: cardId,
      daily_limit: rule.dailyLimit ?? null,
      monthly_limit: rule.monthlyLimit ?? null,
      paused_reason: null,
      retry_at: null,
      last_period: null,
      last_run_at: null,
      last_result: null,
      last_failure_reason: null,
      created_by: sub.loginId,
      created_at: new Date('2026-11-01T00:00:00Z'),
      deleted_at: null,
    })
    .execute();
  return { ...sub, cardId, autopayId: id };
}

async function balanceOf(ledgerAccountId: string) {
  const row = await t.db
    .selectFrom('ledger_accounts')
    .select('balance')
    .where('id', '=', ledgerAccountId)
    .executeTakeFirstOrThrow();
  return row.balance;
}

/** Spends money from the account (as a charge would), then runs the balance rules like every charge does. */
async function spend(sub: { accountId: string; ledgerAccountId: string }, amount: bigint) {
  const accounts = OPERATOR_ACCOUNT_IDS;
  await t.db.transaction().execute((trx) =>
    postTransfer(trx, {
      debitAccountId: sub.ledgerAccountId,
      creditAccountId: accounts.revenueUsage,
      amount,
      kind: 'usage',
    }),
  );
  await applyBalanceRules(t.db, [sub.accountId], t.clock.now, { timeZone: TZ });
}

async function autopayPayments(accountId: string) {
  return t.db
    .selectFrom('payments')
    .select(['id', 'status', 'amount', 'source', 'failure_reason'])
    .where('account_id', '=', accountId)
    .where('source', '=', 'autopay')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

async function notices(lineId: string) {
  const rows = await t.db
    .selectFrom('notifications')
    .select(['event', 'params'])
    .where('line_id', '=', lineId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => `${r.event}:${(r.params as { notice?: string }).notice ?? '-'}`);
}

async function rule(id: string) {
  return t.db.selectFrom('autopays').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

describe('autopay job', () => {
  it('PAY-04 a rule whose card was saved with a previous acquirer is paused once, journaled and told', async () => {
    const sub = await withAutopay({ kind: 'threshold', threshold: 100_00n });
    await t.db
      .updateTable('saved_cards')
      .set({ acquirer: 'previous-acquirer' })
      .where('id', '=', sub.cardId)
      .execute();
    const acquirer = new ScriptedAcquirer();
    await job(acquirer);
    await job(acquirer);
    expect(acquirer.calls).toHaveLength(0);
    expect(await rule(sub.autopayId)).toMatchObject({ status: 'paused', paused_reason: 'card_unusable' });
    expect(await notices(sub.lineId)).toEqual(['top_ups:autopay_card_unusable']);
    const journal = await t.db
      .selectFrom('journal')
      .select('details')
      .where('line_id', '=', sub.lineId)
      .where('action', '=', 'autopay.paused')
      .execute();
    expect(journal.map((j) => j.details)).toEqual([{ autopayId: sub.autopayId, reason: 'card_unusable' }]);
    expect(await autopayPayments(sub.accountId)).toEqual([]);
  });

  it('PAY-04 a threshold autopay tops up once when the balance is below the threshold, and notifies', async () => {
    const acquirer = new ScriptedAcquirer();
    const sub = await withAutopay({ kind: 'threshold', threshold: 100_00n, amount: 500_00n }, 50_00n);
    await job(acquirer);
    expect(await balanceOf(sub.ledgerAccountId)).toBe(550_00n);
    const payments = await autopayPayments(sub.accountId);
    expect(payments).toMatchObject([{ status: 'succeeded', amount: 500_00n }]);
    expect(acquirer.calls).toMatchObject([
      { paymentId: payments[0]?.id, amount: 500_00n, token: `tok_${sub.lineId}` },
    ]);
    // Above the threshold now: later passes do nothing.
    await job(acquirer);
    await job(acquirer);
    expect(acquirer.calls).toHaveLength(1);
    expect(await notices(sub.lineId)).toEqual(['top_ups:autopay_paid']);
    expect(await rule(sub.autopayId)).toMatchObject({ last_result: 'succeeded', failures: 0, cycle: 1 });
    // Falling below again is a new crossing: one more autopayment.
    await spend(sub, 460_00n);
    await job(acquirer);
    expect(await balanceOf(sub.ledgerAccountId)).toBe(590_00n);
    expect(acquirer.calls).toHaveLength(2);
  });

  it('PAY-04 a monthly autopay pays on its day (operator time zone), once a month', async () => {
    const acquirer = new ScriptedAcquirer();
    const sub = await withAutopay({ kind: 'monthly', dayOfMonth: 15, amount: 300_00n }, 1000_00n);
    // 20:59 UTC on the 14th is 23:59 in Moscow: not yet.
    await job(acquirer, new Date('2026-12-14T20:59:00Z'));
    expect(acquirer.calls).toHaveLength(0);
    // 21:00 UTC on the 14th is midnight of the 15th in Moscow.
    await job(acquirer, new Date('2026-12-14T21:00:00Z'));
    await job(acquirer, new Date('2026-12-15T12:00:00Z'));
    await job(acquirer, new Date('2026-12-28T12:00:00Z'));
    expect(acquirer.calls).toHaveLength(1);
    expect(await balanceOf(sub.ledgerAccountId)).toBe(1300_00n);
    expect(await rule(sub.autopayId)).toMatchObject({ last_period: '2026-12' });
    await job(acquirer, new Date('2027-01-15T06:00:00Z'));
    expect(acquirer.calls).toHaveLength(2);
  });

  it('PAY-04 limits stop autopay: the daily sum is not exceeded, the next day it runs again', async () => {
    const acquirer = new ScriptedAcquirer();
    const sub = await withAutopay(
      { kind: 'threshold', threshold: 100_00n, amount: 500_00n, dailyLimit: 700_00n, monthlyLimit: 1000_00n },
      50_00n,
    );
    await job(acquirer);
    await spend(sub, 500_00n);
    await job(acquirer);
    expect(acquirer.calls).toHaveLength(1);
    expect(await balanceOf(sub.ledgerAccountId)).toBe(50_00n);
    // The next day the daily limit allows one more; then the monthly limit (1,000 ₽) is reached.
    const nextDay = new Date(t.clock.now.getTime() + 86_400_000);
    await job(acquirer, nextDay);
    expect(acquirer.calls).toHaveLength(2);
    await spend(sub, 500_00n);
    await job(acquirer, new Date(nextDay.getTime() + 86_400_000));
    expect(acquirer.calls).toHaveLength(2);
    expect((await autopayPayments(sub.accountId)).map((p) => p.status)).toEqual(['succeeded', 'succeeded']);
  });

  it('PAY-04 a failing card is retried after 1 h, 6 h and 24 h, then the rule pauses and the subscriber is told', async () => {
    const acquirer = new ScriptedAcquirer();
    acquirer.fallback = 'failed';
    const sub = await withAutopay({ kind: 'threshold', threshold: 100_00n }, 50_00n);
    const t0 = t.clock.now.getTime();
    const at = (ms: number) => new Date(t0 + ms);
    const h = 3_600_000;
    await job(acquirer, at(0));
    expect(await rule(sub.autopayId)).toMatchObject({ failures: 1, retry_at: at(h), status: 'active' });
    await job(acquirer, at(59 * 60_000));
    expect(acquirer.calls).toHaveLength(1);
    await job(acquirer, at(h));
    expect(await rule(sub.autopayId)).toMatchObject({ failures: 2, retry_at: at(7 * h) });
    await job(acquirer, at(7 * h));
    await job(acquirer, at(31 * h));
    expect(acquirer.calls).toHaveLength(4);
    expect(await rule(sub.autopayId)).toMatchObject({
      status: 'paused',
      paused_reason: 'failures',
      last_result: 'failed',
      last_failure_reason: 'insufficient_funds',
    });
    await job(acquirer, at(100 * h));
    expect(acquirer.calls).toHaveLength(4);
    expect(await balanceOf(sub.ledgerAccountId)).toBe(50_00n);
    const payments = await autopayPayments(sub.accountId);
    expect(payments.map((p) => [p.status, p.failure_reason])).toEqual(
      Array(4).fill(['failed', 'insufficient_funds']),
    );
    expect(await notices(sub.lineId)).toEqual([
      'top_ups:autopay_failed',
      'top_ups:autopay_failed',
      'top_ups:autopay_failed',
      'top_ups:autopay_paused',
    ]);
  });

  it('PAY-04 two job runs at once make one payment and one charge', async () => {
    const acquirer = new ScriptedAcquirer();
    const sub = await withAutopay({ kind: 'threshold', threshold: 100_00n }, 50_00n);
    await Promise.all([job(acquirer), job(acquirer), job(acquirer)]);
    expect(acquirer.calls).toHaveLength(1);
    expect(await autopayPayments(sub.accountId)).toHaveLength(1);
    expect(await balanceOf(sub.ledgerAccountId)).toBe(550_00n);
  });

  it('PAY-04 an acquirer timeout leaves the payment pending and is settled later without a second charge', async () => {
    const acquirer = new ScriptedAcquirer();
    acquirer.script = ['timeout'];
    const sub = await withAutopay({ kind: 'threshold', threshold: 100_00n }, 50_00n);
    const t0 = t.clock.now.getTime();
    await job(acquirer, new Date(t0));
    expect(await autopayPayments(sub.accountId)).toMatchObject([{ status: 'pending' }]);
    // Still below the threshold, but an attempt is in flight: no new payment.
    await job(acquirer, new Date(t0 + 60_000));
    expect(await autopayPayments(sub.accountId)).toHaveLength(1);
    expect(acquirer.calls).toHaveLength(1);
    // Later the acquirer is asked under the same payment id: the one charge it made is credited once.
    await job(acquirer, new Date(t0 + 6 * 60_000));
    await job(acquirer, new Date(t0 + 7 * 60_000));
    expect(acquirer.calls.map((c) => c.paymentId)).toEqual([
      (await autopayPayments(sub.accountId))[0]?.id,
      (await autopayPayments(sub.accountId))[0]?.id,
    ]);
    expect(acquirer.chargedCount()).toBe(1);
    expect(await autopayPayments(sub.accountId)).toMatchObject([{ status: 'succeeded' }]);
    expect(await balanceOf(sub.ledgerAccountId)).toBe(550_00n);
  });

  it('PAY-04 a charge lost on the way does not stop other rules and is made once later under the same payment id', async () => {
    const acquirer = new ScriptedAcquirer();
    const first = await withAutopay({ kind: 'threshold', threshold: 100_00n }, 50_00n);
    const second = await withAutopay({ kind: 'threshold', threshold: 100_00n }, 50_00n);
    acquirer.byToken.set(`tok_${first.lineId}`, ['lost']);
    const t0 = t.clock.now.getTime();
    // The first rule's call is lost; the second is charged anyway; the error is reported after the pass.
    await expect(job(acquirer, new Date(t0))).rejects.toThrow('ECONNRESET');
    expect(await balanceOf(second.ledgerAccountId)).toBe(550_00n);
    expect(await autopayPayments(first.accountId)).toMatchObject([{ status: 'pending' }]);
    await job(acquirer, new Date(t0 + 60_000));
    expect(await autopayPayments(first.accountId)).toHaveLength(1);
    await job(acquirer, new Date(t0 + 6 * 60_000));
    expect(await autopayPayments(first.accountId)).toMatchObject([{ status: 'succeeded' }]);
    expect(await balanceOf(first.ledgerAccountId)).toBe(550_00n);
    expect(acquirer.chargedCount()).toBe(2);
  });

  it('PAY-09 the low-balance notice comes once per crossing below the threshold', async () => {
    const sub = await buildSubscriber(t.db, { balance: 500_00n, withLogin: true });
    await t.db
      .updateTable('billing_accounts')
      .set({ low_balance_threshold: 100_00n })
      .where('id', '=', sub.accountId)
      .execute();
    const lowNotices = async () =>
      (await notices(sub.lineId)).filter((n) => n === 'low_balance:low_balance_threshold').length;
    await spend(sub, 300_00n); // 200 ₽: above
    expect(await lowNotices()).toBe(0);
    await spend(sub, 150_00n); // 50 ₽: crossed below
    await spend(sub, 10_00n); // 40 ₽: still below
    await applyBalanceRules(t.db, [sub.accountId], t.clock.now, { timeZone: TZ });
    expect(await lowNotices()).toBe(1);
    const accounts = OPERATOR_ACCOUNT_IDS;
    await t.db.transaction().execute((trx) =>
      postTransfer(trx, {
        debitAccountId: accounts.cash,
        creditAccountId: sub.ledgerAccountId,
        amount: 200_00n,
        kind: 'topup',
      }),
    );
    await applyBalanceRules(t.db, [sub.accountId], t.clock.now, { timeZone: TZ }); // 240 ₽: back above
    expect(await lowNotices()).toBe(1);
    await spend(sub, 200_00n); // 40 ₽: crossed again
    expect(await lowNotices()).toBe(2);
    const [latest] = await t.db
      .selectFrom('notifications')
      .select('params')
      .where('line_id', '=', sub.lineId)
      .where('event', '=', 'low_balance')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    expect(latest?.params).toMatchObject({ balance: 40_00, threshold: 100_00 });
  });
});

describe('autopay through the sandbox acquirer', () => {
  /** A card the sandbox saved earlier (its own table: the token it issued remembers how its test card behaves). */
  async function sandboxCard(kind: 'success' | 'decline', last4: string) {
    const token = `tok_sbx_b_${kind}_${Math.random().toString(36).slice(2, 12)}`;
    await t.db
      .insertInto('sandbox_acquirer_tokens')
      .values({ token, card_kind: kind, last4, brand: 'Visa', expires: '12/30' })
      .execute();
    return token;
  }

  it('PAY-04 charges a saved sandbox card: a good token tops up, a declined one schedules a retry', async () => {
    const acquirer = t.ctx.acquirer;
    expect(acquirer.name).toBe('sandbox');
    const good = await withAutopay({ kind: 'threshold', threshold: 100_00n, amount: 300_00n }, 20_00n);
    const bad = await withAutopay({ kind: 'threshold', threshold: 100_00n, amount: 300_00n }, 20_00n);
    for (const [sub, kind, last4] of [
      [good, 'success', '4242'],
      [bad, 'decline', '0002'],
    ] as const) {
      await t.db
        .updateTable('saved_cards')
        .set({ token: await sandboxCard(kind, last4), acquirer: 'sandbox' })
        .where('id', '=', sub.cardId)
        .execute();
    }
    await runAutopayJobs({ db: t.db, acquirer, now: t.clock.now, timeZone: TZ });
    expect(await balanceOf(good.ledgerAccountId)).toBe(320_00n);
    expect(await autopayPayments(good.accountId)).toMatchObject([{ status: 'succeeded' }]);
    expect(await balanceOf(bad.ledgerAccountId)).toBe(20_00n);
    expect(await autopayPayments(bad.accountId)).toMatchObject([
      { status: 'failed', failure_reason: 'card_declined' },
    ]);
    expect(await rule(bad.autopayId)).toMatchObject({ failures: 1, last_failure_reason: 'card_declined' });
    // The sandbox recorded exactly one charge per payment.
    const charges = await t.db
      .selectFrom('sandbox_acquirer_payments')
      .select(['merchant_payment_id', 'status'])
      .where('kind', '=', 'token')
      .where('merchant_payment_id', 'in', [
        ...(await autopayPayments(good.accountId)).map((p) => p.id),
        ...(await autopayPayments(bad.accountId)).map((p) => p.id),
      ])
      .execute();
    expect(charges.map((c) => c.status).sort()).toEqual(['failed', 'succeeded']);
  });
});
