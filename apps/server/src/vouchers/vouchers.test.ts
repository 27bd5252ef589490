import { formatVoucherCode, generateVoucherCode } from '@kabinet/core';
import { verifyLedger } from '@kabinet/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientWithSession } from '../test/access-helpers.ts';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, TEST_SECRET, type TestApp } from '../test/harness.ts';
import { loginWithCode, type TestClient } from '../test/http-client.ts';
import { issueVouchers } from './issue-vouchers.ts';
import { seedDemoVouchers } from './seed-demo-vouchers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

let addressCounter = 0;
/** A logged-in client from its own address, so the per-address limit of one test never touches another. */
async function subscriberClient(balance = 500_00n) {
  const sub = await buildSubscriber(t.db, { balance });
  const client = await loginWithCode(t, sub.msisdn);
  addressCounter += 1;
  client.remoteAddress = `10.3.0.${addressCounter}`;
  return { sub, client };
}

async function voucher(amount = 300_00n) {
  const [issued] = await issueVouchers(t.db, TEST_SECRET, {
    count: 1,
    amount,
    batch: 'test',
    now: t.clock.now,
  });
  if (!issued) throw new Error('no voucher issued');
  return issued;
}

let keyCounter = 0;
function redeem(client: TestClient, code: string, phone: string, key = `voucher-key-${++keyCounter}`) {
  return client.post('/api/v1/vouchers/redeem', { code, phone }, { 'idempotency-key': key });
}

async function balanceOf(accountId: string) {
  const row = await t.db
    .selectFrom('billing_accounts as a')
    .innerJoin('ledger_accounts as la', 'la.id', 'a.ledger_account_id')
    .select('la.balance')
    .where('a.id', '=', accountId)
    .executeTakeFirstOrThrow();
  return row.balance;
}

/** A well-formed code (right check digit) that no voucher has. */
const unknownCode = () => formatVoucherCode(generateVoucherCode());

describe('vouchers', () => {
  it('PAY-03 redeems a voucher once to the own line through a voucher payment; a second use is refused', async () => {
    const { sub, client } = await subscriberClient();
    const card = await voucher(300_00n);
    const phone = `8 (${sub.msisdn.slice(2, 5)}) ${sub.msisdn.slice(5, 8)}-${sub.msisdn.slice(8, 10)}-${sub.msisdn.slice(10)}`;
    const res = await redeem(client, card.code.replaceAll('-', ' '), phone, 'voucher-once-1');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      paymentId: expect.stringMatching(/^pay_/),
      serial: card.serial,
      amount: 300_00,
      phone: sub.msisdn,
      ownLine: true,
      balance: 800_00,
    });
    const payment = await t.db
      .selectFrom('payments')
      .select(['source', 'status', 'amount', 'line_id', 'transfer_id'])
      .where('id', '=', res.json().paymentId)
      .executeTakeFirstOrThrow();
    expect(payment).toMatchObject({
      source: 'voucher',
      status: 'succeeded',
      amount: 300_00n,
      line_id: sub.lineId,
    });
    expect(payment.transfer_id).toMatch(/^tr_/);
    // The replay of the same request answers the same and moves nothing.
    const replay = await redeem(client, card.code.replaceAll('-', ' '), phone, 'voucher-once-1');
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(res.json());
    // The same code again, as a new request: "wrong or used", no money.
    const again = await redeem(client, card.code, sub.msisdn);
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({
      code: 'voucher_invalid',
      attemptsLeft: 4,
      errors: [{ field: 'code', code: 'voucher_invalid' }],
    });
    expect(await balanceOf(sub.accountId)).toBe(800_00n);
    const stored = await t.db
      .selectFrom('vouchers')
      .selectAll()
      .where('serial', '=', card.serial)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      status: 'redeemed',
      payment_id: res.json().paymentId,
      redeemed_by_login_id: expect.any(String),
    });
    // Only an HMAC is kept: the digits are nowhere in the row.
    expect(stored.code_hmac).toBeInstanceOf(Buffer);
    expect(Object.values(stored).map(String).join(' ')).not.toContain(card.code.replaceAll('-', ''));
    const journal = await t.db
      .selectFrom('journal')
      .select(['action', 'details'])
      .where('line_id', '=', sub.lineId)
      .where('action', 'in', ['voucher.redeemed', 'payment.received'])
      .orderBy('at')
      .execute();
    expect(journal.map((j) => j.action).sort()).toEqual(['payment.received', 'voucher.redeemed']);
    expect(JSON.stringify(journal)).not.toContain(card.code.replaceAll('-', ''));
    expect((await verifyLedger(t.db)).mismatches).toEqual([]);
  });

  it('PAY-03 two parallel redemptions of one code credit it once', async () => {
    const a = await subscriberClient();
    const b = await subscriberClient();
    const card = await voucher(100_00n);
    const results = await Promise.all([
      redeem(a.client, card.code, a.sub.msisdn),
      redeem(b.client, card.code, b.sub.msisdn),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    const credited = (await balanceOf(a.sub.accountId)) + (await balanceOf(b.sub.accountId));
    expect(credited).toBe(1_100_00n);
  });

  it('PAY-03 locks redemption after 5 wrong codes from a login for the rest of the hour, good codes included', async () => {
    const { sub, client } = await subscriberClient();
    const card = await voucher();
    // A typo (wrong check digit) is a format error and costs no attempt.
    const typo = card.code.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
    expect((await redeem(client, typo, sub.msisdn)).json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'code', code: 'checksum' }],
    });
    for (const left of [4, 3, 2, 1, 0]) {
      const res = await redeem(client, unknownCode(), sub.msisdn);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'voucher_invalid', attemptsLeft: left });
    }
    const locked = await redeem(client, card.code, sub.msisdn);
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'voucher_locked', retryAfterSeconds: 3600 });
    expect(await balanceOf(sub.accountId)).toBe(500_00n);
    t.clock.advance(20 * 60_000);
    expect((await redeem(client, card.code, sub.msisdn)).json()).toMatchObject({ retryAfterSeconds: 2400 });
    t.clock.advance(40 * 60_000 + 1000);
    // The hour also ended the idle session: the same person logs in again, from the same address.
    const again = await loginWithCode(t, sub.msisdn);
    again.remoteAddress = client.remoteAddress;
    const after = await redeem(again, card.code, sub.msisdn);
    expect(after.statusCode).toBe(200);
    expect(await balanceOf(sub.accountId)).toBe(800_00n);
  });

  it('PAY-03 locks an address after 20 wrong codes whatever the login', async () => {
    const address = '10.9.9.9';
    const clients: TestClient[] = [];
    for (let i = 0; i < 5; i++) {
      const { client } = await subscriberClient();
      client.remoteAddress = address;
      clients.push(client);
    }
    const target = await buildSubscriber(t.db);
    for (const client of clients.slice(0, 4)) {
      for (let i = 0; i < 5; i++) await redeem(client, unknownCode(), target.msisdn);
    }
    const fifth = clients[4] as TestClient;
    const res = await redeem(fifth, (await voucher()).code, target.msisdn);
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ code: 'voucher_locked' });
  });

  it('PAY-03 tops up another of our numbers without disclosing its balance; unknown numbers and partial sessions are refused', async () => {
    const { client } = await subscriberClient();
    const friend = await buildSubscriber(t.db, { balance: 50_00n });
    const card = await voucher(500_00n);
    const res = await redeem(client, card.code, friend.msisdn.replace('+7', '8'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ phone: friend.msisdn, ownLine: false, balance: null, amount: 500_00 });
    expect(await balanceOf(friend.accountId)).toBe(550_00n);

    const unknown = await redeem(client, (await voucher()).code, '+7 999 000-00-00');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ errors: [{ field: 'phone', code: 'unknown_number' }] });
    const junk = await redeem(client, (await voucher()).code, 'call me');
    expect(junk.json()).toMatchObject({ errors: [{ field: 'phone', code: 'invalid_phone' }] });

    const withLogin = await buildSubscriber(t.db, { withLogin: true });
    const { client: partial } = await clientWithSession(t, withLogin.loginId ?? '', {
      access: 'partial',
      method: 'enrichment',
    });
    const refused = await redeem(partial, (await voucher()).code, withLogin.msisdn);
    expect(refused.statusCode).toBe(403);
    expect(await balanceOf(withLogin.accountId)).toBe(0n);
  });

  it('PAY-03 seeds demo vouchers whose codes are stable and redeemable', async () => {
    const first = await seedDemoVouchers(t.db, TEST_SECRET, t.clock.now);
    const second = await seedDemoVouchers(t.db, TEST_SECRET, t.clock.now);
    expect(first.length).toBeGreaterThanOrEqual(4);
    expect(second).toEqual(first);
    const { sub, client } = await subscriberClient(0n);
    const demo = first[0];
    if (!demo) throw new Error('no demo voucher');
    expect((await redeem(client, demo.code, sub.msisdn)).statusCode).toBe(200);
    const after = await seedDemoVouchers(t.db, TEST_SECRET, t.clock.now);
    expect(after[0]).toMatchObject({ code: demo.code, active: false });
    // The demo screen lists the cards still to try, not the redeemed one.
    const listed = (await client.get('/api/v1/vouchers/demo')).json().vouchers as Array<{ code: string }>;
    expect(listed.map((v) => v.code)).toEqual(first.slice(1).map((v) => v.code));
  });
});
