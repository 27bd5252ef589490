import { formatRubles } from '@kabinet/core';
import { verifyLedger } from '@kabinet/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientWithSession } from '../test/access-helpers.ts';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { loginWithCode, type TestClient } from '../test/http-client.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

let keyCounter = 0;
const newKey = () => `transfer-key-${++keyCounter}`;

async function balanceOf(accountId: string) {
  const row = await t.db
    .selectFrom('billing_accounts as a')
    .innerJoin('ledger_accounts as la', 'la.id', 'a.ledger_account_id')
    .select('la.balance')
    .where('a.id', '=', accountId)
    .executeTakeFirstOrThrow();
  return row.balance;
}

/** The code of the transfer SMS on the virtual phone whose text names this amount (`100,00`). */
async function transferCode(msisdn: string, amountText: string): Promise<string> {
  await t.ctx.outbox.kick();
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/dev/phones/${encodeURIComponent(msisdn)}/messages`,
  });
  const sms = res
    .json<{ messages: Array<{ body: string }> }>()
    .messages.find((m) => m.body.includes('перевод') && m.body.includes(amountText));
  const code = /Код (\d{6})/.exec(sms?.body ?? '')?.[1];
  if (!code) throw new Error(`no transfer code for ${amountText} on ${msisdn}`);
  return code;
}

async function sender(balance: bigint) {
  const sub = await buildSubscriber(t.db, { balance });
  return { sub, client: await loginWithCode(t, sub.msisdn) };
}

function start(client: TestClient, lineId: string, body: Record<string, unknown>, key = newKey()) {
  return client.post(`/api/v1/lines/${lineId}/transfers`, body, { 'idempotency-key': key });
}

function confirm(client: TestClient, lineId: string, transferId: string, code: string, key = newKey()) {
  return client.post(
    `/api/v1/lines/${lineId}/transfers/confirm`,
    { transferId, code },
    { 'idempotency-key': key },
  );
}

/** Starts and confirms a transfer, returning the confirmation. */
async function send(
  client: TestClient,
  from: { lineId: string; msisdn: string },
  phone: string,
  amount: number,
) {
  const started = await start(client, from.lineId, { phone, amount });
  if (started.statusCode !== 201) return started;
  const code = await transferCode(from.msisdn, formatRubles(BigInt(amount)));
  return confirm(client, from.lineId, started.json().id, code);
}

describe('mobile transfers', () => {
  it('PAY-06 sends money with the SMS code: amount to the recipient, fee to service revenue, once', async () => {
    const { sub, client } = await sender(500_00n);
    const friend = await buildSubscriber(t.db, { withLogin: true });
    const body = { phone: friend.msisdn.replace('+7', '8 '), amount: 100_00 };
    const startKey = newKey();
    const started = await start(client, sub.lineId, body, startKey);
    expect(started.statusCode).toBe(201);
    // A double click on "Continue" is one transfer and one SMS.
    const again = await start(client, sub.lineId, body, startKey);
    expect(again.json().id).toBe(started.json().id);
    const sms = await t.db
      .selectFrom('outbox')
      .select('id')
      .where('recipient', '=', sub.msisdn)
      .where('kind', '=', 'transfer.code')
      .execute();
    expect(sms).toHaveLength(1);
    expect(started.json()).toMatchObject({
      id: expect.stringMatching(/^mtr_/),
      phone: friend.msisdn,
      amount: 100_00,
      fee: 6_00,
      total: 106_00,
      status: 'awaiting_code',
      completedAt: null,
    });
    const transferId = started.json().id;
    // Nothing moves before the code.
    expect(await balanceOf(sub.accountId)).toBe(500_00n);
    const code = await transferCode(sub.msisdn, '100,00');
    const key = newKey();
    const done = await confirm(client, sub.lineId, transferId, code, key);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ transfer: { status: 'completed', total: 106_00 }, balance: 394_00 });
    expect(await balanceOf(sub.accountId)).toBe(394_00n);
    expect(await balanceOf(friend.accountId)).toBe(100_00n);

    // A replay with the same key, and a confirmation with a new key, move nothing more.
    const replay = await confirm(client, sub.lineId, transferId, code, key);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(done.json());
    expect((await confirm(client, sub.lineId, transferId, code)).json()).toMatchObject({
      transfer: { status: 'completed' },
      balance: 394_00,
    });
    expect(await balanceOf(sub.accountId)).toBe(394_00n);
    expect(await balanceOf(friend.accountId)).toBe(100_00n);

    const ledger = await t.db
      .selectFrom('ledger_transfers')
      .select(['kind', 'amount', 'credit_account_id'])
      .where('idempotency_key', 'like', `mobile_transfer%:${transferId}`)
      .orderBy('kind')
      .execute();
    expect(ledger).toEqual([
      { kind: 'mobile_transfer', amount: 100_00n, credit_account_id: expect.stringMatching(/^la_/) },
      { kind: 'transfer_fee', amount: 6_00n, credit_account_id: 'la_revenue_services' },
    ]);
    const payment = await t.db
      .selectFrom('payments')
      .select(['source', 'status', 'amount', 'transfer_id'])
      .where('line_id', '=', friend.lineId)
      .executeTakeFirstOrThrow();
    expect(payment).toMatchObject({ source: 'transfer', status: 'succeeded', amount: 100_00n });
    expect(payment.transfer_id).toMatch(/^tr_/);
    const journal = await t.db
      .selectFrom('journal')
      .select(['line_id', 'action'])
      .where('action', 'like', 'transfer.%')
      .where('line_id', 'in', [sub.lineId, friend.lineId])
      .orderBy('at')
      .execute();
    expect(journal).toEqual([
      { line_id: sub.lineId, action: 'transfer.requested' },
      { line_id: sub.lineId, action: 'transfer.sent' },
      { line_id: friend.lineId, action: 'transfer.received' },
    ]);
    const notified = await t.db
      .selectFrom('notifications')
      .select('event')
      .where('line_id', '=', friend.lineId)
      .execute();
    expect(notified.map((n) => n.event)).toContain('top_ups');
    expect((await verifyLedger(t.db)).mismatches).toEqual([]);
  });

  it('PAY-06 counts wrong codes: the third fails the transfer, an expired code too, and no money moves', async () => {
    const { sub, client } = await sender(500_00n);
    const friend = await buildSubscriber(t.db);
    const first = (await start(client, sub.lineId, { phone: friend.msisdn, amount: 50_00 })).json().id;
    const good = await transferCode(sub.msisdn, '50,00');
    const wrong = good === '000000' ? '111111' : '000000';
    for (const left of [2, 1, 0]) {
      const res = await confirm(client, sub.lineId, first, wrong);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({
        code: 'invalid_code',
        attemptsLeft: left,
        errors: [{ field: 'code' }],
      });
    }
    const late = await confirm(client, sub.lineId, first, good);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'transfer_failed' });

    const second = (await start(client, sub.lineId, { phone: friend.msisdn, amount: 60_00 })).json().id;
    const code = await transferCode(sub.msisdn, '60,00');
    t.clock.advance(5 * 60_000 + 1000);
    const expired = await confirm(client, sub.lineId, second, code);
    expect(expired.json()).toMatchObject({ code: 'code_expired' });
    expect(await balanceOf(sub.accountId)).toBe(500_00n);
    expect(await balanceOf(friend.accountId)).toBe(0n);
  });

  it('PAY-06 lists the transfers a line sent, newest first, an expired code as failed, to the sender only', async () => {
    const { sub, client } = await sender(1_000_00n);
    const friend = await buildSubscriber(t.db);
    const done = (await start(client, sub.lineId, { phone: friend.msisdn, amount: 70_00 })).json().id;
    expect(
      (await confirm(client, sub.lineId, done, await transferCode(sub.msisdn, '70,00'))).statusCode,
    ).toBe(200);
    t.clock.advance(1000);
    const waiting = (await start(client, sub.lineId, { phone: friend.msisdn, amount: 80_00 })).json().id;

    const list = async () =>
      (await client.get(`/api/v1/lines/${sub.lineId}/transfers`)).json<{
        transfers: Array<{ id: string; status: string; amount: number; fee: number; phone: string }>;
      }>().transfers;
    expect(await list()).toMatchObject([
      { id: waiting, status: 'awaiting_code', amount: 80_00, fee: 5_80, phone: friend.msisdn },
      { id: done, status: 'completed', amount: 70_00, fee: 5_70, phone: friend.msisdn },
    ]);
    t.clock.advance(5 * 60_000 + 1000);
    expect((await list()).map((x) => x.status)).toEqual(['failed', 'completed']);

    const stranger = await buildSubscriber(t.db, { withLogin: true });
    const { client: other } = await clientWithSession(t, stranger.loginId ?? '', {
      access: 'full',
      method: 'sms_code',
    });
    expect((await other.get(`/api/v1/lines/${sub.lineId}/transfers`)).statusCode).toBe(404);
  });

  it('PAY-06 names the field of a bad recipient or amount and moves nothing', async () => {
    const { sub, client } = await sender(500_00n);
    const friend = await buildSubscriber(t.db);
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ phone: '+7 999 000-00-01', amount: 100_00 }, 'phone', 'unknown_number'],
      [{ phone: 'nobody', amount: 100_00 }, 'phone', 'invalid_phone'],
      [{ phone: sub.msisdn, amount: 100_00 }, 'phone', 'same_number'],
      [{ phone: friend.msisdn, amount: 100_50.5 }, 'amount', 'fractional_kopecks'],
      [{ phone: friend.msisdn, amount: -100_00 }, 'amount', 'negative'],
      [{ phone: friend.msisdn, amount: 9_99 }, 'amount', 'too_small'],
      [{ phone: friend.msisdn, amount: 5_000_01 }, 'amount', 'too_large'],
    ];
    for (const [body, field, code] of cases) {
      const res = await start(client, sub.lineId, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json()).toMatchObject({ errors: [{ field, code }] });
    }
    const transfers = await t.db
      .selectFrom('mobile_transfers')
      .select('id')
      .where('from_line_id', '=', sub.lineId)
      .execute();
    expect(transfers).toEqual([]);
  });

  it('PAY-06 keeps the minimum balance: 10 roubles must stay after amount and fee', async () => {
    const { sub, client } = await sender(116_00n);
    const friend = await buildSubscriber(t.db);
    const tooMuch = await start(client, sub.lineId, { phone: friend.msisdn, amount: 100_01 });
    expect(tooMuch.statusCode).toBe(402);
    expect(tooMuch.json()).toMatchObject({
      code: 'insufficient_funds',
      available: 106_00,
      minBalanceLeft: 10_00,
    });
    const exact = await send(client, sub, friend.msisdn, 100_00);
    expect(exact.statusCode).toBe(200);
    expect(await balanceOf(sub.accountId)).toBe(10_00n);
  });

  it('PAY-06 refuses beyond the daily limit and says how much is left', async () => {
    const { sub, client } = await sender(20_000_00n);
    const friend = await buildSubscriber(t.db);
    for (const amount of [5_000_00, 5_000_00, 4_900_00]) {
      expect((await send(client, sub, friend.msisdn, amount)).statusCode).toBe(200);
    }
    const over = await start(client, sub.lineId, { phone: friend.msisdn, amount: 200_00 });
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: 'daily_limit', left: 100_00, errors: [{ field: 'amount' }] });
    expect(await balanceOf(friend.accountId)).toBe(14_900_00n);
  });

  it('PAY-06 two transfers racing on one balance never overdraw it', async () => {
    const { sub, client } = await sender(300_00n);
    const friend = await buildSubscriber(t.db);
    const other = await buildSubscriber(t.db);
    // Each passes the first check alone (300 ≥ total + 10), together they do not.
    const a = (await start(client, sub.lineId, { phone: friend.msisdn, amount: 200_00 })).json().id;
    const b = (await start(client, sub.lineId, { phone: other.msisdn, amount: 190_00 })).json().id;
    const [codeA, codeB] = [
      await transferCode(sub.msisdn, '200,00'),
      await transferCode(sub.msisdn, '190,00'),
    ];
    const results = await Promise.all([
      confirm(client, sub.lineId, a, codeA),
      confirm(client, sub.lineId, b, codeB),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 402]);
    const left = await balanceOf(sub.accountId);
    expect(left).toBeGreaterThanOrEqual(10_00n);
    expect(left + (await balanceOf(friend.accountId)) + (await balanceOf(other.accountId))).toBeLessThan(
      300_00n,
    );
    expect((await verifyLedger(t.db)).mismatches).toEqual([]);
  });

  it('PAY-06 lets partial sessions read the terms but not send, and answers 404 for other lines', async () => {
    const { sub, client } = await sender(500_00n);
    const stranger = await buildSubscriber(t.db, { balance: 500_00n });
    const terms = await client.get(`/api/v1/lines/${sub.lineId}/transfers/terms`);
    expect(terms.json()).toMatchObject({
      minAmount: 10_00,
      feeFixed: 5_00,
      feeBasisPoints: 100,
      balance: 500_00,
    });
    expect((await start(client, stranger.lineId, { phone: sub.msisdn, amount: 100_00 })).statusCode).toBe(
      404,
    );
    const withLogin = await buildSubscriber(t.db, { withLogin: true, balance: 500_00n });
    const { client: partial } = await clientWithSession(t, withLogin.loginId ?? '', {
      access: 'partial',
      method: 'enrichment',
    });
    expect((await partial.get(`/api/v1/lines/${withLogin.lineId}/transfers/terms`)).statusCode).toBe(200);
    expect((await start(partial, withLogin.lineId, { phone: sub.msisdn, amount: 100_00 })).statusCode).toBe(
      403,
    );
  });
});
