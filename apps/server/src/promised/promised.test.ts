import { randomUUID } from 'node:crypto';
import { verifyLedger } from '@kabinet/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientWithSession } from '../test/access-helpers.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { loginWithCode } from '../test/http-client.ts';
import { promisedSubscriber } from './promised-fixtures.ts';
import { savePromisedRules } from './rules-store.ts';

const DAY = 86_400_000;
const USSD_SECRET = 'ussd-gateway-secret-for-promised-tests-0123';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const url = (lineId: string) => `/api/v1/lines/${lineId}/promised-payment`;
const key = () => `promised-${randomUUID()}`;

async function balanceOf(ledgerAccountId: string) {
  const row = await t.db
    .selectFrom('ledger_accounts')
    .select('balance')
    .where('id', '=', ledgerAccountId)
    .executeTakeFirstOrThrow();
  return row.balance;
}

async function transfersOf(lineId: string) {
  return t.db
    .selectFrom('ledger_transfers as tr')
    .innerJoin('ledger_accounts as d', 'd.id', 'tr.debit_account_id')
    .innerJoin('ledger_accounts as c', 'c.id', 'tr.credit_account_id')
    .select(['tr.kind', 'tr.amount', 'd.code as debit', 'c.code as credit'])
    .where('tr.line_id', '=', lineId)
    .orderBy('tr.created_at')
    .orderBy('tr.kind')
    .execute();
}

describe('promised payment API', () => {
  it('PAY-05 shows eligibility, the amounts by average top-ups with fees, and the due date 3 days on', async () => {
    const sub = await promisedSubscriber(t.db, { now: t.clock.now, balance: 20_00n });
    const client = await loginWithCode(t, sub.msisdn);
    const res = await client.get(url(sub.lineId));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      eligible: true,
      refusals: [],
      options: [
        { amount: 50_00, fee: 0 },
        { amount: 100_00, fee: 0 },
        { amount: 200_00, fee: 10_00 },
        { amount: 300_00, fee: 10_00 },
      ],
      dueAt: new Date(t.clock.now.getTime() + 3 * DAY).toISOString(),
      termDays: 3,
      minTenureDays: 60,
      tenureDays: 200,
      averageTopUps: 600_00,
      minAverageTopUps: 100_00,
      balance: 20_00,
      active: null,
    });
  });

  it('PAY-05 refuses with reason codes — tenure, top-ups, postpaid, a block other than debt — and charges nothing', async () => {
    const young = await promisedSubscriber(t.db, { now: t.clock.now, tenureDays: 30, topUps: 0n });
    const lost = await promisedSubscriber(t.db, { now: t.clock.now, status: 'blocked', blockReason: 'lost' });
    const postpaid = await promisedSubscriber(t.db, { now: t.clock.now });
    await t.db
      .updateTable('billing_accounts')
      .set({ payment_type: 'postpaid' })
      .where('id', '=', postpaid.accountId)
      .execute();
    for (const [sub, refusals] of [
      [young, ['tenure_too_short', 'low_top_ups']],
      [lost, ['line_blocked']],
      [postpaid, ['postpaid']],
    ] as const) {
      const client = await loginWithCode(t, sub.msisdn);
      expect((await client.get(url(sub.lineId))).json()).toMatchObject({
        eligible: false,
        refusals,
        options: [],
      });
      const res = await client.post(url(sub.lineId), { amount: 50_00 }, { 'idempotency-key': key() });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'promised_not_eligible', refusals });
      expect(await transfersOf(sub.lineId)).toEqual([]);
      expect(await balanceOf(sub.ledgerAccountId)).toBe(0n);
    }
  });

  it('PAY-05 takes a promised payment: amount credited, fee debited, ledger, row, request, journal and notice', async () => {
    const sub = await promisedSubscriber(t.db, { now: t.clock.now, balance: 15_00n });
    const client = await loginWithCode(t, sub.msisdn);
    const res = await client.post(url(sub.lineId), { amount: 200_00 }, { 'idempotency-key': key() });
    expect(res.statusCode).toBe(201);
    const dueAt = new Date(t.clock.now.getTime() + 3 * DAY).toISOString();
    expect(res.json()).toEqual({
      promisedPayment: {
        id: expect.stringMatching(/^prm_/),
        amount: 200_00,
        fee: 10_00,
        takenAt: t.clock.now.toISOString(),
        dueAt,
        channel: 'web',
      },
      request: { id: expect.stringMatching(/^req_/), kind: 'promised_payment', status: 'done' },
      balance: 205_00,
    });
    expect(await balanceOf(sub.ledgerAccountId)).toBe(205_00n);
    expect(await transfersOf(sub.lineId)).toEqual([
      {
        kind: 'promised_fee',
        amount: 10_00n,
        debit: `subscriber:${sub.accountId}`,
        credit: 'revenue:services',
      },
      {
        kind: 'promised_payment',
        amount: 200_00n,
        debit: 'credit:promised',
        credit: `subscriber:${sub.accountId}`,
      },
    ]);
    const row = await t.db
      .selectFrom('promised_payments')
      .selectAll()
      .where('line_id', '=', sub.lineId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ amount: 200_00n, fee: 10_00n, status: 'active', channel: 'web' });
    expect(row.due_at.toISOString()).toBe(dueAt);
    const request = await t.db
      .selectFrom('requests')
      .select(['kind', 'status', 'payload'])
      .where('line_id', '=', sub.lineId)
      .executeTakeFirstOrThrow();
    expect(request).toMatchObject({
      kind: 'promised_payment',
      status: 'done',
      payload: { amount: 200_00, fee: 10_00, title: { ru: 'Обещанный платёж 200 ₽' } },
    });
    const journal = await t.db
      .selectFrom('journal')
      .select(['action', 'channel', 'details'])
      .where('line_id', '=', sub.lineId)
      .where('action', 'like', 'promised_payment.%')
      .execute();
    expect(journal).toEqual([
      {
        action: 'promised_payment.taken',
        channel: 'web',
        details: expect.objectContaining({ amount: 200_00, fee: 10_00, promisedPaymentId: row.id }),
      },
    ]);
    const payments = await t.db
      .selectFrom('payments')
      .select(['source', 'amount', 'status'])
      .where('line_id', '=', sub.lineId)
      .where('source', '=', 'promised')
      .execute();
    expect(payments).toEqual([{ source: 'promised', amount: 200_00n, status: 'succeeded' }]);
    const notices = await t.db
      .selectFrom('notifications')
      .select(['event', 'params'])
      .where('line_id', '=', sub.lineId)
      .where('event', '=', 'promised_payment_due')
      .execute();
    expect(notices).toEqual([
      { event: 'promised_payment_due', params: expect.objectContaining({ amount: 200_00 }) },
    ]);
    expect((await client.get(url(sub.lineId))).json()).toMatchObject({
      eligible: false,
      refusals: ['unpaid_promised'],
      active: { id: row.id, amount: 200_00, fee: 10_00, dueAt },
    });
    expect((await client.get(`/api/v1/lines/${sub.lineId}/dashboard`)).json()).toMatchObject({
      balance: { amount: 205_00 },
      promisedPayment: { amount: 200_00, fee: 10_00, dueAt },
    });
    expect((await verifyLedger(t.db)).mismatches).toEqual([]);
  });

  it('PAY-05 refuses a second one while the first is unpaid, and an amount not on offer names the field', async () => {
    const sub = await promisedSubscriber(t.db, { now: t.clock.now });
    const client = await loginWithCode(t, sub.msisdn);
    const notOffered = await client.post(url(sub.lineId), { amount: 500_00 }, { 'idempotency-key': key() });
    expect(notOffered.statusCode).toBe(400);
    expect(notOffered.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'amount', code: 'not_offered' }],
    });
    for (const amount of [-100, 10.5, '100']) {
      const bad = await client.post(url(sub.lineId), { amount }, { 'idempotency-key': key() });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('amount');
    }
    expect(
      (await client.post(url(sub.lineId), { amount: 100_00 }, { 'idempotency-key': key() })).statusCode,
    ).toBe(201);
    const second = await client.post(url(sub.lineId), { amount: 50_00 }, { 'idempotency-key': key() });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'promised_not_eligible', refusals: ['unpaid_promised'] });
    expect(await balanceOf(sub.ledgerAccountId)).toBe(100_00n);
    const missingKey = await client.post(url(sub.lineId), { amount: 50_00 });
    expect(missingKey.json()).toMatchObject({ errors: [{ field: 'Idempotency-Key' }] });
  });

  it('PAY-05 a replayed Idempotency-Key answers the first result and moves nothing; other parameters are refused', async () => {
    const sub = await promisedSubscriber(t.db, { now: t.clock.now });
    const client = await loginWithCode(t, sub.msisdn);
    const k = key();
    const first = await client.post(url(sub.lineId), { amount: 100_00 }, { 'idempotency-key': k });
    const again = await client.post(url(sub.lineId), { amount: 100_00 }, { 'idempotency-key': k });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const other = await client.post(url(sub.lineId), { amount: 50_00 }, { 'idempotency-key': k });
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({ code: 'idempotency_conflict' });
    expect(await balanceOf(sub.ledgerAccountId)).toBe(100_00n);
    const rows = await t.db
      .selectFrom('promised_payments')
      .select('id')
      .where('line_id', '=', sub.lineId)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('PAY-05 two takes racing on one account, from the web and USSD, lend once', async () => {
    const sub = await promisedSubscriber(t.db, { now: t.clock.now });
    const client = await loginWithCode(t, sub.msisdn);
    const ussd = (sessionId: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/ussd',
        headers: { 'content-type': 'application/json', 'x-ussd-secret': USSD_SECRET },
        payload: { sessionId, serviceCode: '*106#', phoneNumber: sub.msisdn, text: '1*1' },
      });
    t.ctx.ussdGateway = { secret: USSD_SECRET, trustedGateways: [] };
    const [a, b, c] = await Promise.all([
      client.post(url(sub.lineId), { amount: 100_00 }, { 'idempotency-key': key() }),
      client.post(url(sub.lineId), { amount: 50_00 }, { 'idempotency-key': key() }),
      ussd(`race-${randomUUID()}`),
    ]);
    const rows = await t.db
      .selectFrom('promised_payments')
      .select(['amount', 'channel'])
      .where('account_id', '=', sub.accountId)
      .execute();
    expect(rows).toHaveLength(1);
    const webTaken = [a, b].filter((r) => r.statusCode === 201).length;
    expect(webTaken + (c.body.includes('Зачислено') ? 1 : 0)).toBe(1);
    expect([a, b].filter((r) => r.statusCode === 409)).toHaveLength(2 - webTaken);
    expect(await balanceOf(sub.ledgerAccountId)).toBe(rows[0]?.amount);
    expect((await verifyLedger(t.db)).mismatches).toEqual([]);
  });

  it('PAY-05 a line blocked for debt takes one and is unblocked by it', async () => {
    const sub = await promisedSubscriber(t.db, {
      now: t.clock.now,
      balance: -30_00n,
      status: 'blocked',
      blockReason: 'debt',
    });
    const client = await loginWithCode(t, sub.msisdn);
    const res = await client.post(url(sub.lineId), { amount: 100_00 }, { 'idempotency-key': key() });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ balance: 70_00 });
    const line = await t.db
      .selectFrom('lines')
      .select(['status', 'block_reason'])
      .where('id', '=', sub.lineId)
      .executeTakeFirstOrThrow();
    expect(line).toEqual({ status: 'active', block_reason: null });
  });

  it('PAY-05 a partial session may read but not take one; another subscriber’s line is 404', async () => {
    const sub = await promisedSubscriber(t.db, { now: t.clock.now });
    const other = await promisedSubscriber(t.db, { now: t.clock.now });
    const { client: partial } = await clientWithSession(t, sub.loginId ?? '', {
      access: 'partial',
      method: 'enrichment',
    });
    expect((await partial.get(url(sub.lineId))).statusCode).toBe(200);
    const refused = await partial.post(url(sub.lineId), { amount: 50_00 }, { 'idempotency-key': key() });
    expect(refused.statusCode).toBe(403);
    const client = await loginWithCode(t, sub.msisdn);
    expect((await client.get(url(other.lineId))).statusCode).toBe(404);
    const foreign = await client.post(url(other.lineId), { amount: 50_00 }, { 'idempotency-key': key() });
    expect(foreign.statusCode).toBe(404);
    for (const s of [sub, other]) {
      expect(
        await t.db.selectFrom('promised_payments').select('id').where('line_id', '=', s.lineId).execute(),
      ).toEqual([]);
      expect(await balanceOf(s.ledgerAccountId)).toBe(0n);
    }
  });

  it('PAY-05 operator settings change the term and the amounts', async () => {
    await savePromisedRules(t.db, { term_days: 5, offers: [{ amount: 1000_00, min_average: 0 }] });
    try {
      const sub = await promisedSubscriber(t.db, { now: t.clock.now, topUps: 0n });
      const client = await loginWithCode(t, sub.msisdn);
      expect((await client.get(url(sub.lineId))).json()).toMatchObject({
        eligible: true,
        termDays: 5,
        options: [{ amount: 1000_00, fee: 50_00 }],
        dueAt: new Date(t.clock.now.getTime() + 5 * DAY).toISOString(),
      });
    } finally {
      await t.db.deleteFrom('promised_payment_settings').execute();
    }
  });
});
