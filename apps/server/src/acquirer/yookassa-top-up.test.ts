import { verifyLedger } from '@kabinet/db';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reconcilePendingPayments } from '../payments/reconcile-job.ts';
import { ledgerBalance, paymentTransferCount, subscriberWithClient } from '../test/access-helpers.ts';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import type { TestClient } from '../test/http-client.ts';
import { YOOKASSA_WEBHOOK_PATH, YooKassaAcquirer } from './yookassa-acquirer.ts';
import { loadFixture, type SentRequest, YooKassaFixtureServer } from './yookassa-fixture-server.ts';

/**
 * API tests of card top-ups through the real app with the YooKassa adapter, pointed at a loopback server that
 * answers from the recorded fixtures like a YooKassa shop: each created payment gets its own id, and a test moves
 * it (pending → succeeded or canceled) by choosing which fixture `GET /payments/{id}` answers.
 */

const SHOP = { shopId: '123456', secretKey: 'test_Fh8hUAVVBGUGbjmlzba6TB0iyUbos_lueTHE-axOwM0' };
const BASIC = `Basic ${Buffer.from(`${SHOP.shopId}:${SHOP.secretKey}`).toString('base64')}`;

let server: YooKassaFixtureServer;
let t: TestApp;
let keyCounter = 0;
/** The shop's payments: YooKassa id → our payment id and the amount object we sent. */
const shop = new Map<string, { paymentId: string; amount: unknown }>();

beforeAll(async () => {
  server = await YooKassaFixtureServer.start();
  t = await createTestApp({
    acquirer: new YooKassaAcquirer({ ...SHOP, apiUrl: server.apiUrl, timeoutMs: 300 }),
  });
});
afterEach(() => {
  expect(server.unexpected).toEqual([]);
  server.reset();
});
afterAll(async () => {
  await t?.close();
  await server.close();
});

/** A YooKassa answer about one of the shop's payments: the fixture with that payment's id, amount and metadata. */
function answerOf(fixtureName: string, id: string) {
  const { response } = loadFixture(fixtureName);
  const known = shop.get(id);
  response.body.id = id;
  if (known) {
    response.body.amount = known.amount;
    response.body.metadata = { payment_id: known.paymentId };
  }
  const confirmation = response.body.confirmation as { confirmation_url: string } | undefined;
  if (confirmation)
    confirmation.confirmation_url = `https://yoomoney.ru/checkout/payments/v2/contract?orderId=${id}`;
  return response;
}

/** Plays the shop: `POST /payments` creates a pending payment, and `GET` answers it as `moveTo` last set. */
function openShop() {
  server.on('POST', '/payments', (request: SentRequest) => {
    const body = request.body as { amount: unknown; metadata: { payment_id: string } };
    const id = `2ebe2c5c-000f-5000-8000-${String(shop.size + 1).padStart(12, '0')}`;
    shop.set(id, { paymentId: body.metadata.payment_id, amount: body.amount });
    moveTo(id, 'get-payment-pending');
    return answerOf('create-payment', id);
  });
}

function moveTo(id: string, fixtureName: string) {
  server.on('GET', `/payments/${id}`, answerOf(fixtureName, id));
}

/** The notification YooKassa would POST about a payment, with whatever status the body claims. */
function notificationAbout(id: string, event = 'payment.succeeded') {
  const body = loadFixture('notification-payment-succeeded').request.body as {
    event: string;
    object: Record<string, unknown>;
  };
  body.event = event;
  body.object = { ...answerOf('get-payment-succeeded', id).body };
  return JSON.stringify(body);
}

function notify(body: string) {
  return t.app.inject({
    method: 'POST',
    url: YOOKASSA_WEBHOOK_PATH,
    headers: { 'content-type': 'application/json' },
    payload: body,
  });
}

const subscriber = (balance = 0n) => subscriberWithClient(t, balance);
const balanceOf = (ledgerAccountId: string) => ledgerBalance(t, ledgerAccountId);

function startTopUp(client: TestClient, body: Record<string, unknown>) {
  return client.post('/api/v1/payments/card', body, { 'idempotency-key': `yookassa-topup-${++keyCounter}` });
}

async function started(client: TestClient, body: Record<string, unknown>) {
  const res = await startTopUp(client, body);
  expect(res.statusCode, res.body).toBe(201);
  const json = res.json<{ payment: { id: string; status: string }; confirmationUrl: string }>();
  const externalId = [...shop].find(([, p]) => p.paymentId === json.payment.id)?.[0];
  if (!externalId) throw new Error('the fixture shop did not see the payment');
  return { ...json, externalId };
}

describe('card top-ups through YooKassa (fixture server)', () => {
  it('PAY-01 tops up own line: YooKassa’s page, a re-fetched notification credits once, ten replays change nothing', async () => {
    openShop();
    const sub = await subscriber(50_00n);
    const res = await startTopUp(sub.client, { lineId: sub.lineId, amount: 500_00 });
    expect(res.statusCode, res.body).toBe(201);
    const { payment, confirmationUrl } = res.json<{
      payment: { id: string; status: string; acquirer: unknown };
      confirmationUrl: string;
    }>();
    expect(payment).toMatchObject({ status: 'pending', acquirer: { name: 'yookassa', test: false } });
    const [externalId] = [...shop.keys()].slice(-1);
    expect(confirmationUrl).toBe(`https://yoomoney.ru/checkout/payments/v2/contract?orderId=${externalId}`);

    // What the cabinet asked YooKassa for.
    const create = server.sent[0];
    expect(create?.headers.authorization).toBe(BASIC);
    expect(create?.headers['idempotence-key']).toBe(payment.id);
    expect(create?.body).toMatchObject({
      amount: { value: '500.00', currency: 'RUB' },
      capture: true,
      confirmation: { type: 'redirect' },
      metadata: { payment_id: payment.id },
    });
    const sentBody = create?.body as { confirmation: { return_url: string }; description: string };
    expect(sentBody.confirmation.return_url).toMatch(new RegExp(`/pay/result\\?payment=${payment.id}$`));
    expect(Array.from(sentBody.description).length).toBeLessThanOrEqual(128);
    expect(create?.body).not.toHaveProperty('save_payment_method');
    expect(await balanceOf(sub.ledgerAccountId)).toBe(50_00n);

    moveTo(externalId as string, 'get-payment-succeeded');
    const body = notificationAbout(externalId as string);
    const first = await notify(body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ received: true, duplicate: false, outcome: 'credited' });
    expect(server.sent.map((s) => `${s.method} ${s.path}`)).toEqual([
      'POST /payments',
      `GET /payments/${externalId}`,
    ]);
    expect(await balanceOf(sub.ledgerAccountId)).toBe(550_00n);
    expect((await sub.client.get(`/api/v1/payments/${payment.id}`)).json()).toMatchObject({
      status: 'succeeded',
      amount: 500_00,
      card: { last4: '4444', brand: 'mastercard' },
      acquirer: { name: 'yookassa', test: false },
    });

    const replies = [];
    for (let i = 0; i < 10; i++) replies.push(await notify(body));
    expect(replies.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    expect(replies.every((r) => r.json().duplicate === true)).toBe(true);
    await Promise.all(Array.from({ length: 10 }, () => notify(body)));
    expect(await balanceOf(sub.ledgerAccountId)).toBe(550_00n);
    expect(await paymentTransferCount(t, payment.id)).toBe(1);
    expect((await verifyLedger(t.db)).mismatches).toEqual([]);
  });

  it('PAY-01 a notification whose body says succeeded while YooKassa says pending credits nothing; the real one later does', async () => {
    openShop();
    const sub = await subscriber();
    const { payment, externalId } = await started(sub.client, { lineId: sub.lineId, amount: 300_00 });
    const claim = notificationAbout(externalId);
    expect(JSON.parse(claim).object.status).toBe('succeeded');

    const early = await notify(claim);
    expect(early.statusCode).toBe(200);
    expect(early.json()).toMatchObject({ duplicate: false, outcome: 'unchanged' });
    expect(await balanceOf(sub.ledgerAccountId)).toBe(0n);
    expect((await sub.client.get(`/api/v1/payments/${payment.id}`)).json().status).toBe('pending');

    // The payer pays: the same notification now re-fetches "succeeded" and is not taken for a duplicate.
    moveTo(externalId, 'get-payment-succeeded');
    expect((await notify(claim)).json()).toMatchObject({ duplicate: false, outcome: 'credited' });
    expect((await notify(claim)).json()).toMatchObject({ duplicate: true });
    expect(await balanceOf(sub.ledgerAccountId)).toBe(300_00n);
  });

  it('PAY-01 a canceled payment fails with YooKassa’s reason and credits nothing', async () => {
    openShop();
    const sub = await subscriber(10_00n);
    const { payment, externalId } = await started(sub.client, { lineId: sub.lineId, amount: 100_00 });
    moveTo(externalId, 'get-payment-canceled');
    // Even a body claiming success reads as what YooKassa shows.
    expect((await notify(notificationAbout(externalId))).json()).toMatchObject({ outcome: 'failed' });
    expect((await sub.client.get(`/api/v1/payments/${payment.id}`)).json()).toMatchObject({
      status: 'failed',
      failureReason: 'insufficient_funds',
    });
    expect(await balanceOf(sub.ledgerAccountId)).toBe(10_00n);
  });

  it('PAY-02 tops up another subscriber’s number through YooKassa', async () => {
    openShop();
    const payer = await subscriber();
    const other = await buildSubscriber(t.db, { balance: 0n });
    const { externalId } = await started(payer.client, { msisdn: other.msisdn, amount: 200_00 });
    moveTo(externalId, 'get-payment-succeeded');
    expect((await notify(notificationAbout(externalId))).json()).toMatchObject({ outcome: 'credited' });
    expect(await balanceOf(other.ledgerAccountId)).toBe(200_00n);
    expect(await balanceOf(payer.ledgerAccountId)).toBe(0n);
  });

  it('PAY-04 a top-up with saveCard asks YooKassa to save it and keeps the payment method id as the token', async () => {
    openShop();
    const sub = await subscriber();
    const { externalId } = await started(sub.client, { lineId: sub.lineId, amount: 500_00, saveCard: true });
    expect(server.sent[0]?.body).toMatchObject({ save_payment_method: true });
    moveTo(externalId, 'get-payment-succeeded-saved');
    expect((await notify(notificationAbout(externalId))).json()).toMatchObject({ outcome: 'credited' });
    const cards = await t.db
      .selectFrom('saved_cards')
      .select(['acquirer', 'token', 'last4', 'brand', 'expires'])
      .where('account_id', '=', sub.accountId)
      .execute();
    expect(cards).toEqual([
      {
        acquirer: 'yookassa',
        token: '2ebe2d11-000f-5000-9000-15b2c9a6f7e1',
        last4: '4444',
        brand: 'mastercard',
        expires: '07/31',
      },
    ]);
  });

  it('PAY-01 YooKassa timing out on create answers 503 and writes nothing', async () => {
    server.on('POST', '/payments', 'hang');
    const sub = await subscriber();
    const res = await startTopUp(sub.client, { lineId: sub.lineId, amount: 500_00 });
    expect(res.statusCode).toBe(503);
    expect(res.json().code).toBe('acquirer_unavailable');
    expect(
      await t.db.selectFrom('payments').select('id').where('line_id', '=', sub.lineId).execute(),
    ).toEqual([]);
    const journal = await t.db
      .selectFrom('journal')
      .select('action')
      .where('login_id', '=', sub.loginId as string)
      .where('action', 'like', 'payment.%')
      .execute();
    expect(journal).toEqual([]);
  });

  it('PAY-01 YooKassa timing out on the re-fetch records nothing, so its redelivery still credits', async () => {
    openShop();
    const sub = await subscriber();
    const { externalId } = await started(sub.client, { lineId: sub.lineId, amount: 150_00 });
    server.on('GET', `/payments/${externalId}`, 'hang');
    const body = notificationAbout(externalId);
    const res = await notify(body);
    expect(res.statusCode).toBeGreaterThanOrEqual(500); // not 2xx: YooKassa delivers it again
    const seen = await t.db
      .selectFrom('acquirer_webhook_events')
      .select('event_id')
      .where('event_id', 'like', `%${externalId}`)
      .execute();
    expect(seen).toEqual([]);
    moveTo(externalId, 'get-payment-succeeded');
    expect((await notify(body)).json()).toMatchObject({ outcome: 'credited' });
    expect(await balanceOf(sub.ledgerAccountId)).toBe(150_00n);
  });

  it('PAY-01 reconciliation looks a payment up at YooKassa when no notification came', async () => {
    openShop();
    const sub = await subscriber();
    const { payment, externalId } = await started(sub.client, { lineId: sub.lineId, amount: 250_00 });
    moveTo(externalId, 'get-payment-succeeded');
    t.clock.advance(3 * 60_000);
    const deps = { db: t.db, acquirer: t.ctx.acquirer, now: t.clock.now, timeZone: 'Europe/Moscow' };
    expect(await reconcilePendingPayments(deps)).toBe(1);
    expect((await sub.client.get(`/api/v1/payments/${payment.id}`)).json().status).toBe('succeeded');
    expect(await balanceOf(sub.ledgerAccountId)).toBe(250_00n);
  });

  it('PAY-01 with KABINET_YOOKASSA_CHECK_SENDER on, a notification from outside YooKassa’s addresses is 401 and credits nothing', async () => {
    const acquirer = t.ctx.acquirer as YooKassaAcquirer;
    acquirer.checkSender = true;
    try {
      // Fastify's inject comes from 127.0.0.1: not one of YooKassa's addresses.
      const res = await notify(
        JSON.stringify({
          type: 'notification',
          event: 'payment.succeeded',
          object: { id: '2ebe2c5c-000f-5000-8000-1d6a1f0b9c3e' },
        }),
      );
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('webhook_signature_invalid');
      expect(server.sent).toEqual([]);
    } finally {
      acquirer.checkSender = false;
    }
  });

  it('PAY-01 refuses malformed notifications with 400 and records nothing', async () => {
    for (const payload of ['not json', '{"type":"notification","event":"payment.succeeded","object":{}}']) {
      const res = await notify(payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('webhook_malformed');
    }
    expect(server.sent).toEqual([]);
  });
});
