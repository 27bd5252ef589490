import { inflateSync } from 'node:zlib';
import { verifyLedger } from '@kabinet/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientWithSession } from '../test/access-helpers.ts';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { issueDueInvoices } from './invoice-job.ts';
import { addCharge, addPayment, addUsage, makePostpaid } from './statements-test-data.ts';

// 00:30 in Moscow on 1 December 2026: November has just ended.
const FIRST = new Date('2026-11-30T21:30:00Z');
const TZ = 'Europe/Moscow';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ now: FIRST });
});
afterAll(async () => {
  await t.close();
});

/** The Unicode code points the PDF's fonts map (their ToUnicode CMaps, inflated): what the text is written in. */
function mappedCodePoints(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  let out = '';
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    try {
      out += inflateSync(Buffer.from(text.slice(start, text.indexOf('endstream', start)), 'latin1')).toString(
        'latin1',
      );
    } catch {
      // Not a deflated stream (e.g. an image): nothing to read.
    }
  }
  return out.match(/begincmap[\s\S]*?endcmap/g)?.join('\n') ?? '';
}

const runJob = (now: Date = t.clock.now) =>
  issueDueInvoices({ db: t.db, acquirer: t.ctx.acquirer, now, timeZone: TZ });

/** A postpaid subscriber opened in October who spent 550 ₽ in November and paid 300 ₽ of it. */
async function postpaidWithNovember() {
  const sub = await buildSubscriber(t.db, { withLogin: true });
  await makePostpaid(t.db, sub, 3000_00n, '2026-10-15T10:00:00+03:00');
  await addCharge(t.db, sub, {
    at: '2026-11-01T10:00:00+03:00',
    amount: 450_00n,
    kind: 'periodic_fee',
    to: 'revenueFees',
  });
  await addUsage(t.db, sub, { at: '2026-11-12T10:00:00+03:00', kind: 'voice_out', cost: 100_00n });
  await addPayment(t.db, sub, { at: '2026-11-20T10:00:00+03:00', amount: 300_00n, source: 'bank' });
  const { client } = await clientWithSession(t, sub.loginId as string);
  return { sub, client };
}

type State = {
  paymentType: string;
  creditLimit: number;
  used: number;
  available: number;
  invoices: Array<{
    id: string;
    month: string;
    openingBalance: number;
    chargesTotal: number;
    paymentsTotal: number;
    otherMovements: number;
    closingBalance: number;
    amountDue: number;
    dueDate: string;
    status: string;
    charges: Array<{ category: string; amount: number }>;
  }>;
  trustPayment: {
    active: { amount: number; expiresAt: string } | null;
    offer: { allowed: boolean; amount: number | null; reason: string | null };
  };
};

describe('postpaid invoices', () => {
  it('PAY-10 issues the monthly invoice on the 1st exactly once per account and month, even when the job runs twice', async () => {
    const { sub, client } = await postpaidWithNovember();
    const [first, second] = await Promise.all([runJob(), runJob()]);
    expect(first + second).toBeGreaterThanOrEqual(2);
    expect(await runJob()).toBe(0);
    const stored = await t.db
      .selectFrom('invoices')
      .select('month')
      .where('account_id', '=', sub.accountId)
      .orderBy('month')
      .execute();
    // October (the month it opened, nothing spent) and November; never December, which is not over.
    expect(stored.map((i) => i.month)).toEqual(['2026-10', '2026-11']);

    const state = (await client.get(`/api/v1/lines/${sub.lineId}/invoices`)).json<State>();
    expect(state).toMatchObject({
      paymentType: 'postpaid',
      creditLimit: 3000_00,
      used: 250_00,
      available: 2750_00,
    });
    const nov = state.invoices[0];
    expect(nov).toMatchObject({
      month: '2026-11',
      openingBalance: 0,
      chargesTotal: 550_00,
      paymentsTotal: 300_00,
      otherMovements: 0,
      closingBalance: -250_00,
      amountDue: 250_00,
      dueDate: '2026-12-21',
      status: 'unpaid',
    });
    expect(nov?.charges.filter((c) => c.amount > 0)).toEqual([
      { category: 'calls', amount: 100_00 },
      { category: 'fees', amount: 450_00 },
    ]);
    expect(state.invoices[1]).toMatchObject({ month: '2026-10', amountDue: 0, status: 'nothing_due' });
    const journal = await t.db
      .selectFrom('journal')
      .select('action')
      .where('line_id', '=', sub.lineId)
      .where('action', '=', 'invoice.issued')
      .execute();
    expect(journal).toHaveLength(2);
    // Paying after the month ended marks the invoice paid.
    await addPayment(t.db, sub, { at: '2026-12-01T00:10:00+03:00', amount: 250_00n, source: 'bank' });
    const paid = (await client.get(`/api/v1/lines/${sub.lineId}/invoices`)).json<State>();
    expect(paid.invoices[0]?.status).toBe('paid');
  });

  it('PAY-10 serves the invoice PDF to the owner only, as an attachment with Cyrillic fonts embedded', async () => {
    const { sub, client } = await postpaidWithNovember();
    await runJob();
    const state = (await client.get(`/api/v1/lines/${sub.lineId}/invoices`)).json<State>();
    const id = state.invoices[0]?.id as string;
    const res = await client.get(`/api/v1/lines/${sub.lineId}/invoices/${id}.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="invoice-.+\.pdf"$/);
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdf.toString('latin1');
    expect(text).toMatch(/\/Type \/Page\b/);
    expect(text).toMatch(/DejaVuSans/);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    // Cyrillic is written with the embedded font: "С" of "Счёт" and the rouble sign are among its glyphs.
    expect(mappedCodePoints(pdf)).toContain('<0421>');
    expect(mappedCodePoints(pdf)).toContain('<20bd>');
    const english = await client.get(`/api/v1/lines/${sub.lineId}/invoices/${id}.pdf?lang=en`);
    expect(english.statusCode).toBe(200);
    expect(english.rawPayload.equals(pdf)).toBe(false);

    // Someone else: 404 through their own line, and through ours.
    const stranger = await postpaidWithNovember();
    const viaOwnLine = await stranger.client.get(`/api/v1/lines/${stranger.sub.lineId}/invoices/${id}.pdf`);
    expect(viaOwnLine.statusCode).toBe(404);
    const viaOurs = await stranger.client.get(`/api/v1/lines/${sub.lineId}/invoices/${id}.pdf`);
    expect(viaOurs.statusCode).toBe(404);
    const downloads = await t.db
      .selectFrom('journal')
      .select('action')
      .where('line_id', '=', sub.lineId)
      .where('action', '=', 'invoice.downloaded')
      .execute();
    expect(downloads).toHaveLength(2);
  });
});

describe('trust payment', () => {
  const take = (
    client: Awaited<ReturnType<typeof postpaidWithNovember>>['client'],
    lineId: string,
    key: string,
  ) => client.post(`/api/v1/lines/${lineId}/trust-payment`, {}, { 'idempotency-key': key });

  it('PAY-10 raises the credit limit once a month, replays the same key, and the job takes the raise back after 7 days', async () => {
    t.clock.now = new Date('2026-12-04T09:00:00Z');
    const { sub, client } = await postpaidWithNovember();
    const before = await verifyLedger(t.db);
    const res = await take(client, sub.lineId, 'trust-key-0001');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      amount: 1500_00,
      creditLimit: 4500_00,
      expiresAt: '2026-12-11T09:00:00.000Z',
    });
    const replay = await take(client, sub.lineId, 'trust-key-0001');
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const again = await take(client, sub.lineId, 'trust-key-0002');
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('trust_payment_active');
    const limit = () =>
      t.db
        .selectFrom('billing_accounts')
        .select('credit_limit')
        .where('id', '=', sub.accountId)
        .executeTakeFirstOrThrow();
    expect((await limit()).credit_limit).toBe(4500_00n);
    const state = (await client.get(`/api/v1/lines/${sub.lineId}/invoices`)).json<State>();
    expect(state.trustPayment.active).toMatchObject({ amount: 1500_00 });
    expect(state.trustPayment.offer).toMatchObject({ allowed: false, reason: 'already_active' });
    // The ledger did not move: it is a limit, not money.
    const after = await verifyLedger(t.db);
    expect(after.mismatches).toEqual([]);
    expect(after.total).toBe(before.total);

    // Sessions idle out while the clock jumps: a new one after each jump.
    t.clock.now = new Date('2026-12-11T09:00:01Z');
    const later = (await clientWithSession(t, sub.loginId as string)).client;
    await runJob();
    await runJob();
    expect((await limit()).credit_limit).toBe(3000_00n);
    const journal = await t.db
      .selectFrom('journal')
      .select('action')
      .where('line_id', '=', sub.lineId)
      .where('action', 'like', 'trust_payment.%')
      .orderBy('id')
      .execute();
    expect(journal.map((j) => j.action)).toEqual(['trust_payment.taken', 'trust_payment.expired']);
    // Once a month: December's is used; January's may be taken.
    const december = await take(later, sub.lineId, 'trust-key-0003');
    expect(december.json().code).toBe('trust_payment_used_this_month');
    t.clock.now = new Date('2027-01-05T09:00:00Z');
    await addPayment(t.db, sub, { at: '2027-01-02T10:00:00+03:00', amount: 2000_00n, source: 'bank' });
    await runJob();
    const january = (await clientWithSession(t, sub.loginId as string)).client;
    expect((await take(january, sub.lineId, 'trust-key-0004')).statusCode).toBe(201);
  });

  it('PAY-10 refuses a trust payment to a prepaid line, to a partial session and with an overdue invoice', async () => {
    t.clock.now = new Date('2026-12-04T09:00:00Z');
    const prepaid = await buildSubscriber(t.db, { withLogin: true });
    const { client: prepaidClient } = await clientWithSession(t, prepaid.loginId as string);
    const state = (await prepaidClient.get(`/api/v1/lines/${prepaid.lineId}/invoices`)).json<State>();
    expect(state).toMatchObject({ paymentType: 'prepaid', invoices: [] });
    expect(state.trustPayment.offer).toMatchObject({ allowed: false, reason: 'not_postpaid' });
    const refused = await take(prepaidClient, prepaid.lineId, 'trust-key-0101');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('not_postpaid');

    const { sub } = await postpaidWithNovember();
    const { client: partial } = await clientWithSession(t, sub.loginId as string, {
      access: 'partial',
      method: 'enrichment',
    });
    expect((await take(partial, sub.lineId, 'trust-key-0102')).statusCode).toBe(403);
    const { client } = await clientWithSession(t, sub.loginId as string);
    expect((await take(client, sub.lineId, 'short')).statusCode).toBe(400);

    // November's invoice (250 ₽ due on 21 December) unpaid on the 22nd: overdue, no trust payment.
    await runJob(new Date('2026-12-01T09:00:00Z'));
    t.clock.now = new Date('2026-12-22T09:00:00Z');
    const later = (await clientWithSession(t, sub.loginId as string)).client;
    const overdue = await take(later, sub.lineId, 'trust-key-0103');
    expect(overdue.statusCode).toBe(409);
    expect(overdue.json().code).toBe('invoice_overdue');
    expect(
      (await t.db.selectFrom('trust_payments').select('id').where('account_id', '=', sub.accountId).execute())
        .length,
    ).toBe(0);
  });
});
