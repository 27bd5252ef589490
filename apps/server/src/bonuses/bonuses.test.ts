import { newId } from '@kabinet/core';
import { OPERATOR_ACCOUNT_IDS, postTransfer, verifyLedger } from '@kabinet/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditPayment } from '../payments/credit-payment.ts';
import { clientWithSession } from '../test/access-helpers.ts';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { loginWithCode } from '../test/http-client.ts';
import { topUpPointsEntry } from './accrue.ts';
import { accrueSpendingPoints, expirePoints } from './bonus-job.ts';
import { grantPoints, topUp } from './bonus-test-helpers.ts';
import { loadBonusRules, pointsBalance, verifyPoints } from './points-ledger.ts';
import { seedDemoBonuses } from './seed-demo-bonuses.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-12-04T10:00:00Z') });
});
afterAll(async () => {
  await t.close();
});

const key = () => `bonus-test-${newId('redemption')}`;

async function entries(accountId: string) {
  return t.db
    .selectFrom('bonus_entries')
    .select(['points', 'reason', 'reference', 'idempotency_key'])
    .where('account_id', '=', accountId)
    .orderBy('seq')
    .execute();
}

async function subscriberWithPoints(points: number) {
  const sub = await buildSubscriber(t.db, { balance: 100_00n, withLogin: true, now: t.clock.now });
  if (points > 0) await grantPoints(t.db, sub.accountId, points, t.clock.now, sub.lineId);
  const client = await loginWithCode(t, sub.msisdn);
  return { sub, client };
}

function redeem(
  client: Awaited<ReturnType<typeof loginWithCode>>,
  lineId: string,
  body: Record<string, unknown>,
  idempotencyKey = key(),
) {
  return client.post(`/api/v1/lines/${lineId}/bonuses/redemptions`, body, {
    'idempotency-key': idempotencyKey,
  });
}

describe('bonus points (BONUS-01)', () => {
  it('BONUS-01 a card top-up earns a point per 10 ₽ exactly once, however often it is credited', async () => {
    const sub = await buildSubscriber(t.db, { now: t.clock.now });
    const paymentId = await topUp(t.db, sub, 'card', 1234_56n, t.clock.now);
    // A replayed webhook credits the same payment again; the hook may even be called twice.
    const again = await t.db
      .transaction()
      .execute((trx) => creditPayment(trx, { paymentId, at: t.clock.now }));
    expect(again.credited).toBe(false);
    expect(await entries(sub.accountId)).toEqual([
      { points: 123, reason: 'top_up', reference: paymentId, idempotency_key: `top_up:${paymentId}` },
    ]);
    expect(await pointsBalance(t.db, sub.accountId)).toBe(123);
  });

  it('BONUS-01 a voucher earns points, transfers and promised payments do not', async () => {
    const sub = await buildSubscriber(t.db, { now: t.clock.now });
    await topUp(t.db, sub, 'voucher', 500_00n, t.clock.now);
    expect((await entries(sub.accountId)).map((e) => [e.reason, e.points])).toEqual([['top_up', 50]]);
    const rules = await loadBonusRules(t.db);
    for (const source of ['transfer', 'promised']) {
      const facts = { ...sub, paymentId: newId('payment'), source, amount: 1000_00n, at: t.clock.now };
      expect(topUpPointsEntry(rules, facts)).toBeNull();
    }
    expect(
      topUpPointsEntry(rules, { ...sub, paymentId: 'p', source: 'card', amount: 10_00n, at: t.clock.now }),
    ).toMatchObject({ points: 1, idempotencyKey: 'top_up:p' });
  });

  it('BONUS-01 the job gives points for last month’s spending once, by the operator’s calendar', async () => {
    const sub = await buildSubscriber(t.db, { balance: 2000_00n, now: t.clock.now });
    const other = await buildSubscriber(t.db, { balance: 2000_00n, now: t.clock.now });
    const accounts = OPERATOR_ACCOUNT_IDS;
    const debit = (ledger: string, credit: string, amount: bigint, at: string) =>
      t.db.transaction().execute((trx) =>
        postTransfer(trx, {
          debitAccountId: ledger,
          creditAccountId: credit,
          amount,
          kind: 'x',
          at: new Date(at),
        }),
      );
    // January 2030 in Moscow: 450 ₽ of fees and usage → 22 points. 31 Dec 22:00 UTC is already January there;
    // 31 Jan 21:30 UTC is February (not counted); a transfer to another subscriber is not spending.
    await debit(sub.ledgerAccountId, accounts.revenueFees, 300_00n, '2029-12-31T22:00:00Z');
    await debit(sub.ledgerAccountId, accounts.revenueUsage, 150_00n, '2030-01-20T10:00:00Z');
    await debit(sub.ledgerAccountId, accounts.revenueUsage, 999_00n, '2030-01-31T21:30:00Z');
    await debit(sub.ledgerAccountId, other.ledgerAccountId, 500_00n, '2030-01-15T10:00:00Z');
    await debit(other.ledgerAccountId, accounts.revenueFees, 19_00n, '2030-01-15T10:00:00Z');
    const march1 = new Date('2030-02-01T06:00:00Z');
    expect(await accrueSpendingPoints(t.db, march1, 'Europe/Moscow')).toBe(1);
    expect(await accrueSpendingPoints(t.db, new Date('2030-02-20T06:00:00Z'), 'Europe/Moscow')).toBe(0);
    expect(await entries(sub.accountId)).toEqual([
      {
        points: 22,
        reason: 'spending',
        reference: '2030-01',
        idempotency_key: `spending:${sub.accountId}:2030-01`,
      },
    ]);
    expect(await entries(other.accountId)).toEqual([]);
    const journal = await t.db
      .selectFrom('journal')
      .select('action')
      .where('line_id', '=', sub.lineId)
      .where('action', '=', 'bonus.points_earned')
      .execute();
    expect(journal).toHaveLength(1);
  });

  it('BONUS-01 points expire after 12 months unless spent, oldest first, once', async () => {
    const { sub, client } = await subscriberWithPoints(0);
    const earnedAt = new Date('2026-12-01T10:00:00Z');
    await topUp(t.db, sub, 'card', 1500_00n, earnedAt); // 150 points until 1 December 2027
    expect((await redeem(client, sub.lineId, { reward: 'partner-coffee' })).statusCode).toBe(201); // −80
    await topUp(t.db, sub, 'cash', 300_00n, new Date('2027-06-01T10:00:00Z')); // 30 more, until June 2028
    expect(await expirePoints(t.db, new Date('2027-11-30T10:00:00Z'))).toBe(0);
    const state = await client.get(`/api/v1/lines/${sub.lineId}/bonuses`);
    // Seen on 4 December 2026 the first 150 − 80 expire in a year: not yet "soon".
    expect(state.json().expiringSoon).toEqual({ points: 0, by: null });
    const after = new Date('2027-12-01T10:00:01Z');
    await expirePoints(t.db, after);
    expect(await expirePoints(t.db, after)).toBe(0);
    expect(await pointsBalance(t.db, sub.accountId)).toBe(30);
    expect((await entries(sub.accountId)).map((e) => [e.reason, e.points])).toEqual([
      ['top_up', 150],
      ['redemption', -80],
      ['top_up', 30],
      ['expiry', -70],
    ]);
  });

  it('BONUS-01 shows the balance, points expiring soon, the history and the rules', async () => {
    const sub = await buildSubscriber(t.db, { now: t.clock.now });
    await topUp(t.db, sub, 'card', 500_00n, new Date('2025-12-20T10:00:00Z')); // expires 20 Dec 2026
    await topUp(t.db, sub, 'voucher', 200_00n, t.clock.now);
    const client = await loginWithCode(t, sub.msisdn);
    const res = await client.get(`/api/v1/lines/${sub.lineId}/bonuses`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.balance).toBe(70);
    expect(body.expiringSoon).toEqual({ points: 50, by: '2026-12-20T10:00:00.000Z' });
    expect(body.history.map((e: { points: number; reason: string }) => [e.reason, e.points])).toEqual([
      ['top_up', 20],
      ['top_up', 50],
    ]);
    expect(body.rules).toMatchObject({
      topUpKopecksPerPoint: 1000,
      spendingKopecksPerPoint: 2000,
      expiryMonths: 12,
    });
    expect(body.rewards.map((r: { code: string }) => r.code)).toEqual([
      'minutes-100',
      'data-5gb',
      'credit-100',
      'partner-cinema',
      'partner-coffee',
    ]);
    expect(body.rewards[0]).toMatchObject({
      cost: 150,
      package: { kind: 'voice', amount: 100, unit: 'min', validDays: 30 },
      affordable: false,
    });
  });
});

describe('rewards (BONUS-02)', () => {
  it('BONUS-02 redeeming minutes opens a 100-minute bucket on the line and debits the points once', async () => {
    const { sub, client } = await subscriberWithPoints(200);
    const res = await redeem(client, sub.lineId, { reward: 'minutes-100' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      reward: 'minutes-100',
      points: 150,
      balance: 50,
      forAnotherNumber: false,
      package: { kind: 'voice', amount: 100, unit: 'min' },
      coupon: null,
    });
    const bucket = await t.db
      .selectFrom('buckets')
      .select(['kind', 'total', 'used', 'period_end'])
      .where('line_id', '=', sub.lineId)
      .where('package_template_id', '=', 'pkg_bonusminutes100')
      .executeTakeFirstOrThrow();
    expect(bucket).toMatchObject({ kind: 'voice', total: 6000n, used: 0n });
    expect(bucket.period_end?.toISOString()).toBe(
      new Date(t.clock.now.getTime() + 30 * 86_400_000).toISOString(),
    );
    const journal = await t.db
      .selectFrom('journal')
      .select(['action', 'actor_kind'])
      .where('line_id', '=', sub.lineId)
      .where('action', '=', 'bonus.redeemed')
      .execute();
    expect(journal).toEqual([{ action: 'bonus.redeemed', actor_kind: 'subscriber' }]);
    const notices = await t.db
      .selectFrom('notifications')
      .select(['event', 'params'])
      .where('line_id', '=', sub.lineId)
      .where('event', '=', 'charges')
      .execute();
    expect(notices.map((n) => n.params)).toContainEqual(
      expect.objectContaining({ notice: 'bonus_redeemed', points: 150 }),
    );
    const history = (await client.get(`/api/v1/lines/${sub.lineId}/bonuses`)).json().history;
    expect(history[0]).toMatchObject({ points: -150, reason: 'redemption', reward: { code: 'minutes-100' } });
  });

  it('BONUS-02 gives GB to another number of ours written in any notation', async () => {
    const { sub, client } = await subscriberWithPoints(300);
    const friend = await buildSubscriber(t.db, { now: t.clock.now });
    const national = `8 (${friend.msisdn.slice(2, 5)}) ${friend.msisdn.slice(5, 8)}-${friend.msisdn.slice(8, 10)}-${friend.msisdn.slice(10)}`;
    const res = await redeem(client, sub.lineId, { reward: 'data-5gb', phone: national });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ forAnotherNumber: true, targetNumber: friend.msisdn, balance: 50 });
    const bucket = await t.db
      .selectFrom('buckets')
      .select(['kind', 'total'])
      .where('line_id', '=', friend.lineId)
      .where('package_template_id', '=', 'pkg_bonusdata5gb')
      .executeTakeFirstOrThrow();
    expect(bucket).toEqual({ kind: 'data', total: 5n * 1024n ** 3n });
    expect(await pointsBalance(t.db, friend.accountId)).toBe(0);
    const history = (await client.get(`/api/v1/lines/${sub.lineId}/bonuses`)).json().history;
    expect(history[0]).toMatchObject({ reason: 'redemption', forNumber: friend.msisdn });
  });

  it('BONUS-02 a discount credits 100 ₽ from the operator’s rewards account and the books balance', async () => {
    const { sub, client } = await subscriberWithPoints(100);
    const before = await t.db
      .selectFrom('ledger_accounts')
      .select('balance')
      .where('id', '=', sub.ledgerAccountId)
      .executeTakeFirstOrThrow();
    const res = await redeem(client, sub.lineId, { reward: 'credit-100' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ credited: 100_00, balance: 0 });
    const after = await t.db
      .selectFrom('ledger_accounts')
      .select('balance')
      .where('id', '=', sub.ledgerAccountId)
      .executeTakeFirstOrThrow();
    expect(after.balance - before.balance).toBe(100_00n);
    const accounts = OPERATOR_ACCOUNT_IDS;
    const transfer = await t.db
      .selectFrom('ledger_transfers')
      .select(['debit_account_id', 'kind'])
      .where('credit_account_id', '=', sub.ledgerAccountId)
      .where('kind', '=', 'bonus_reward')
      .executeTakeFirstOrThrow();
    expect(transfer.debit_account_id).toBe(accounts.bonusRewards);
    const books = await verifyLedger(t.db);
    expect(books.mismatches).toEqual([]);
    expect(books.total).toBe(0n);
  });

  it('BONUS-02 a partner coupon hands out one code of the pool, shown in the answer', async () => {
    const { sub, client } = await subscriberWithPoints(400);
    const first = await redeem(client, sub.lineId, { reward: 'partner-cinema' });
    const second = await redeem(client, sub.lineId, { reward: 'partner-cinema' });
    expect(first.statusCode).toBe(201);
    const a = first.json().coupon;
    const b = second.json().coupon;
    expect(a.code).toMatch(/^KINO-[0-9A-F]{8}$/);
    expect(a.partner).toBe('Кинопарк');
    expect(b.code).not.toBe(a.code);
    const taken = await t.db
      .selectFrom('bonus_coupons')
      .select('redemption_id')
      .where('code', 'in', [a.code, b.code])
      .execute();
    expect(taken.map((c) => c.redemption_id).sort()).toEqual([first.json().id, second.json().id].sort());
  });

  it('BONUS-02 refuses without enough points, saying how many are missing, and changes nothing', async () => {
    const { sub, client } = await subscriberWithPoints(149);
    const res = await redeem(client, sub.lineId, { reward: 'minutes-100' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'not_enough_points', missingPoints: 1 });
    expect(await pointsBalance(t.db, sub.accountId)).toBe(149);
    const buckets = await t.db
      .selectFrom('buckets')
      .select('id')
      .where('line_id', '=', sub.lineId)
      .where('package_template_id', '=', 'pkg_bonusminutes100')
      .execute();
    expect(buckets).toEqual([]);
  });

  it('BONUS-02 two exchanges racing for the same points: one wins, the other changes nothing', async () => {
    const { sub, client } = await subscriberWithPoints(150);
    const results = await Promise.all([
      redeem(client, sub.lineId, { reward: 'minutes-100' }),
      redeem(client, sub.lineId, { reward: 'credit-100' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const lost = results.find((r) => r.statusCode === 409);
    expect(lost?.json().code).toBe('not_enough_points');
    const redemptions = await t.db
      .selectFrom('bonus_redemptions')
      .select('reward_code')
      .where('account_id', '=', sub.accountId)
      .execute();
    expect(redemptions).toHaveLength(1);
    const won = redemptions[0]?.reward_code;
    const buckets = await t.db
      .selectFrom('buckets')
      .select('id')
      .where('line_id', '=', sub.lineId)
      .where('package_template_id', '=', 'pkg_bonusminutes100')
      .execute();
    const credits = await t.db
      .selectFrom('ledger_transfers')
      .select('id')
      .where('line_id', '=', sub.lineId)
      .where('kind', '=', 'bonus_reward')
      .execute();
    expect([buckets.length, credits.length]).toEqual(won === 'minutes-100' ? [1, 0] : [0, 1]);
    expect(await pointsBalance(t.db, sub.accountId)).toBe(won === 'minutes-100' ? 0 : 50);
  });

  it('BONUS-02 a replayed Idempotency-Key applies the reward once and answers the same', async () => {
    const { sub, client } = await subscriberWithPoints(500);
    const k = key();
    const first = await redeem(client, sub.lineId, { reward: 'minutes-100' }, k);
    const replay = await redeem(client, sub.lineId, { reward: 'minutes-100' }, k);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(first.json());
    const conflict = await redeem(client, sub.lineId, { reward: 'data-5gb' }, k);
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().code).toBe('idempotency_conflict');
    expect(await pointsBalance(t.db, sub.accountId)).toBe(350);
    const missing = await client.post(`/api/v1/lines/${sub.lineId}/bonuses/redemptions`, {
      reward: 'minutes-100',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('Idempotency-Key');
  });

  it('BONUS-02 refuses a partial session, another’s line, unknown numbers and rewards with clear errors', async () => {
    const { sub, client } = await subscriberWithPoints(500);
    const partial = (await clientWithSession(t, sub.loginId ?? '', { access: 'partial' })).client;
    expect((await partial.get(`/api/v1/lines/${sub.lineId}/bonuses`)).statusCode).toBe(200);
    const refused = await redeem(partial, sub.lineId, { reward: 'minutes-100' });
    expect(refused.statusCode).toBe(403);
    const stranger = await buildSubscriber(t.db, { now: t.clock.now });
    expect((await client.get(`/api/v1/lines/${stranger.lineId}/bonuses`)).statusCode).toBe(404);
    expect((await redeem(client, stranger.lineId, { reward: 'minutes-100' })).statusCode).toBe(404);
    const unknown = await redeem(client, sub.lineId, { reward: 'minutes-100', phone: '+7 999 000-00-00' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'unknown_number', errors: [{ field: 'phone' }] });
    const junk = await redeem(client, sub.lineId, { reward: 'minutes-100', phone: 'call me' });
    expect(junk.statusCode).toBe(400);
    expect(junk.json().errors[0]).toMatchObject({ field: 'phone', code: 'invalid_phone' });
    const gift = await redeem(client, sub.lineId, { reward: 'partner-coffee', phone: stranger.msisdn });
    expect(gift.statusCode).toBe(400);
    expect(gift.json().errors[0]).toMatchObject({ field: 'phone', code: 'coupon_not_giftable' });
    const reward = await redeem(client, sub.lineId, { reward: 'yacht' });
    expect(reward.statusCode).toBe(404);
    expect(reward.json()).toMatchObject({ code: 'reward_unavailable', errors: [{ field: 'reward' }] });
    expect(await pointsBalance(t.db, sub.accountId)).toBe(500);
  });

  it('BONUS-01 every points balance equals the sum of its entries (points ledger verify)', async () => {
    const { sub, client } = await subscriberWithPoints(1000);
    await Promise.all(
      ['minutes-100', 'data-5gb', 'credit-100', 'partner-coffee', 'minutes-100'].map((reward) =>
        redeem(client, sub.lineId, { reward }),
      ),
    );
    expect(await pointsBalance(t.db, sub.accountId)).toBe(1000 - 150 - 250 - 100 - 80 - 150);
    const books = await verifyPoints(t.db);
    expect(books.accounts).toBeGreaterThan(5);
    expect(books.mismatches).toEqual([]);
  });
});

describe('demo points', () => {
  it('BONUS-01 the demo seeding gives points for past top-ups once and keeps balances equal to the entries', async () => {
    const sub = await buildSubscriber(t.db, { now: t.clock.now });
    const id = newId('payment');
    await t.db
      .insertInto('payments')
      .values({
        id,
        account_id: sub.accountId,
        line_id: sub.lineId,
        source: 'cash',
        amount: 750_00n,
        status: 'succeeded',
        created_at: new Date('2026-10-01T10:00:00Z'),
        completed_at: new Date('2026-10-01T10:00:00Z'),
      })
      .execute();
    await seedDemoBonuses(t.db);
    await seedDemoBonuses(t.db);
    expect(await entries(sub.accountId)).toEqual([
      { points: 75, reason: 'top_up', reference: id, idempotency_key: `top_up:${id}` },
    ]);
    expect(await pointsBalance(t.db, sub.accountId)).toBe(75);
    expect((await verifyPoints(t.db)).mismatches).toEqual([]);
  });
});
