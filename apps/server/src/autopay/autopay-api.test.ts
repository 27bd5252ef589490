import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientWithSession } from '../test/access-helpers.ts';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { loginWithCode, type TestClient } from '../test/http-client.ts';
import { saveCardToken } from './saved-cards.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

let keys = 0;
const key = () => `autopay-key-${Date.now()}-${++keys}`;

async function subscriberWithCard(balance = 500_00n) {
  const sub = await buildSubscriber(t.db, { balance });
  const client = await loginWithCode(t, sub.msisdn);
  const cardId = await t.db.transaction().execute((trx) =>
    saveCardToken(trx, {
      accountId: sub.accountId,
      loginId: null,
      acquirer: 'sandbox',
      card: { token: `tok_secret_${sub.lineId}`, last4: '1111', brand: 'Mir', expires: '09/29' },
    }),
  );
  return { ...sub, client, cardId };
}

const create = (client: TestClient, lineId: string, body: Record<string, unknown>, k = key()) =>
  client.post(`/api/v1/lines/${lineId}/autopays`, body, { 'idempotency-key': k });

describe('autopay API', () => {
  it('PAY-04 a saved card is saved once per token and shown as brand, last 4 digits and expiry only', async () => {
    const sub = await subscriberWithCard();
    const again = await t.db.transaction().execute((trx) =>
      saveCardToken(trx, {
        accountId: sub.accountId,
        loginId: null,
        acquirer: 'sandbox',
        card: { token: `tok_secret_${sub.lineId}`, last4: '1111', brand: 'Mir', expires: '09/29' },
      }),
    );
    expect(again).toBe(sub.cardId);
    const res = await sub.client.get(`/api/v1/lines/${sub.lineId}/saved-cards`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      cards: [
        { id: sub.cardId, brand: 'Mir', last4: '1111', expires: '09/29', createdAt: expect.any(String) },
      ],
    });
    expect(res.body).not.toContain('tok_secret');
  });

  it('PAY-04 a card saved with a previous acquirer is not offered, cannot be chosen, and its rule says it will not run', async () => {
    const sub = await subscriberWithCard();
    const rule = await create(sub.client, sub.lineId, {
      kind: 'monthly',
      dayOfMonth: 5,
      amount: 300_00,
      cardId: sub.cardId,
    });
    expect(rule.statusCode).toBe(201);
    expect(rule.json()).toMatchObject({ cardChargeable: true, nextRunAt: expect.any(String) });
    // The operator switches acquirer: the sandbox's tokens cannot be charged through the new one.
    await t.db
      .updateTable('saved_cards')
      .set({ acquirer: 'previous-acquirer' })
      .where('id', '=', sub.cardId)
      .execute();
    const overview = (await sub.client.get(`/api/v1/lines/${sub.lineId}/autopay`)).json();
    expect(overview.cards).toEqual([]);
    expect(overview.autopays).toEqual([
      expect.objectContaining({
        cardRemoved: false,
        cardChargeable: false,
        nextRunAt: null,
        status: 'active',
      }),
    ]);
    expect((await sub.client.get(`/api/v1/lines/${sub.lineId}/saved-cards`)).json()).toEqual({ cards: [] });
    const refused = await create(sub.client, sub.lineId, {
      kind: 'threshold',
      threshold: 100_00,
      amount: 300_00,
      cardId: sub.cardId,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      expect.objectContaining({ field: 'cardId', code: 'card_of_previous_acquirer' }),
    ]);
  });

  it('PAY-04 creates a threshold autopay once per Idempotency-Key and journals it', async () => {
    const sub = await subscriberWithCard();
    const body = {
      kind: 'threshold',
      threshold: 100_00,
      amount: 500_00,
      cardId: sub.cardId,
      dailyLimit: 1000_00,
    };
    const k = key();
    const first = await create(sub.client, sub.lineId, body, k);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      kind: 'threshold',
      threshold: 100_00,
      amount: 500_00,
      status: 'active',
      card: { brand: 'Mir', last4: '1111' },
      dailyLimit: 1000_00,
      monthlyLimit: null,
      nextRunAt: null,
    });
    const replay = await create(sub.client, sub.lineId, body, k);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().id).toBe(first.json().id);
    const missingKey = await sub.client.post(`/api/v1/lines/${sub.lineId}/autopays`, body);
    expect(missingKey.statusCode).toBe(400);
    const overview = await sub.client.get(`/api/v1/lines/${sub.lineId}/autopay`);
    expect(overview.json()).toMatchObject({ balance: 500_00, lowBalanceThreshold: null });
    expect(overview.json().autopays).toHaveLength(1);
    const journal = await t.db
      .selectFrom('journal')
      .select('action')
      .where('line_id', '=', sub.lineId)
      .where('action', 'like', 'autopay.%')
      .execute();
    expect(journal.map((j) => j.action)).toEqual(['autopay.created']);
  });

  it('PAY-04 refuses bad settings naming the field, and a card that is not the account’s', async () => {
    const sub = await subscriberWithCard();
    const other = await subscriberWithCard();
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ kind: 'threshold', threshold: 100_00, amount: 99_99 }, 'amount', 'too_small'],
      [{ kind: 'threshold', threshold: 100_00, amount: 15_000_01 }, 'amount', 'too_large'],
      [{ kind: 'threshold', threshold: -5, amount: 500_00 }, 'threshold', 'out_of_range'],
      [{ kind: 'threshold', amount: 500_00 }, 'threshold', 'required'],
      [{ kind: 'monthly', dayOfMonth: 32, amount: 500_00 }, 'dayOfMonth', 'out_of_range'],
      [
        { kind: 'monthly', dayOfMonth: 5, amount: 500_00, monthlyLimit: 100_00 },
        'monthlyLimit',
        'below_amount',
      ],
    ];
    for (const [body, field, code] of cases) {
      const res = await create(sub.client, sub.lineId, { ...body, cardId: sub.cardId });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ field, code })]);
    }
    const fractional = await create(sub.client, sub.lineId, {
      kind: 'threshold',
      threshold: 100_00,
      amount: 500.5,
      cardId: sub.cardId,
    });
    expect(fractional.statusCode).toBe(400);
    expect(fractional.json().errors[0].field).toBe('amount');
    const foreignCard = await create(sub.client, sub.lineId, {
      kind: 'monthly',
      dayOfMonth: 5,
      amount: 500_00,
      cardId: other.cardId,
    });
    expect(foreignCard.statusCode).toBe(400);
    expect(foreignCard.json().errors).toEqual([
      expect.objectContaining({ field: 'cardId', code: 'unknown_card' }),
    ]);
    expect(
      await t.db.selectFrom('autopays').select('id').where('line_id', '=', sub.lineId).execute(),
    ).toEqual([]);
  });

  it('PAY-04 pauses, resumes, changes and deletes a rule; removing its card pauses it', async () => {
    const sub = await subscriberWithCard();
    const created = (
      await create(sub.client, sub.lineId, {
        kind: 'monthly',
        dayOfMonth: 31,
        amount: 300_00,
        cardId: sub.cardId,
      })
    ).json();
    expect(created.nextRunAt).not.toBeNull();
    const url = `/api/v1/lines/${sub.lineId}/autopays/${created.id}`;
    const paused = await sub.client.patch(url, { status: 'paused' });
    expect(paused.json()).toMatchObject({ status: 'paused', pausedReason: 'subscriber', nextRunAt: null });
    const resumed = await sub.client.patch(url, { status: 'active', amount: 400_00 });
    expect(resumed.json()).toMatchObject({ status: 'active', pausedReason: null, amount: 400_00 });
    const bad = await sub.client.patch(url, { dayOfMonth: 0 });
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'dayOfMonth' })]);
    const removed = await sub.client.delete(`/api/v1/lines/${sub.lineId}/saved-cards/${sub.cardId}`);
    expect(removed.statusCode).toBe(204);
    const overview = (await sub.client.get(`/api/v1/lines/${sub.lineId}/autopay`)).json();
    expect(overview.cards).toEqual([]);
    expect(overview.autopays[0]).toMatchObject({
      status: 'paused',
      pausedReason: 'card_removed',
      cardRemoved: true,
    });
    const resumeWithoutCard = await sub.client.patch(url, { status: 'active' });
    expect(resumeWithoutCard.json().errors).toEqual([
      expect.objectContaining({ field: 'cardId', code: 'card_removed' }),
    ]);
    expect((await sub.client.delete(url)).statusCode).toBe(204);
    expect((await sub.client.get(`/api/v1/lines/${sub.lineId}/autopay`)).json().autopays).toEqual([]);
    const actions = await t.db
      .selectFrom('journal')
      .select('action')
      .where('line_id', '=', sub.lineId)
      .where('action', 'like', 'autopay.%')
      .orderBy('at')
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'autopay.created',
      'autopay.paused',
      'autopay.resumed',
      'autopay.card_removed',
      'autopay.deleted',
    ]);
  });

  it('PAY-09 sets the low-balance threshold; a balance already below it is told once', async () => {
    const sub = await subscriberWithCard(80_00n);
    const url = `/api/v1/lines/${sub.lineId}/low-balance-threshold`;
    const bad = await sub.client.request('PUT', url, { threshold: 0 });
    expect(bad.json().errors).toEqual([
      expect.objectContaining({ field: 'threshold', code: 'out_of_range' }),
    ]);
    const set = await sub.client.request('PUT', url, { threshold: 100_00 });
    expect(set.json()).toEqual({ lowBalanceThreshold: 100_00, below: true });
    await sub.client.request('PUT', url, { threshold: 100_00 });
    const lows = await t.db
      .selectFrom('notifications')
      .select('params')
      .where('line_id', '=', sub.lineId)
      .where('event', '=', 'low_balance')
      .execute();
    expect(lows.map((n) => n.params)).toEqual([
      { notice: 'low_balance_threshold', balance: 80_00, threshold: 100_00 },
    ]);
    expect((await sub.client.get(`/api/v1/lines/${sub.lineId}/autopay`)).json().lowBalanceThreshold).toBe(
      100_00,
    );
    const off = await sub.client.request('PUT', url, { threshold: null });
    expect(off.json()).toEqual({ lowBalanceThreshold: null, below: false });
  });

  it('PAY-04 a partial session reads but cannot change; another subscriber’s line and card answer 404', async () => {
    const sub = await subscriberWithCard();
    const other = await subscriberWithCard();
    const otherRule = (
      await create(other.client, other.lineId, {
        kind: 'threshold',
        threshold: 0,
        amount: 100_00,
        cardId: other.cardId,
      })
    ).json();
    for (const res of [
      await sub.client.get(`/api/v1/lines/${other.lineId}/autopay`),
      await sub.client.get(`/api/v1/lines/${other.lineId}/saved-cards`),
      await create(sub.client, other.lineId, {
        kind: 'threshold',
        threshold: 0,
        amount: 100_00,
        cardId: other.cardId,
      }),
      await sub.client.delete(`/api/v1/lines/${other.lineId}/saved-cards/${other.cardId}`),
      // Own line in the path, another's card or rule id: still not found.
      await sub.client.delete(`/api/v1/lines/${sub.lineId}/saved-cards/${other.cardId}`),
      await sub.client.patch(`/api/v1/lines/${sub.lineId}/autopays/${otherRule.id}`, { status: 'paused' }),
      await sub.client.delete(`/api/v1/lines/${sub.lineId}/autopays/${otherRule.id}`),
    ]) {
      expect(res.statusCode).toBe(404);
    }
    const withLogin = await buildSubscriber(t.db, { withLogin: true });
    const { client: partial } = await clientWithSession(t, withLogin.loginId ?? '', {
      access: 'partial',
      method: 'enrichment',
    });
    expect((await partial.get(`/api/v1/lines/${withLogin.lineId}/autopay`)).statusCode).toBe(200);
    for (const res of [
      await create(partial, withLogin.lineId, {
        kind: 'threshold',
        threshold: 0,
        amount: 100_00,
        cardId: 'card_x',
      }),
      await partial.request('PUT', `/api/v1/lines/${withLogin.lineId}/low-balance-threshold`, {
        threshold: 100,
      }),
      await partial.delete(`/api/v1/lines/${withLogin.lineId}/saved-cards/card_0000000000`),
    ]) {
      expect(res.statusCode).toBe(403);
    }
    expect(
      (await t.db.selectFrom('autopays').select('status').where('id', '=', otherRule.id).executeTakeFirst())
        ?.status,
    ).toBe('active');
  });
});
