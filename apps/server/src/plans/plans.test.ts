import { type Db, postTransfer, verifyLedger } from '@kabinet/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientWithSession } from '../test/access-helpers.ts';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { loginWithCode, type TestClient } from '../test/http-client.ts';
import { applyDueTariffChanges } from './apply-due-tariff-changes.ts';
import { buildOfferTariff, buildOption } from './test-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const DAY = 86_400_000;

function change(client: TestClient, lineId: string, body: unknown, key?: string) {
  return client.post(`/api/v1/lines/${lineId}/tariff-changes`, body, key ? { 'idempotency-key': key } : {});
}

async function lineState(db: Db, lineId: string) {
  const line = await db
    .selectFrom('lines')
    .select(['tariff_id', 'next_fee_at'])
    .where('id', '=', lineId)
    .executeTakeFirstOrThrow();
  const balance = await db
    .selectFrom('lines')
    .innerJoin('billing_accounts', 'billing_accounts.id', 'lines.account_id')
    .innerJoin('ledger_accounts', 'ledger_accounts.id', 'billing_accounts.ledger_account_id')
    .select('ledger_accounts.balance')
    .where('lines.id', '=', lineId)
    .executeTakeFirstOrThrow();
  const count = async (table: 'buckets' | 'requests' | 'ledger_transfers') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('line_id', '=', lineId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    ...line,
    balance: balance.balance,
    buckets: await count('buckets'),
    requests: await count('requests'),
    transfers: await count('ledger_transfers'),
  };
}

async function expectBooksBalance() {
  const books = await verifyLedger(t.db);
  expect(books.mismatches).toEqual([]);
  expect(books.total).toBe(0n);
}

describe('tariffs', () => {
  it('PLAN-01 shows the current tariff with packages, prices outside them and the next fee', async () => {
    const sub = await buildSubscriber(t.db, { balance: 100_00n });
    const client = await loginWithCode(t, sub.msisdn);
    const res = await client.get(`/api/v1/lines/${sub.lineId}/tariff`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      id: sub.tariffId,
      fee: 45000,
      feePeriod: 'month',
      name: { ru: 'Тестовый', en: 'Test plan' },
      rates: [{ key: 'voice_out_per_min', price: 250, unit: 'min' }],
      roaming: [],
      pendingChange: null,
    });
    expect(body.packages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'voice', amount: 500, unit: 'min', renew: 'fee_period' }),
        expect.objectContaining({ kind: 'data', amount: 20480, unit: 'mb' }),
      ]),
    );
    expect(typeof body.nextFeeAt).toBe('string');
  });

  it('PLAN-02 offers public, current tariffs of the line’s kind with transition fee and what changes, sorted', async () => {
    const sub = await buildSubscriber(t.db);
    const cheap = await buildOfferTariff(t.db, {
      fee: 10_00n,
      feePeriod: 'day',
      packages: [{ kind: 'data', amount: 50 * 1024 }],
    });
    const rich = await buildOfferTariff(t.db, {
      fee: 900_00n,
      rates: { transition_fee: 150_00 },
      packages: [
        { kind: 'voice', amount: 2000 },
        { kind: 'data', amount: 10 * 1024 },
      ],
    });
    const archived = await buildOfferTariff(t.db, { archived: true });
    const hidden = await buildOfferTariff(t.db, { isPublic: false });
    const home = await buildOfferTariff(t.db, { lineKind: 'home_internet' });
    const client = await loginWithCode(t, sub.msisdn);
    const res = await client.get(`/api/v1/lines/${sub.lineId}/tariffs?sort=price`);
    expect(res.statusCode).toBe(200);
    const ids: string[] = res.json().tariffs.map((o: { id: string }) => o.id);
    expect(ids).toEqual(expect.arrayContaining([cheap.id, rich.id]));
    for (const refused of [sub.tariffId, archived.id, hidden.id, home.id]) expect(ids).not.toContain(refused);
    expect(ids.indexOf(cheap.id)).toBeLessThan(ids.indexOf(rich.id));
    const offer = res.json().tariffs.find((o: { id: string }) => o.id === rich.id);
    expect(offer).toMatchObject({ transitionFee: 15000, monthlyEquivalent: 90000 });
    expect(offer.changes).toEqual([
      { kind: 'voice', now: 500, after: 2000, unit: 'min' },
      { kind: 'sms', now: 100, after: null, unit: 'sms' },
      { kind: 'data', now: 20480, after: 10240, unit: 'mb' },
    ]);
    const cheapOffer = res.json().tariffs.find((o: { id: string }) => o.id === cheap.id);
    expect(cheapOffer).toMatchObject({ transitionFee: 0, monthlyEquivalent: 30000 });
    const byData = (await client.get(`/api/v1/lines/${sub.lineId}/tariffs?sort=data`)).json();
    const dataIds: string[] = byData.tariffs.map((o: { id: string }) => o.id);
    expect(dataIds.indexOf(cheap.id)).toBeLessThan(dataIds.indexOf(rich.id));
  });

  it('PLAN-03 changes the tariff now, charging the transition fee once even when the request is sent twice', async () => {
    const sub = await buildSubscriber(t.db, { balance: 1000_00n });
    const target = await buildOfferTariff(t.db, {
      rates: { transition_fee: 100_00 },
      packages: [
        { kind: 'voice', amount: 1000 },
        { kind: 'data', amount: 40 * 1024 },
      ],
    });
    const client = await loginWithCode(t, sub.msisdn);
    const body = { tariffId: target.id, when: 'now' };
    const first = await change(client, sub.lineId, body, 'change-now-0001');
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      balance: 900_00,
      request: {
        kind: 'tariff_change',
        status: 'done',
        events: [{ status: 'accepted' }, { status: 'done' }],
      },
    });
    const replay = await change(client, sub.lineId, body, 'change-now-0001');
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(first.json());

    const state = await lineState(t.db, sub.lineId);
    expect(state.tariff_id).toBe(target.id);
    expect(state.balance).toBe(900_00n);
    expect(state.requests).toBe(1);
    const fees = await t.db
      .selectFrom('ledger_transfers')
      .select(['amount', 'kind'])
      .where('line_id', '=', sub.lineId)
      .where('kind', '=', 'tariff_change')
      .execute();
    expect(fees).toEqual([{ amount: 100_00n, kind: 'tariff_change' }]);
    await expectBooksBalance();

    // The dashboard shows the new tariff's packages, full: the old buckets ended now.
    const dash = (await client.get(`/api/v1/lines/${sub.lineId}/dashboard`)).json();
    expect(dash.tariff.id).toBe(target.id);
    expect(dash.packages.map((p: { kind: string; remaining: number }) => [p.kind, p.remaining])).toEqual([
      ['data', 40 * 1024],
      ['voice', 1000],
    ]);
    const journal = await t.db
      .selectFrom('journal')
      .select(['action', 'channel', 'login_id'])
      .where('line_id', '=', sub.lineId)
      .where('action', '=', 'tariff.changed')
      .execute();
    expect(journal).toHaveLength(1);
    expect(journal[0]?.channel).toBe('web');
  });

  it('PLAN-02 PLAN-03 an option that needs the old tariff is announced in the offer and disconnected by the change', async () => {
    const sub = await buildSubscriber(t.db, { balance: 100_00n });
    const { code } = await t.db
      .selectFrom('tariffs')
      .select('code')
      .where('id', '=', sub.tariffId)
      .executeTakeFirstOrThrow();
    const bound = await buildOption(t.db, {
      requiresTariffs: [code],
      packages: [{ kind: 'data', amount: 1024 }],
    });
    const free = await buildOption(t.db);
    const target = await buildOfferTariff(t.db);
    for (const o of [bound, free]) {
      await t.db.insertInto('line_options').values({ line_id: sub.lineId, option_id: o.id }).execute();
    }
    const client = await loginWithCode(t, sub.msisdn);
    const offers = (await client.get(`/api/v1/lines/${sub.lineId}/tariffs`)).json();
    const offer = offers.tariffs.find((o: { id: string }) => o.id === target.id);
    expect(offer.disconnectsOptions).toEqual([{ id: bound.id, code: bound.code, name: expect.any(Object) }]);
    const res = await change(client, sub.lineId, { tariffId: target.id, when: 'now' }, 'bound-option-1');
    expect(res.statusCode).toBe(201);
    expect(res.json().request.events.at(-1).note).toContain(bound.code);
    const left = await t.db
      .selectFrom('line_options')
      .select('option_id')
      .where('line_id', '=', sub.lineId)
      .execute();
    expect(left).toEqual([{ option_id: free.id }]);
  });

  it('PLAN-03 refuses a missing Idempotency-Key and a key reused for other parameters', async () => {
    const sub = await buildSubscriber(t.db, { balance: 100_00n });
    const a = await buildOfferTariff(t.db);
    const b = await buildOfferTariff(t.db);
    const client = await loginWithCode(t, sub.msisdn);
    const missing = await change(client, sub.lineId, { tariffId: a.id, when: 'now' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0]).toMatchObject({ field: 'Idempotency-Key', code: 'required' });
    const short = await change(client, sub.lineId, { tariffId: a.id, when: 'now' }, 'short');
    expect(short.json().errors[0]).toMatchObject({ field: 'Idempotency-Key', code: 'invalid_format' });
    expect(
      (await change(client, sub.lineId, { tariffId: a.id, when: 'now' }, 'reuse-key-01')).statusCode,
    ).toBe(201);
    const conflict = await change(client, sub.lineId, { tariffId: b.id, when: 'now' }, 'reuse-key-01');
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json()).toMatchObject({ code: 'idempotency_conflict' });
    expect((await lineState(t.db, sub.lineId)).tariff_id).toBe(a.id);
  });

  it('PLAN-03 concurrent duplicates of one key charge once', async () => {
    const sub = await buildSubscriber(t.db, { balance: 500_00n });
    const target = await buildOfferTariff(t.db, { rates: { transition_fee: 50_00 } });
    const client = await loginWithCode(t, sub.msisdn);
    const body = { tariffId: target.id, when: 'now' };
    const answers = await Promise.all(
      [1, 2, 3].map(() => change(client, sub.lineId, body, 'parallel-key-1')),
    );
    expect(answers.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(answers.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(2);
    const state = await lineState(t.db, sub.lineId);
    expect(state.balance).toBe(450_00n);
    expect(state.requests).toBe(1);
    await expectBooksBalance();
  });

  it('PLAN-03 with too little money refuses the change and changes nothing; after a top-up the same key works', async () => {
    const sub = await buildSubscriber(t.db, { balance: 50_00n });
    const target = await buildOfferTariff(t.db, { rates: { transition_fee: 100_00 } });
    const client = await loginWithCode(t, sub.msisdn);
    const before = await lineState(t.db, sub.lineId);
    const body = { tariffId: target.id, when: 'now' };
    const res = await change(client, sub.lineId, body, 'poor-change-1');
    expect(res.statusCode).toBe(402);
    expect(res.json()).toMatchObject({ code: 'insufficient_funds', required: 10000, available: 5000 });
    expect(await lineState(t.db, sub.lineId)).toEqual(before);
    const planned = await change(client, sub.lineId, { ...body, when: 'next_period' }, 'poor-change-2');
    expect(planned.statusCode).toBe(402);
    expect(await lineState(t.db, sub.lineId)).toEqual(before);

    await t.db.transaction().execute(async (trx) => {
      const cash = await trx
        .selectFrom('ledger_accounts')
        .select('id')
        .where('code', '=', 'clearing:cash')
        .executeTakeFirstOrThrow();
      await postTransfer(trx, {
        debitAccountId: cash.id,
        creditAccountId: sub.ledgerAccountId,
        amount: 100_00n,
        kind: 'topup',
      });
    });
    const retried = await change(client, sub.lineId, body, 'poor-change-1');
    expect(retried.statusCode).toBe(201);
    expect(retried.json().balance).toBe(50_00);
    await expectBooksBalance();
  });

  it('PLAN-03 refuses an archived, hidden or foreign-kind tariff, and the current one', async () => {
    const sub = await buildSubscriber(t.db, { balance: 1000_00n });
    const archived = await buildOfferTariff(t.db, { archived: true });
    const hidden = await buildOfferTariff(t.db, { isPublic: false });
    const home = await buildOfferTariff(t.db, { lineKind: 'home_internet' });
    const client = await loginWithCode(t, sub.msisdn);
    const before = await lineState(t.db, sub.lineId);
    let n = 0;
    for (const id of [archived.id, hidden.id, home.id, 'trf_doesnotexist0']) {
      n += 1;
      const res = await change(client, sub.lineId, { tariffId: id, when: 'now' }, `refused-key-${n}`);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'tariff_not_available' });
    }
    const same = await change(client, sub.lineId, { tariffId: sub.tariffId, when: 'now' }, 'same-tariff-1');
    expect(same.statusCode).toBe(409);
    expect(same.json()).toMatchObject({ code: 'same_tariff' });
    expect(await lineState(t.db, sub.lineId)).toEqual(before);
  });

  it('PLAN-03 a planned change can be cancelled', async () => {
    const sub = await buildSubscriber(t.db, { balance: 100_00n });
    const target = await buildOfferTariff(t.db);
    const client = await loginWithCode(t, sub.msisdn);
    const planned = await change(
      client,
      sub.lineId,
      { tariffId: target.id, when: 'next_period' },
      'cancel-key-1',
    );
    expect((await client.delete(`/api/v1/lines/${sub.lineId}/tariff-changes/pending`)).statusCode).toBe(204);
    expect((await client.delete(`/api/v1/lines/${sub.lineId}/tariff-changes/pending`)).statusCode).toBe(404);
    const req = (
      await client.get(`/api/v1/lines/${sub.lineId}/requests/${planned.json().request.id}`)
    ).json();
    expect(req.status).toBe('rejected');
    expect((await client.get(`/api/v1/lines/${sub.lineId}/tariff`)).json().pendingChange).toBeNull();
  });

  it('PLAN-03 a partial session may look but not change, and nothing changes', async () => {
    const sub = await buildSubscriber(t.db, { balance: 1000_00n, withLogin: true });
    const target = await buildOfferTariff(t.db);
    const { client } = await clientWithSession(t, sub.loginId ?? '', {
      access: 'partial',
      method: 'enrichment',
    });
    expect((await client.get(`/api/v1/lines/${sub.lineId}/tariff`)).statusCode).toBe(200);
    expect((await client.get(`/api/v1/lines/${sub.lineId}/tariffs`)).statusCode).toBe(200);
    const before = await lineState(t.db, sub.lineId);
    for (const res of [
      await change(client, sub.lineId, { tariffId: target.id, when: 'now' }, 'partial-key-1'),
      await change(client, sub.lineId, {}),
      await client.delete(`/api/v1/lines/${sub.lineId}/tariff-changes/pending`),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'forbidden' });
    }
    expect(await lineState(t.db, sub.lineId)).toEqual(before);
  });
  it('PLAN-03 a change from the next period is recorded, replaceable, and applied when due', async () => {
    const sub = await buildSubscriber(t.db, { balance: 300_00n, now: t.clock.now });
    const first = await buildOfferTariff(t.db);
    const target = await buildOfferTariff(t.db, {
      rates: { transition_fee: 30_00 },
      packages: [{ kind: 'sms', amount: 300 }],
    });
    const client = await loginWithCode(t, sub.msisdn);
    const { next_fee_at: boundary } = await lineState(t.db, sub.lineId);
    const replaced = await change(
      client,
      sub.lineId,
      { tariffId: first.id, when: 'next_period' },
      'plan-key-01',
    );
    const planned = await change(
      client,
      sub.lineId,
      { tariffId: target.id, when: 'next_period' },
      'plan-key-02',
    );
    expect(planned.statusCode).toBe(201);
    expect(planned.json()).toMatchObject({
      balance: 300_00,
      request: { status: 'accepted', effectiveAt: boundary?.toISOString() },
    });
    const old = await client.get(`/api/v1/lines/${sub.lineId}/requests/${replaced.json().request.id}`);
    expect(old.json()).toMatchObject({ status: 'rejected' });
    expect(old.json().events.at(-1).note).toMatch(/Replaced/);
    const current = (await client.get(`/api/v1/lines/${sub.lineId}/tariff`)).json();
    expect(current.id).toBe(sub.tariffId);
    expect(current.pendingChange).toMatchObject({
      tariff: { id: target.id },
      requestId: planned.json().request.id,
      at: boundary?.toISOString(),
    });

    expect(await applyDueTariffChanges(t.db, t.clock.now, t.ctx.timeZone)).toEqual({
      applied: [],
      rejected: [],
    });
    t.clock.advance(21 * DAY);
    const run = await applyDueTariffChanges(t.db, t.clock.now, t.ctx.timeZone);
    expect(run).toEqual({ applied: [planned.json().request.id], rejected: [] });
    expect(await applyDueTariffChanges(t.db, t.clock.now, t.ctx.timeZone)).toEqual({
      applied: [],
      rejected: [],
    });
    const after = await lineState(t.db, sub.lineId);
    expect(after.tariff_id).toBe(target.id);
    expect(after.balance).toBe(270_00n);
    expect(after.next_fee_at).toEqual(boundary);
    const sms = await t.db
      .selectFrom('buckets')
      .innerJoin('package_templates', 'package_templates.id', 'buckets.package_template_id')
      .select(['buckets.period_start', 'buckets.total', 'buckets.used'])
      .where('buckets.line_id', '=', sub.lineId)
      .where('package_templates.tariff_id', '=', target.id)
      .execute();
    expect(sms).toEqual([{ period_start: boundary, total: 300n, used: 0n }]);
    const later = await loginWithCode(t, sub.msisdn);
    const done = (
      await later.get(`/api/v1/lines/${sub.lineId}/requests/${planned.json().request.id}`)
    ).json();
    expect(done.status).toBe('done');
    expect(done.events.map((e: { status: string }) => e.status)).toEqual(['accepted', 'done']);
    await expectBooksBalance();
  });
});
