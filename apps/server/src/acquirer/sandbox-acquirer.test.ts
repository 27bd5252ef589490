import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { verifyWebhook, WEBHOOK_SIGNATURE_HEADER } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { hmac } from '../auth/secrets.ts';
import { subscriberWithClient } from '../test/access-helpers.ts';
import { createTestApp, TEST_SECRET, type TestApp } from '../test/harness.ts';
import { SANDBOX_PAGE_TTL_MS, SANDBOX_WEBHOOK_PATH, SandboxAcquirer } from './sandbox-acquirer.ts';

const SECRET = 'whsec_sandbox_delivery_test';
const NOW = new Date('2026-03-01T10:00:00Z');

/** A webhook receiver: records each request (body, headers, which connection) and answers with `answer`. */
async function receiver(answer: (req: IncomingMessage, res: ServerResponse) => void) {
  const requests: Array<{ body: string; headers: IncomingMessage['headers']; connection: number }> = [];
  const connections: Array<{ socket: Socket; closed: Promise<unknown> }> = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({
        body: Buffer.concat(chunks).toString(),
        headers: req.headers,
        connection: connections.findIndex((c) => c.socket === req.socket),
      });
      answer(req, res);
    });
  });
  server.on('connection', (socket: Socket) => connections.push({ socket, closed: once(socket, 'close') }));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return { server, url, requests, connections };
}

function sandboxTo(webhookUrl: string) {
  const sandbox = new SandboxAcquirer({ webhookSecret: SECRET, webhookUrl });
  sandbox.attach({
    db: null as unknown as Db, // delivery never reads the database
    now: () => NOW,
    origin: () => null,
    inject: async () => {
      throw new Error('a webhook URL is configured: no inject');
    },
  });
  return sandbox;
}

const servers: Server[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

describe('sandbox webhook delivery over HTTP', () => {
  it('PAY-01 POSTs the signed body over one kept-alive connection, closed with the acquirer', async () => {
    const hooks = await receiver((_req, res) => res.writeHead(204).end());
    servers.push(hooks.server);
    const sandbox = sandboxTo(hooks.url);
    const body = JSON.stringify({ id: 'whe_1', type: 'payment.succeeded' });

    expect(await sandbox.deliver(body, 0)).toBe(true);
    expect(await sandbox.deliver(body, 0)).toBe(true);

    expect(hooks.requests.map((r) => r.connection)).toEqual([0, 0]);
    expect(hooks.connections).toHaveLength(1);
    for (const request of hooks.requests) {
      expect(request.body).toBe(body);
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['content-length']).toBe(String(Buffer.byteLength(body)));
      const header = request.headers[WEBHOOK_SIGNATURE_HEADER] as string;
      expect(await verifyWebhook(SECRET, header, body, Math.floor(NOW.getTime() / 1000))).toEqual({
        ok: true,
        timestamp: Math.floor(NOW.getTime() / 1000),
      });
    }
    sandbox.close();
    await hooks.connections[0]?.closed; // the pooled connection goes with the acquirer
  });

  it('PAY-01 a non-2xx answer fails the delivery and the webhook is redelivered', async () => {
    let calls = 0;
    const hooks = await receiver((_req, res) => {
      calls += 1;
      res.writeHead(calls === 1 ? 500 : 200, { 'content-type': 'application/json' }).end('{"received":true}');
    });
    servers.push(hooks.server);
    const sandbox = sandboxTo(hooks.url);
    try {
      expect(await sandbox.deliver('{"n":1}', 0)).toBe(false);
      await vi.waitFor(() => expect(hooks.requests).toHaveLength(2), { timeout: 3_000 }); // after 1 s
      expect(hooks.requests[1]?.body).toBe('{"n":1}');
    } finally {
      sandbox.close();
    }
  });

  it('PAY-01 an unreachable receiver or one silent for 5 s fails the delivery (the request is aborted)', async () => {
    const closed = await receiver(() => {});
    closed.server.close();
    await once(closed.server, 'close');
    const unreachable = sandboxTo(closed.url);
    expect(await unreachable.deliver('{}', 99)).toBe(false);
    unreachable.close();

    const silent = await receiver(() => {}); // never answers
    servers.push(silent.server);
    const sandbox = sandboxTo(silent.url);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const arrived = once(silent.server, 'request'); // not vi.waitFor: it would move the fake clock
    const delivered = sandbox.deliver('{}', 99);
    await arrived;
    vi.advanceTimersByTime(4_999);
    let settled = false;
    void delivered.then(() => {
      settled = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    vi.advanceTimersByTime(1);
    expect(await delivered).toBe(false);
    await silent.connections[0]?.closed; // aborted, not left open
    sandbox.close();
  });
});

describe('sandbox hosted page', () => {
  let t: TestApp;
  let sandbox: SandboxAcquirer;
  const formToken = (id: string) => hmac(TEST_SECRET, 'sandbox-acquirer-form', id).toString('base64url');
  const form = (id: string, card = '4242424242424242') =>
    new URLSearchParams({
      card_number: card,
      expiry: '12/39',
      cvc: '123',
      form_token: formToken(id),
    }).toString();
  const post = (url: string, payload: string) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload,
    });

  beforeAll(async () => {
    t = await createTestApp();
    if (!(t.ctx.acquirer instanceof SandboxAcquirer)) throw new Error('the test app should use the sandbox');
    sandbox = t.ctx.acquirer;
    // Listening: webhooks go over HTTP to the app's own address, as in production.
    await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function started() {
    const sub = await subscriberWithClient(t);
    const res = await sub.client.post(
      '/api/v1/payments/card',
      { lineId: sub.lineId, amount: 300_00 },
      { 'idempotency-key': `sandbox-test-${Math.random()}` },
    );
    expect(res.statusCode, res.body).toBe(201);
    const { payment, confirmationUrl } = res.json<{ payment: { id: string }; confirmationUrl: string }>();
    const id = confirmationUrl.split('/').pop() as string;
    return { sub, paymentId: payment.id, confirmationUrl, id };
  }

  it('PAY-01 paying on the page sends the webhook over HTTP to the app, which credits before the redirect', async () => {
    const seen: string[] = [];
    const onRequest = (req: IncomingMessage) => seen.push(`${req.method} ${req.url}`);
    t.app.server.on('request', onRequest);
    try {
      const { sub, paymentId, confirmationUrl } = await started();
      const back = await post(confirmationUrl, form(confirmationUrl.split('/').pop() as string));
      expect(back.statusCode).toBe(303);
      expect(back.headers.location).toMatch(new RegExp(`/pay/result\\?payment=${paymentId}$`));
      expect(seen).toEqual([`POST ${SANDBOX_WEBHOOK_PATH}`]);
      expect((await sub.client.get(`/api/v1/payments/${paymentId}`)).json()).toMatchObject({
        status: 'succeeded',
        card: { last4: '4242', brand: 'visa' },
      });
      // The form sent again on the paid payment goes back to the shop and sends nothing.
      const again = await post(confirmationUrl, form(confirmationUrl.split('/').pop() as string));
      expect(again.statusCode).toBe(303);
      expect(seen).toHaveLength(1);
    } finally {
      t.app.server.off('request', onRequest);
    }
  });

  it('PAY-01 a card entered on a page past its 15 minutes fails it as expired: no card, no webhook', async () => {
    const { sub, paymentId, confirmationUrl, id } = await started();
    const deliver = vi.spyOn(sandbox, 'deliver');
    try {
      t.clock.advance(SANDBOX_PAGE_TTL_MS + 1);
      const back = await post(confirmationUrl, form(id));
      expect(back.statusCode).toBe(303);
      expect(back.headers.location).toMatch(new RegExp(`/pay/result\\?payment=${paymentId}$`));
      expect(deliver).not.toHaveBeenCalled();
    } finally {
      deliver.mockRestore();
    }
    const row = await t.db
      .selectFrom('sandbox_acquirer_payments')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', failure_reason: 'expired', card_kind: null });
    expect((await sub.client.get(`/api/v1/payments/${paymentId}`)).json().status).toBe('pending');
  });

  it('PAY-01 a card form for an unknown payment is 404, valid or not', async () => {
    const url = '/sandbox-acquirer/pay/sbx_nosuchpayment0000';
    expect((await post(url, form('sbx_nosuchpayment0000'))).statusCode).toBe(404);
    expect((await post(url, 'card_number=1&form_token=x')).statusCode).toBe(404);
    const { id } = await started();
    // A refused form shows the payment's page again, with the error.
    const refused = await post(`/sandbox-acquirer/pay/${id}`, form(id, '4242424242424241'));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('sandbox-number-error');
    expect(refused.body).toContain('300');
  });
});
