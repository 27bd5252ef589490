import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AcquirerTimeoutError, WebhookRejectedError } from './acquirer.ts';
import { createAcquirer } from './create-acquirer.ts';
import { SandboxAcquirer } from './sandbox-acquirer.ts';
import { YooKassaAcquirer } from './yookassa-acquirer.ts';
import { YooKassaApiError } from './yookassa-client.ts';
import { loadFixture, YooKassaFixtureServer } from './yookassa-fixture-server.ts';

const SHOP = { shopId: '123456', secretKey: 'test_Fh8hUAVVBGUGbjmlzba6TB0iyUbos_lueTHE-axOwM0' };
const BASIC = `Basic ${Buffer.from(`${SHOP.shopId}:${SHOP.secretKey}`).toString('base64')}`;
const RETURN_URL = 'https://kabinet.example/pay/result?payment=pay_01jexamplefixture0000000000';
const DESCRIPTION = 'Пополнение +7 916 123-45-67 · Top-up of +7 916 123-45-67: 500.00 ₽';

let server: YooKassaFixtureServer;
let yookassa: YooKassaAcquirer;
beforeAll(async () => {
  server = await YooKassaFixtureServer.start();
  yookassa = new YooKassaAcquirer({ ...SHOP, apiUrl: server.apiUrl, timeoutMs: 300 });
});
afterEach(() => {
  expect(server.unexpected).toEqual([]);
  server.reset();
});
afterAll(async () => {
  await server.close();
});

/** The one request the adapter sent, checked against the fixture's `request`. */
function expectSent(fixtureName: string) {
  const { request } = loadFixture(fixtureName);
  expect(server.sent).toHaveLength(1);
  const sent = server.sent[0];
  expect(sent?.method).toBe(request.method);
  expect(sent?.path).toBe(request.path);
  expect(sent?.headers.authorization).toBe(BASIC);
  expect(sent?.headers['idempotence-key']).toBe(request.idempotenceKey);
  if (request.body) {
    expect(sent?.headers['content-type']).toBe('application/json');
    expect(sent?.body).toEqual(request.body);
  }
}

describe('the YooKassa adapter against recorded fixtures', () => {
  it('PAY-01 creates a redirect payment: Basic auth, our payment id as Idempotence-Key, amount as "500.00"', async () => {
    const fixture = loadFixture('create-payment');
    server.serve(fixture);
    const created = await yookassa.createPayment({
      paymentId: 'pay_01jexamplefixture0000000000',
      amount: 500_00n,
      description: DESCRIPTION,
      returnUrl: RETURN_URL,
      saveCard: false,
    });
    expect(created).toEqual({
      externalId: '2ebe2c5c-000f-5000-8000-1d6a1f0b9c3e',
      confirmationUrl:
        'https://yoomoney.ru/checkout/payments/v2/contract?orderId=2ebe2c5c-000f-5000-8000-1d6a1f0b9c3e',
    });
    expectSent('create-payment');
    expect(yookassa).toMatchObject({ name: 'yookassa', test: false });
  });

  it('PAY-04 asks YooKassa to save the card when the payer ticks it', async () => {
    server.serve(loadFixture('create-payment-save-card'));
    await yookassa.createPayment({
      paymentId: 'pay_01jexamplefixture0000000000',
      amount: 500_00n,
      description: DESCRIPTION,
      returnUrl: RETURN_URL,
      saveCard: true,
    });
    expectSent('create-payment-save-card');
  });

  it('PAY-01 cuts a long description to YooKassa’s 128 characters without splitting a letter', async () => {
    const fixture = loadFixture('create-payment');
    server.serve(fixture);
    await yookassa.createPayment({
      paymentId: 'pay_01jexamplefixture0000000000',
      amount: 500_00n,
      description: 'Ж'.repeat(200),
      returnUrl: RETURN_URL,
      saveCard: false,
    });
    expect(server.sent[0]?.body).toMatchObject({ description: 'Ж'.repeat(128) });
  });

  it('PAY-01 fetches a payment by id: succeeded with the card, canceled with the reason', async () => {
    server.serve(loadFixture('get-payment-succeeded'));
    const state = await yookassa.fetchPayment('2ebe2c5c-000f-5000-8000-1d6a1f0b9c3e');
    expect(state).toEqual({
      externalId: '2ebe2c5c-000f-5000-8000-1d6a1f0b9c3e',
      status: 'succeeded',
      amount: 500_00n,
      paidWith: { last4: '4444', brand: 'mastercard' },
    });
    expectSent('get-payment-succeeded');
    server.reset();
    server.serve(loadFixture('get-payment-canceled'));
    expect(await yookassa.fetchPayment('2ebe2c5c-000f-5000-8000-1d6a1f0b9c3e')).toMatchObject({
      status: 'failed',
      failureReason: 'insufficient_funds',
    });
  });

  it('PAY-04 charges a saved card by payment_method_id, without a confirmation page', async () => {
    server.serve(loadFixture('charge-saved-card'));
    const state = await yookassa.chargeToken({
      paymentId: 'pay_01jexampleautopay0000000000',
      amount: 300_00n,
      token: '2ebe2d11-000f-5000-9000-15b2c9a6f7e1',
      description: 'Автоплатёж / Autopay pay_01jexampleautopay0000000000',
    });
    expect(state).toMatchObject({
      externalId: '2ebe2e42-000f-5000-a000-1c7e5d3b8a90',
      status: 'succeeded',
      amount: 300_00n,
    });
    expectSent('charge-saved-card');
    expect(server.sent[0]?.body).not.toHaveProperty('confirmation');
  });

  it('PAY-04 a revoked autopay permission fails the charge with YooKassa’s reason', async () => {
    server.serve(loadFixture('charge-saved-card-canceled'));
    const state = await yookassa.chargeToken({
      paymentId: 'pay_01jexampleautopay0000000000',
      amount: 300_00n,
      token: '2ebe2d11-000f-5000-9000-15b2c9a6f7e1',
      description: 'Автоплатёж / Autopay pay_01jexampleautopay0000000000',
    });
    expect(state).toMatchObject({ status: 'failed', failureReason: 'permission_revoked' });
  });

  it('PAY-04 a saved card YooKassa refuses fails the charge (invalid_token); our credentials refused still throw', async () => {
    const input = {
      paymentId: 'pay_01jexampleautopay0000000000',
      amount: 300_00n,
      token: 'unknown-payment-method',
      description: 'Автоплатёж / Autopay pay_01jexampleautopay0000000000',
    };
    server.on('POST', '/payments', {
      status: 400,
      body: {
        type: 'error',
        code: 'invalid_request',
        description: 'Payment method not found',
        parameter: 'payment_method_id',
      },
    });
    expect(await yookassa.chargeToken(input)).toEqual({
      externalId: '',
      status: 'failed',
      amount: 300_00n,
      failureReason: 'invalid_token',
    });
    server.on('POST', '/payments', {
      status: 401,
      body: { type: 'error', code: 'invalid_credentials', description: 'Bad credentials' },
    });
    await expect(yookassa.chargeToken(input)).rejects.toMatchObject({
      status: 401,
      code: 'invalid_credentials',
    });
  });

  it('PAY-04 an undecided charge is looked up by GET (a replayed POST answers its first, frozen response)', async () => {
    const pending = loadFixture('charge-saved-card-pending');
    const decided = loadFixture('charge-saved-card');
    server.serve(pending);
    const id = pending.response.body.id as string;
    let gets = 0;
    server.on('GET', `/payments/${id}`, () => {
      gets += 1;
      return gets === 1 ? pending.response : decided.response;
    });
    const input = {
      paymentId: 'pay_01jexampleautopay0000000000',
      amount: 300_00n,
      token: '2ebe2d11-000f-5000-9000-15b2c9a6f7e1',
      description: 'Автоплатёж / Autopay pay_01jexampleautopay0000000000',
    };
    // Still pending at YooKassa: a timeout to the caller (autopay asks again later under the same payment id).
    await expect(yookassa.chargeToken(input)).rejects.toBeInstanceOf(AcquirerTimeoutError);
    // Asked again: the POST replays "pending", the GET shows the decision.
    expect(await yookassa.chargeToken(input)).toMatchObject({ status: 'succeeded', amount: 300_00n });
    expect(server.sent.map((s) => `${s.method} ${s.path}`)).toEqual([
      'POST /payments',
      `GET /payments/${id}`,
      'POST /payments',
      `GET /payments/${id}`,
    ]);
    expect(
      new Set(server.sent.filter((s) => s.method === 'POST').map((s) => s.headers['idempotence-key'])),
    ).toEqual(new Set(['pay_01jexampleautopay0000000000']));
  });

  it('PAY-01 a YooKassa that does not answer in time, answers 5xx, 429 or 202 is a timeout', async () => {
    const fetch = () => yookassa.fetchPayment('2ebe2c5c-000f-5000-8000-1d6a1f0b9c3e');
    const path = '/payments/2ebe2c5c-000f-5000-8000-1d6a1f0b9c3e';
    server.on('GET', path, 'hang');
    await expect(fetch()).rejects.toBeInstanceOf(AcquirerTimeoutError);
    for (const status of [500, 502, 503, 429]) {
      server.on('GET', path, { status, body: { type: 'error', code: 'internal_server_error' } });
      await expect(fetch(), String(status)).rejects.toBeInstanceOf(AcquirerTimeoutError);
    }
    server.serve(loadFixture('processing-202'));
    await expect(
      yookassa.createPayment({
        paymentId: 'pay_01jexamplefixture0000000000',
        amount: 500_00n,
        description: DESCRIPTION,
        returnUrl: RETURN_URL,
        saveCard: false,
      }),
    ).rejects.toBeInstanceOf(AcquirerTimeoutError);
    // Nobody listening at all.
    const closed = await YooKassaFixtureServer.start();
    await closed.close();
    const nowhere = new YooKassaAcquirer({ ...SHOP, apiUrl: closed.apiUrl, timeoutMs: 300 });
    await expect(nowhere.fetchPayment('x')).rejects.toBeInstanceOf(AcquirerTimeoutError);
  });

  it('PAY-01 a refused request is a clear error naming YooKassa’s code and field, never the secret key', async () => {
    server.serve(loadFixture('error-invalid-request'));
    const err = await yookassa
      .createPayment({
        paymentId: 'pay_01jexamplefixture0000000000',
        amount: 500_00n,
        description: DESCRIPTION,
        returnUrl: RETURN_URL,
        saveCard: false,
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(YooKassaApiError);
    expect((err as Error).message).toBe(
      'YooKassa refused createPayment: 400 invalid_request — Invalid amount value (parameter amount.value)',
    );
    server.serve(loadFixture('error-invalid-credentials'));
    const denied = await yookassa
      .fetchPayment('2ebe2c5c-000f-5000-8000-1d6a1f0b9c3e')
      .catch((e: unknown) => e);
    expect(denied).toMatchObject({ status: 401, code: 'invalid_credentials' });
    expect((denied as Error).message).not.toContain(SHOP.secretKey);
  });
});

describe('YooKassa notifications', () => {
  const notification = () =>
    loadFixture('notification-payment-succeeded').request.body as Record<string, unknown>;
  const now = new Date();

  it('PAY-01 re-fetches the payment and answers what the API says, keyed by that state', async () => {
    server.serve(loadFixture('get-payment-succeeded'));
    const read = await yookassa.readNotification(JSON.stringify(notification()), {}, now);
    expect(read).toEqual({
      eventId: 'payment.succeeded:2ebe2c5c-000f-5000-8000-1d6a1f0b9c3e',
      type: 'payment.succeeded',
      paymentId: 'pay_01jexamplefixture0000000000',
      state: {
        externalId: '2ebe2c5c-000f-5000-8000-1d6a1f0b9c3e',
        status: 'succeeded',
        amount: 500_00n,
        paidWith: { last4: '4444', brand: 'mastercard' },
      },
    });
    expectSent('get-payment-succeeded');
  });

  it('PAY-01 never trusts the body: "succeeded" with a bigger amount reads as the API’s pending 500 ₽', async () => {
    server.serve(loadFixture('get-payment-pending'));
    const forged = notification();
    (forged.object as Record<string, unknown>).amount = { value: '15000.00', currency: 'RUB' };
    const read = await yookassa.readNotification(JSON.stringify(forged), {}, now);
    expect(read.state).toMatchObject({ status: 'pending', amount: 500_00n });
    expect(read.eventId).toBe('payment.pending:2ebe2c5c-000f-5000-8000-1d6a1f0b9c3e');
  });

  it('PAY-01 rejects malformed notifications without calling YooKassa', async () => {
    const bodies = [
      'not json',
      '{}',
      JSON.stringify({ ...notification(), type: 'payment' }),
      JSON.stringify({ ...notification(), event: 'refund.succeeded' }),
      JSON.stringify({ ...notification(), object: { id: '../webhooks' } }),
      JSON.stringify({ ...notification(), object: null }),
    ];
    for (const body of bodies) {
      await expect(yookassa.readNotification(body, {}, now), body).rejects.toEqual(
        new WebhookRejectedError('malformed'),
      );
    }
    expect(server.sent).toEqual([]);
  });

  it('PAY-01 a notification about a payment this shop does not have, or not made by the cabinet, is malformed', async () => {
    server.serve(loadFixture('error-not-found'));
    await expect(yookassa.readNotification(JSON.stringify(notification()), {}, now)).rejects.toEqual(
      new WebhookRejectedError('malformed'),
    );
    server.reset();
    const foreign = loadFixture('get-payment-succeeded');
    foreign.response.body.metadata = {};
    server.serve(foreign);
    await expect(yookassa.readNotification(JSON.stringify(notification()), {}, now)).rejects.toEqual(
      new WebhookRejectedError('malformed'),
    );
  });

  it('PAY-01 with the sender check on, refuses a sender outside YooKassa’s ranges (or unknown) before any call', async () => {
    const checking = new YooKassaAcquirer({
      ...SHOP,
      apiUrl: server.apiUrl,
      timeoutMs: 300,
      checkSender: true,
    });
    for (const sender of [{ ip: '203.0.113.9' }, {}]) {
      await expect(
        checking.readNotification(JSON.stringify(notification()), {}, now, sender),
      ).rejects.toEqual(new WebhookRejectedError('bad_signature'));
    }
    expect(server.sent).toEqual([]);
    server.serve(loadFixture('get-payment-succeeded'));
    const read = await checking.readNotification(JSON.stringify(notification()), {}, now, {
      ip: '185.71.76.10',
    });
    expect(read.state.status).toBe('succeeded');
    // Off (the default): the address is not looked at; the re-fetch alone decides.
    const open = await yookassa.readNotification(JSON.stringify(notification()), {}, now, {
      ip: '203.0.113.9',
    });
    expect(open.state.status).toBe('succeeded');
  });

  it('PAY-01 a YooKassa that times out during the re-fetch is a timeout (the route answers 5xx; YooKassa retries)', async () => {
    server.on('GET', '/payments/2ebe2c5c-000f-5000-8000-1d6a1f0b9c3e', 'hang');
    await expect(yookassa.readNotification(JSON.stringify(notification()), {}, now)).rejects.toBeInstanceOf(
      AcquirerTimeoutError,
    );
  });
});

describe('choosing the acquirer', () => {
  it('PAY-01 the sandbox stays the default; yookassa is chosen by settings and needs its credentials', () => {
    expect(createAcquirer('s'.repeat(32))).toBeInstanceOf(SandboxAcquirer);
    expect(createAcquirer('s'.repeat(32), { kind: 'yookassa', yookassa: SHOP })).toBeInstanceOf(
      YooKassaAcquirer,
    );
    expect(() => createAcquirer('s'.repeat(32), { kind: 'yookassa' })).toThrow(/shop id and secret key/);
  });
});
