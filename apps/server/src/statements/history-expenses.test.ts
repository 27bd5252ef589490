import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientWithSession } from '../test/access-helpers.ts';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import type { TestClient } from '../test/http-client.ts';
import { addCharge, addPayment, addUsage } from './statements-test-data.ts';

// 12:00 in Moscow on 4 December 2026: this month is December, the previous one November.
const NOW = new Date('2026-12-04T09:00:00Z');
let t: TestApp;
let sub: Awaited<ReturnType<typeof buildSubscriber>>;
let owner: TestClient;

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  sub = await buildSubscriber(t.db, { withLogin: true });
  owner = (await clientWithSession(t, sub.loginId as string)).client;
  // November: top-ups, a declined card payment, usage of every kind (one abroad), fees, content and a kind
  // the categories do not know yet.
  await addPayment(t.db, sub, { at: '2026-11-02T10:00:00+03:00', amount: 1000_00n, source: 'card' });
  await addPayment(t.db, sub, { at: '2026-11-20T10:00:00+03:00', amount: 300_00n, source: 'voucher' });
  await addPayment(t.db, sub, {
    at: '2026-11-21T10:00:00+03:00',
    amount: 500_00n,
    source: 'card',
    status: 'failed',
  });
  await addUsage(t.db, sub, { at: '2026-11-10T12:00:00+03:00', kind: 'voice_out', cost: 100_00n });
  await addUsage(t.db, sub, { at: '2026-11-10T13:00:00+03:00', kind: 'sms_out', cost: 5_00n });
  await addUsage(t.db, sub, { at: '2026-11-11T13:00:00+03:00', kind: 'mms_out', cost: 5_00n });
  await addUsage(t.db, sub, { at: '2026-11-12T13:00:00+03:00', kind: 'data', cost: 50_00n });
  await addUsage(t.db, sub, { at: '2026-11-14T13:00:00+03:00', kind: 'data', cost: 200_00n, zone: 'cis' });
  await addCharge(t.db, sub, {
    at: '2026-11-01T10:00:00+03:00',
    amount: 450_00n,
    kind: 'periodic_fee',
    to: 'revenueFees',
  });
  await addCharge(t.db, sub, {
    at: '2026-11-15T10:00:00+03:00',
    amount: 30_00n,
    kind: 'content',
    to: 'revenueContent',
  });
  await addCharge(t.db, sub, {
    at: '2026-11-16T10:00:00+03:00',
    amount: 7_00n,
    kind: 'correction',
    to: 'revenueUsage',
  });
  // December: a call at 01:30 Moscow time on the 1st (still 30 November in UTC) is December's.
  await addUsage(t.db, sub, { at: '2026-11-30T22:30:00Z', kind: 'voice_out', cost: 10_00n });
  await addUsage(t.db, sub, { at: '2026-12-02T12:00:00+03:00', kind: 'voice_out', cost: 150_00n });
  await addCharge(t.db, sub, {
    at: '2026-12-01T10:00:00+03:00',
    amount: 450_00n,
    kind: 'periodic_fee',
    to: 'revenueFees',
  });
  await addPayment(t.db, sub, { at: '2026-12-02T09:00:00+03:00', amount: 700_00n, source: 'bank' });
});
afterAll(async () => {
  await t.close();
});

type History = {
  total: number;
  payments: Array<{ source: string; amount: number; status: string; at: string; number: string | null }>;
};

describe('payment history', () => {
  it('PAY-07 lists the account’s payments newest first with source, amount and status, a page at a time', async () => {
    const client = owner;
    const res = await client.get(`/api/v1/lines/${sub.lineId}/payments/history?pageSize=2`);
    expect(res.statusCode).toBe(200);
    const first = res.json<History>();
    expect(first.total).toBe(4);
    expect(first.payments.map((p) => [p.source, p.amount, p.status])).toEqual([
      ['bank', 700_00, 'succeeded'],
      ['card', 500_00, 'failed'],
    ]);
    expect(first.payments[0]?.number).toBe(sub.msisdn);
    const second = (
      await client.get(`/api/v1/lines/${sub.lineId}/payments/history?pageSize=2&page=2`)
    ).json<History>();
    expect(second.payments.map((p) => p.source)).toEqual(['voucher', 'card']);
  });

  it('PAY-07 filters the history by days and by source, and names a bad field', async () => {
    const client = owner;
    const november = await client.get(
      `/api/v1/lines/${sub.lineId}/payments/history?from=2026-11-01&to=2026-11-30`,
    );
    expect(november.json<History>().total).toBe(3);
    const cards = await client.get(`/api/v1/lines/${sub.lineId}/payments/history?source=card`);
    expect(cards.json<History>().payments.map((p) => p.status)).toEqual(['failed', 'succeeded']);
    const two = await client.get(`/api/v1/lines/${sub.lineId}/payments/history?source=bank&source=voucher`);
    expect(two.json<History>().payments.map((p) => p.source)).toEqual(['bank', 'voucher']);
    const bad = await client.get(
      `/api/v1/lines/${sub.lineId}/payments/history?from=2026-11-31&to=2026-12-01`,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'from', code: 'invalid_date' });
    const unknown = await client.get(`/api/v1/lines/${sub.lineId}/payments/history?source=gold`);
    expect(unknown.statusCode).toBe(400);
  });

  it('PAY-07 shows only the user’s own accounts (404 otherwise) and lets a partial session read', async () => {
    const other = await buildSubscriber(t.db, { withLogin: true });
    const client = owner;
    for (const path of ['payments/history', 'payments/summary', 'expenses', 'invoices']) {
      const res = await client.get(`/api/v1/lines/${other.lineId}/${path}`);
      expect(res.statusCode, path).toBe(404);
    }
    const { client: partial } = await clientWithSession(t, sub.loginId as string, {
      access: 'partial',
      method: 'enrichment',
    });
    const res = await partial.get(`/api/v1/lines/${sub.lineId}/payments/history`);
    expect(res.statusCode).toBe(200);
    expect(res.json<History>().total).toBe(4);
    expect(
      (
        await new (
          await import('../test/http-client.ts')
        ).TestClient(t).get(`/api/v1/lines/${sub.lineId}/payments/history`)
      ).statusCode,
    ).toBe(401);
  });

  it('PAY-07 sums top-ups and spending month by month in the operator time zone', async () => {
    const client = owner;
    const res = await client.get(`/api/v1/lines/${sub.lineId}/payments/summary?months=3`);
    expect(res.statusCode).toBe(200);
    expect(res.json().months).toEqual([
      { month: '2026-10', topUps: 0, topUpCount: 0, spending: 0 },
      { month: '2026-11', topUps: 1300_00, topUpCount: 2, spending: 847_00 },
      { month: '2026-12', topUps: 700_00, topUpCount: 1, spending: 610_00 },
    ]);
  });
});

type Expenses = {
  total: number;
  period: { month: string | null; from: string; to: string };
  previousPeriod: { month: string | null; from: string; to: string };
  categories: Array<{ category: string; amount: number; sharePermille: number }>;
  comparison: {
    total: { current: number; previous: number; delta: number; deltaPercent: number | null };
    categories: Array<{
      category: string;
      current: number;
      previous: number;
      delta: number;
      deltaPercent: number | null;
    }>;
  };
};

const byCategory = (rows: Array<{ category: string; amount: number }>) =>
  Object.fromEntries(rows.map((r) => [r.category, r.amount]));

describe('expenses', () => {
  it('PAY-08 totals a month by category with shares, and compares it with the month before', async () => {
    const client = owner;
    const nov = (await client.get(`/api/v1/lines/${sub.lineId}/expenses?month=2026-11`)).json<Expenses>();
    expect(nov.total).toBe(847_00);
    expect(byCategory(nov.categories)).toEqual({
      calls: 100_00,
      messages: 10_00,
      internet: 50_00,
      fees: 450_00,
      content: 30_00,
      roaming: 200_00,
      other: 7_00,
    });
    expect(nov.categories.reduce((s, c) => s + c.sharePermille, 0)).toBe(1000);
    expect(nov.categories.find((c) => c.category === 'fees')?.sharePermille).toBe(531);

    // This month by default: December against November.
    const dec = (await client.get(`/api/v1/lines/${sub.lineId}/expenses`)).json<Expenses>();
    expect(dec.period).toEqual({ month: '2026-12', from: '2026-12-01', to: '2026-12-31' });
    expect(dec.previousPeriod).toEqual({ month: '2026-11', from: '2026-11-01', to: '2026-11-30' });
    expect(dec.total).toBe(610_00);
    expect(dec.comparison.total).toEqual({
      current: 610_00,
      previous: 847_00,
      delta: -237_00,
      deltaPercent: -27.9,
    });
    const calls = dec.comparison.categories.find((c) => c.category === 'calls');
    expect(calls).toEqual({
      category: 'calls',
      current: 160_00,
      previous: 100_00,
      delta: 60_00,
      deltaPercent: 60,
    });
    const roaming = dec.comparison.categories.find((c) => c.category === 'roaming');
    expect(roaming).toMatchObject({ current: 0, previous: 200_00, delta: -200_00, deltaPercent: -100 });
  });

  it('PAY-08 takes any days up to a year, compares them with as many days before, and refuses longer periods', async () => {
    const client = owner;
    const res = await client.get(`/api/v1/lines/${sub.lineId}/expenses?from=2026-11-10&to=2026-11-12`);
    expect(res.statusCode).toBe(200);
    const days = res.json<Expenses>();
    expect(days.total).toBe(160_00);
    expect(days.previousPeriod).toEqual({ month: null, from: '2026-11-07', to: '2026-11-09' });
    expect(days.comparison.total.previous).toBe(0);
    const year = await client.get(`/api/v1/lines/${sub.lineId}/expenses?from=2025-12-04&to=2026-12-03`);
    expect(year.json<Expenses>().total).toBe(847_00 + 610_00);
    const tooLong = await client.get(`/api/v1/lines/${sub.lineId}/expenses?from=2025-01-01&to=2026-12-03`);
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors[0]).toMatchObject({ field: 'to', code: 'period_too_long' });
    const both = await client.get(
      `/api/v1/lines/${sub.lineId}/expenses?month=2026-11&from=2026-11-01&to=2026-11-02`,
    );
    expect(both.json().errors[0]).toMatchObject({ field: 'month' });
    const half = await client.get(`/api/v1/lines/${sub.lineId}/expenses?from=2026-11-01`);
    expect(half.json().errors[0]).toMatchObject({ field: 'to', code: 'required' });
  });
});
