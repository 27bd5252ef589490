import { signWebhook } from '@kabinet/core';
import { verifyLedger } from '@kabinet/db';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SANDBOX_WEBHOOK_PATH, SandboxAcquirer } from '../acquirer/sandbox-acquirer.ts';
import { hmac } from '../auth/secrets.ts';
import {
  clientWithSession,
  ledgerBalance,
  paymentTransferCount,
  subscriberWithClient,
} from '../test/access-helpers.ts';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, TEST_SECRET, type TestApp } from '../test/harness.ts';
import type { TestClient } from '../test/http-client.ts';
import { reconcilePendingPayments } from './reconcile-job.ts';

const WEBHOOK_SECRET = hmac(TEST_SECRET, 'acquirer-webhook', 'sandbox').toString('hex');
const CARDS = {
  success: '4242 4242 4242 4242',
  decline: '4000 0000 0000 0002',
  insufficient: '4000 0000 0000 9995',
  threeDs: '4000 0000 0000 3220',
  timeout: '4000 0000 0000 0119',
};

let t: TestApp;
let sandbox: SandboxAcquirer;
let keyCounter = 0;
/** Every webhook the cabinet accepted during this file's run (sent by the sandbox or by a test), for the replay. */
const accepted = new Set<string>();
beforeAll(async () => {
  t = await createTestApp();
  if (!(t.ctx.acquirer instanceof SandboxAcquirer)) throw new Error('the test app should use the sandbox');
  sandbox = t.ctx.acquirer;
  const deliver = sandbox.deliver.bind(sandbox);
  sandbox.deliver = async (body, attempt) => {
    const delivered = await deliver(body, attempt);
    if (delivered) accepted.add(body);
    return delivered;
  };
});
afterAll(async () => {
  await t.close();
});

const subscriber = (balance = 0n) => subscriberWithClient(t, balance);
const balanceOf = (ledgerAccountId: string) => ledgerBalance(t, ledgerAccountId);

function startTopUp(client: TestClient, body: Record<string, unknown>, key = `topup-key-${++keyCounter}`) {
  return client.post('/api/v1/payments/card', body, { 'idempotency-key': key });
}

/** Opens the hosted page like a browser and sends its card form; answers the sandbox's redirect. */
async function payOnPage(confirmationUrl: string, card: string) {
  const page = await t.app.inject({ method: 'GET', url: confirmationUrl });
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('TEST');
  const formToken = /name="form_token" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  return t.app.inject({
    method: 'POST',
    url: confirmationUrl,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      card_number: card,
      expiry: '12/39',
      cvc: '123',
      form_token: formToken,
    }).toString(),
  });
}

async function started(client: TestClient, body: Record<string, unknown>) {
  const res = await startTopUp(client, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ payment: { id: string; status: string }; confirmationUrl: string }>();
}

/** Captures the webhooks the sandbox sends; they are still delivered unless `lose` (a lost notification). */
function captureWebhooks(options: { lose?: boolean } = {}) {
  const bodies: string[] = [];
  const original = sandbox.deliver.bind(sandbox);
  const spy = vi.spyOn(sandbox, 'deliver').mockImplementation(async (body, attempt) => {
    bodies.push(body);
    return options.lose ? true : original(body, attempt);
  });
  return { bodies, restore: () => spy.mockRestore() };
}

/** A top-up paid on the hosted page whose webhook was lost: still pending, its webhook body in hand. */
async function paidWithLostWebhook(sub: Awaited<ReturnType<typeof subscriber>>, amount: number) {
  const { payment, confirmationUrl } = await started(sub.client, { lineId: sub.lineId, amount });
  const hooks = captureWebhooks({ lose: true });
  await payOnPage(confirmationUrl, CARDS.success);
  hooks.restore();
  expect(hooks.bodies).toHaveLength(1);
  expect(await balanceOf(sub.ledgerAccountId)).toBe(0n);
  return { payment, body: hooks.bodies[0] as string };
}

async function sendWebhook(body: string, header?: string) {
  const signature =
    header ?? (await signWebhook(WEBHOOK_SECRET, body, Math.floor(t.clock.now.getTime() / 1000)));
  const res = await t.app.inject({
    method: 'POST',
    url: SANDBOX_WEBHOOK_PATH,
    headers: { 'content-type': 'application/json', 'kabinet-signature': signature },
    payload: body,
  });
  if (res.statusCode === 200) accepted.add(body);
  return res;
}

describe('card top-ups through the sandbox acquirer', () => {
  it('PAY-01 tops up own line by card: pending, hosted page, webhook, credited once with a receipt', async () => {
    const sub = await subscriber(50_00n);
    const { payment, confirmationUrl } = await started(sub.client, { lineId: sub.lineId, amount: 500_00 });
    expect(payment.status).toBe('pending');
    expect(confirmationUrl).toMatch(/^\/sandbox-acquirer\/pay\/sbx_/);
    expect(await balanceOf(sub.ledgerAccountId)).toBe(50_00n);

    const back = await payOnPage(confirmationUrl, CARDS.success);
    expect(back.statusCode).toBe(303);
    expect(back.headers.location).toMatch(new RegExp(`/pay/result\\?payment=${payment.id}$`));

    const status = await sub.client.get(`/api/v1/payments/${payment.id}`);
    expect(status.json()).toMatchObject({
      id: payment.id,
      status: 'succeeded',
      amount: 500_00,
      msisdn: sub.msisdn,
      ownLine: true,
      commission: 0,
      card: { last4: '4242', brand: 'visa' },
      acquirer: { name: 'sandbox', test: true },
      confirmationUrl: null,
    });
    expect(await balanceOf(sub.ledgerAccountId)).toBe(550_00n);
    const journal = await t.db
      .selectFrom('journal')
      .select('action')
      .where('line_id', '=', sub.lineId)
      .where('action', 'like', 'payment.%')
      .orderBy('at')
      .execute();
    expect(journal.map((j) => j.action)).toEqual(['payment.started', 'payment.received']);
    const notices = await t.db
      .selectFrom('notifications')
      .select('event')
      .where('line_id', '=', sub.lineId)
      .where('event', '=', 'top_ups')
      .execute();
    expect(notices.length).toBeGreaterThan(0);
    expect((await verifyLedger(t.db)).mismatches).toEqual([]);
  });

  it('PAY-01 replaying the same webhook ten times changes no balance', async () => {
    const sub = await subscriber();
    const { payment, confirmationUrl } = await started(sub.client, { lineId: sub.lineId, amount: 300_00 });
    const hooks = captureWebhooks();
    await payOnPage(confirmationUrl, CARDS.success);
    hooks.restore();
    expect(hooks.bodies).toHaveLength(1);
    expect(await balanceOf(sub.ledgerAccountId)).toBe(300_00n);
    const body = hooks.bodies[0] as string;
    const replies = [];
    for (let i = 0; i < 10; i++) replies.push(await sendWebhook(body));
    expect(replies.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    expect(replies.every((r) => r.json().duplicate === true)).toBe(true);
    // The same news under a new event id (an acquirer re-sending it as a new event) credits nothing either.
    const renamed = body.replace(/"id":"whe_[0-9a-z]+"/, '"id":"whe_renamed0000000000"');
    expect((await sendWebhook(renamed)).json()).toMatchObject({ duplicate: false, outcome: 'unchanged' });
    // Concurrent redeliveries race on the event row and the payment lock: still one credit.
    await Promise.all(Array.from({ length: 10 }, () => sendWebhook(body)));
    expect(await balanceOf(sub.ledgerAccountId)).toBe(300_00n);
    expect(await paymentTransferCount(t, payment.id)).toBe(1);
  });

  it('PAY-01 first deliveries racing each other (same event and renamed ones) credit the payment once', async () => {
    const sub = await subscriber();
    const { payment, body } = await paidWithLostWebhook(sub, 400_00);
    const bodies = Array.from({ length: 12 }, (_, i) =>
      i % 2 === 0
        ? body
        : body.replace(/"id":"whe_[0-9a-z]+"/, `"id":"whe_race${String(i).padStart(16, '0')}"`),
    );
    const replies = await Promise.all(bodies.map((b) => sendWebhook(b)));
    expect(replies.map((r) => r.statusCode)).toEqual(Array(12).fill(200));
    const outcomes = replies.map((r) => r.json<{ outcome: string | null }>().outcome);
    expect(outcomes.filter((o) => o === 'credited')).toHaveLength(1);
    expect(outcomes.every((o) => o === 'credited' || o === 'unchanged' || o === null)).toBe(true);
    expect(await balanceOf(sub.ledgerAccountId)).toBe(400_00n);
    expect(await paymentTransferCount(t, payment.id)).toBe(1);
    const events = await t.db
      .selectFrom('acquirer_webhook_events')
      .select('event_id')
      .where('payment_id', '=', payment.id)
      .execute();
    expect(events).toHaveLength(7);
    expect((await verifyLedger(t.db)).mismatches).toEqual([]);
  });

  it('PAY-01 a card top-up that covers the debt unblocks the line as soon as the webhook credits it', async () => {
    const sub = await subscriber(-300_00n);
    const since = new Date(t.clock.now.getTime() - 48 * 3_600_000);
    await t.db
      .updateTable('lines')
      .set({ status: 'blocked', block_reason: 'debt' })
      .where('id', '=', sub.lineId)
      .execute();
    await t.db
      .insertInto('account_funds_state')
      .values({ account_id: sub.accountId, out_of_funds_since: since, non_positive_since: since })
      .onConflict((oc) =>
        oc.column('account_id').doUpdateSet({ out_of_funds_since: since, non_positive_since: since }),
      )
      .execute();
    const { confirmationUrl } = await started(sub.client, { lineId: sub.lineId, amount: 500_00 });
    await payOnPage(confirmationUrl, CARDS.success);
    expect(await balanceOf(sub.ledgerAccountId)).toBe(200_00n);
    expect(
      await t.db
        .selectFrom('lines')
        .select(['status', 'block_reason'])
        .where('id', '=', sub.lineId)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: 'active', block_reason: null });
    expect(
      await t.db
        .selectFrom('account_funds_state')
        .select(['out_of_funds_since', 'non_positive_since'])
        .where('account_id', '=', sub.accountId)
        .executeTakeFirstOrThrow(),
    ).toEqual({ out_of_funds_since: null, non_positive_since: null });
  });

  it('PAY-01 rejects a forged signature (401) and a stale timestamp (400); nothing is credited', async () => {
    const sub = await subscriber();
    const { payment, body } = await paidWithLostWebhook(sub, 200_00);
    const now = Math.floor(t.clock.now.getTime() / 1000);

    const forged = await sendWebhook(body, await signWebhook('not-the-secret', body, now));
    expect(forged.statusCode).toBe(401);
    expect(forged.json().code).toBe('webhook_signature_invalid');
    const tampered = await sendWebhook(
      body.replace('"amount":20000', '"amount":1500000'),
      await signWebhook(WEBHOOK_SECRET, body, now),
    );
    expect(tampered.statusCode).toBe(401);
    const stale = await sendWebhook(body, await signWebhook(WEBHOOK_SECRET, body, now - 301));
    expect(stale.statusCode).toBe(400);
    expect(stale.json().code).toBe('webhook_timestamp_stale');
    const unsigned = await t.app.inject({
      method: 'POST',
      url: SANDBOX_WEBHOOK_PATH,
      headers: { 'content-type': 'application/json' },
      payload: body,
    });
    expect(unsigned.statusCode).toBe(400);
    expect(await balanceOf(sub.ledgerAccountId)).toBe(0n);
    expect((await sub.client.get(`/api/v1/payments/${payment.id}`)).json().status).toBe('pending');
    // A refused event was not recorded as received: the genuine delivery still credits.
    expect((await sendWebhook(body)).json()).toMatchObject({ duplicate: false, outcome: 'credited' });
    expect(await balanceOf(sub.ledgerAccountId)).toBe(200_00n);
  });

  it('PAY-01 a declined card fails the payment with its reason and credits nothing', async () => {
    const sub = await subscriber(10_00n);
    for (const [card, reason] of [
      [CARDS.decline, 'card_declined'],
      [CARDS.insufficient, 'insufficient_funds'],
    ] as const) {
      const { payment, confirmationUrl } = await started(sub.client, { lineId: sub.lineId, amount: 100_00 });
      expect((await payOnPage(confirmationUrl, card)).statusCode).toBe(303);
      const view = (await sub.client.get(`/api/v1/payments/${payment.id}`)).json();
      expect(view).toMatchObject({
        status: 'failed',
        failureReason: reason,
        card: { last4: card.slice(-4) },
      });
    }
    expect(await balanceOf(sub.ledgerAccountId)).toBe(10_00n);
    const failures = await t.db
      .selectFrom('journal')
      .select(['action', 'outcome'])
      .where('line_id', '=', sub.lineId)
      .where('action', '=', 'payment.failed')
      .execute();
    expect(failures).toEqual([
      { action: 'payment.failed', outcome: 'failed' },
      { action: 'payment.failed', outcome: 'failed' },
    ]);
  });

  it('PAY-01 3-D Secure: the right one-time code pays, a wrong one fails', async () => {
    const sub = await subscriber();
    const pay3ds = async (amount: number, codeFor: (code: string) => string) => {
      const { payment, confirmationUrl } = await started(sub.client, { lineId: sub.lineId, amount });
      const challenge = await payOnPage(confirmationUrl, CARDS.threeDs);
      expect(challenge.statusCode).toBe(303);
      expect(challenge.headers.location).toBe(`${confirmationUrl}/3ds`);
      expect((await sub.client.get(`/api/v1/payments/${payment.id}`)).json().status).toBe('pending');
      const page = await t.app.inject({ method: 'GET', url: `${confirmationUrl}/3ds` });
      const code = /data-testid="sandbox-3ds-code">(\d{6})</.exec(page.body)?.[1] ?? '';
      const formToken = /name="form_token" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      const done = await t.app.inject({
        method: 'POST',
        url: `${confirmationUrl}/3ds`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ code: codeFor(code), form_token: formToken }).toString(),
      });
      expect(done.statusCode).toBe(303);
      return (await sub.client.get(`/api/v1/payments/${payment.id}`)).json();
    };
    expect(await pay3ds(400_00, (code) => code)).toMatchObject({ status: 'succeeded' });
    expect(await pay3ds(700_00, (code) => (code === '000000' ? '111111' : '000000'))).toMatchObject({
      status: 'failed',
      failureReason: '3ds_failed',
    });
    expect(await balanceOf(sub.ledgerAccountId)).toBe(400_00n);
  });

  it('PAY-01 an acquirer timeout leaves the payment pending; reconciliation credits it once', async () => {
    const sub = await subscriber();
    const { payment, confirmationUrl } = await started(sub.client, { lineId: sub.lineId, amount: 250_00 });
    const back = await payOnPage(confirmationUrl, CARDS.timeout);
    expect(back.headers.location).toMatch(/\/pay\/result\?payment=/);
    expect((await sub.client.get(`/api/v1/payments/${payment.id}`)).json().status).toBe('pending');
    const deps = () => ({ db: t.db, acquirer: sandbox, now: t.clock.now, timeZone: 'Europe/Moscow' });

    expect(await reconcilePendingPayments(deps())).toBe(0); // too young to look up
    t.clock.advance(3 * 60_000);
    sandbox.outage = true;
    try {
      expect(await reconcilePendingPayments(deps())).toBe(0); // the acquirer times out again
    } finally {
      sandbox.outage = false;
    }
    expect((await sub.client.get(`/api/v1/payments/${payment.id}`)).json().status).toBe('pending');
    expect(await balanceOf(sub.ledgerAccountId)).toBe(0n);

    expect(await reconcilePendingPayments(deps())).toBeGreaterThanOrEqual(1);
    expect((await sub.client.get(`/api/v1/payments/${payment.id}`)).json().status).toBe('succeeded');
    await Promise.all([reconcilePendingPayments(deps()), reconcilePendingPayments(deps())]);
    expect(await balanceOf(sub.ledgerAccountId)).toBe(250_00n);
  });

  it('PAY-01 reconciliation fails a payment whose hosted page was never paid', async () => {
    const sub = await subscriber();
    const { payment } = await started(sub.client, { lineId: sub.lineId, amount: 150_00 });
    t.clock.advance(16 * 60_000);
    await reconcilePendingPayments({
      db: t.db,
      acquirer: sandbox,
      now: t.clock.now,
      timeZone: 'Europe/Moscow',
    });
    expect((await sub.client.get(`/api/v1/payments/${payment.id}`)).json()).toMatchObject({
      status: 'failed',
      failureReason: 'expired',
    });
  });

  it('PAY-01 an acquirer that does not answer on create is 503 and leaves nothing pending', async () => {
    const sub = await subscriber();
    sandbox.outage = true;
    try {
      const res = await startTopUp(sub.client, { lineId: sub.lineId, amount: 500_00 });
      expect(res.statusCode).toBe(503);
      expect(res.json().code).toBe('acquirer_unavailable');
    } finally {
      sandbox.outage = false;
    }
    const rows = await t.db.selectFrom('payments').select('id').where('line_id', '=', sub.lineId).execute();
    expect(rows).toEqual([]);
    // A signed webhook about a payment we never made is refused and not recorded as received.
    const body = JSON.stringify({
      id: 'whe_unknownpayment000000',
      type: 'payment.succeeded',
      createdAt: t.clock.now.toISOString(),
      test: true,
      payment: {
        id: 'sbx_unknown0000000000',
        merchantPaymentId: 'pay_unknown0000000000',
        status: 'succeeded',
        amount: 500_00,
        failureReason: null,
        card: null,
      },
    });
    expect((await sendWebhook(body)).statusCode).toBe(404);
    const seen = await t.db
      .selectFrom('acquirer_webhook_events')
      .select('event_id')
      .where('event_id', '=', 'whe_unknownpayment000000')
      .execute();
    expect(seen).toEqual([]);
  });

  it('PAY-01 refuses amounts out of range, fractional, negative or not numbers, with a field error', async () => {
    const sub = await subscriber();
    const cases: Array<[unknown, string]> = [
      [99_99, 'too_small'],
      [15_000_01, 'too_large'],
      [500_00.5, 'fractional_kopecks'],
      ['50000.5', 'fractional_kopecks'],
      [-500_00, 'negative'],
      ['пятьсот', 'not_a_number'],
    ];
    for (const [amount, code] of cases) {
      const res = await startTopUp(sub.client, { lineId: sub.lineId, amount });
      expect(res.statusCode, String(amount)).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ field: 'amount', code })]);
    }
    const missing = await startTopUp(sub.client, { lineId: sub.lineId });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('amount');
    const noKey = await sub.client.post('/api/v1/payments/card', { lineId: sub.lineId, amount: 500_00 });
    expect(noKey.statusCode).toBe(400);
    const rows = await t.db.selectFrom('payments').select('id').where('line_id', '=', sub.lineId).execute();
    expect(rows).toEqual([]);
  });

  it('PAY-01 the same Idempotency-Key makes one payment', async () => {
    const sub = await subscriber();
    const first = await startTopUp(sub.client, { lineId: sub.lineId, amount: 500_00 }, 'same-key-0001');
    const again = await startTopUp(sub.client, { lineId: sub.lineId, amount: 500_00 }, 'same-key-0001');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().payment.id).toBe(first.json().payment.id);
    const other = await startTopUp(sub.client, { lineId: sub.lineId, amount: 600_00 }, 'same-key-0001');
    expect(other.statusCode).toBe(409);
  });

  it("PAY-01 another subscriber's payment and line are 404", async () => {
    const alice = await subscriber();
    const bob = await subscriber();
    const { payment } = await started(alice.client, { lineId: alice.lineId, amount: 500_00 });
    expect((await bob.client.get(`/api/v1/payments/${payment.id}`)).statusCode).toBe(404);
    expect((await startTopUp(bob.client, { lineId: alice.lineId, amount: 500_00 })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/payments/${payment.id}` })).statusCode).toBe(
      401,
    );
  });

  it('PAY-02 tops up another number typed in any format; an unknown number is a clear error', async () => {
    const payer = await subscriber();
    const other = await buildSubscriber(t.db, { msisdn: '+79035551234' });
    const typed = '8 (903) 555-12-34';
    const { payment, confirmationUrl } = await started(payer.client, { msisdn: typed, amount: 1_000_00 });
    await payOnPage(confirmationUrl, CARDS.success);
    expect((await payer.client.get(`/api/v1/payments/${payment.id}`)).json()).toMatchObject({
      status: 'succeeded',
      msisdn: '+79035551234',
      ownLine: false,
      lineId: null,
    });
    expect(await balanceOf(other.ledgerAccountId)).toBe(1_000_00n);
    expect(await balanceOf(payer.ledgerAccountId)).toBe(0n);

    const unknown = await startTopUp(payer.client, { msisdn: '+7 999 000-00-01', amount: 500_00 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([
      expect.objectContaining({ field: 'msisdn', code: 'unknown_number' }),
    ]);
    const junk = await startTopUp(payer.client, { msisdn: '12ab', amount: 500_00 });
    expect(junk.json().errors).toEqual([expect.objectContaining({ field: 'msisdn', code: 'invalid_phone' })]);
    const save = await startTopUp(payer.client, { msisdn: typed, amount: 500_00, saveCard: true });
    expect(save.json().errors).toEqual([
      expect.objectContaining({ field: 'saveCard', code: 'not_own_line' }),
    ]);
    const both = await startTopUp(payer.client, { msisdn: typed, lineId: payer.lineId, amount: 500_00 });
    expect(both.statusCode).toBe(400);
    // Own number typed as a number is an own-line top-up.
    const mine = await started(payer.client, { msisdn: payer.msisdn, amount: 500_00 });
    expect((await payer.client.get(`/api/v1/payments/${mine.payment.id}`)).json().ownLine).toBe(true);
  });

  it('PAY-01 a partial session may top up (money only comes in)', async () => {
    const sub = await buildSubscriber(t.db, { withLogin: true });
    const { client } = await clientWithSession(t, sub.loginId as string, {
      access: 'partial',
      method: 'enrichment',
    });
    const res = await startTopUp(client, { lineId: sub.lineId, amount: 500_00 });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('PAY-01 saves the card token once when asked (for autopay)', async () => {
    const sub = await subscriber();
    const hooks = captureWebhooks();
    const { confirmationUrl } = await started(sub.client, {
      lineId: sub.lineId,
      amount: 500_00,
      saveCard: true,
    });
    await payOnPage(confirmationUrl, CARDS.success);
    hooks.restore();
    for (let i = 0; i < 3; i++) await sendWebhook(hooks.bodies[0] as string);
    const cards = await t.db
      .selectFrom('saved_cards')
      .select(['last4', 'brand', 'token'])
      .where('account_id', '=', sub.accountId)
      .execute();
    expect(cards).toEqual([{ last4: '4242', brand: 'visa', token: expect.stringMatching(/^tok_sbx_/) }]);
    expect(JSON.stringify(cards)).not.toContain('4242424242424242');
    // The token charges like its card, server to server (autopay's path).
    const charged = await sandbox.chargeToken({
      paymentId: 'pay_tokencharge000001',
      amount: 100_00n,
      token: cards[0]?.token as string,
      description: 'autopay',
    });
    expect(charged.status).toBe('succeeded');
  });

  it('PAY-01 a late failure event after the success changes nothing (out of order)', async () => {
    const sub = await subscriber();
    const hooks = captureWebhooks();
    const { payment, confirmationUrl } = await started(sub.client, { lineId: sub.lineId, amount: 500_00 });
    await payOnPage(confirmationUrl, CARDS.success);
    hooks.restore();
    const failed = (hooks.bodies[0] as string)
      .replace(/"id":"whe_[0-9a-z]+"/, '"id":"whe_latefailure0000000"')
      .replace('"type":"payment.succeeded"', '"type":"payment.failed"')
      .replace('"status":"succeeded"', '"status":"failed"');
    expect((await sendWebhook(failed)).json()).toMatchObject({ outcome: 'ignored' });
    expect((await sub.client.get(`/api/v1/payments/${payment.id}`)).json().status).toBe('succeeded');
    expect(await balanceOf(sub.ledgerAccountId)).toBe(500_00n);
  });

  it('PAY-01 the hosted page refuses a bad card number, a past expiry and a forged form', async () => {
    const sub = await subscriber();
    const { confirmationUrl } = await started(sub.client, { lineId: sub.lineId, amount: 500_00 });
    const bad = await t.app.inject({
      method: 'POST',
      url: confirmationUrl,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'card_number=4242424242424241&expiry=01/20&cvc=1&form_token=forged',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('sandbox-number-error');
    expect(bad.body).toContain('sandbox-expiry-error');
    expect(bad.body).toContain('sandbox-form-error');
    expect(bad.headers['content-security-policy']).toContain("script-src 'self'");
  });

  // Last in the file: it replays what every test before it had the cabinet accept.
  it('PAY-01 replaying every webhook of this run ten times changes no balance and no payment', async () => {
    const bodies = [...accepted];
    expect(bodies.length).toBeGreaterThanOrEqual(10);
    const state = async () => ({
      balances: await t.db.selectFrom('ledger_accounts').select(['id', 'balance']).orderBy('id').execute(),
      payments: await t.db.selectFrom('payments').select(['id', 'status']).orderBy('id').execute(),
      transfers: (await t.db.selectFrom('ledger_transfers').select('id').execute()).length,
    });
    const before = await state();
    for (let round = 0; round < 10; round++) {
      const replies = await Promise.all(bodies.map((body) => sendWebhook(body)));
      expect(replies.map((r) => r.statusCode)).toEqual(bodies.map(() => 200));
      for (const reply of replies) expect(reply.json().outcome).not.toBe('credited');
    }
    expect(await state()).toEqual(before);
    expect((await verifyLedger(t.db)).mismatches).toEqual([]);
  });
});
