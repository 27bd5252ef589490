import { type Db, verifyLedger } from '@kabinet/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOption } from '../plans/test-fixtures.ts';
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

let keys = 0;
function key(): Record<string, string> {
  keys += 1;
  return { 'idempotency-key': `svc-test-key-${keys}` };
}

function connect(
  client: TestClient,
  lineId: string,
  optionId: string,
  headers: Record<string, string> = key(),
) {
  return client.post(`/api/v1/lines/${lineId}/options`, { optionId }, headers);
}

function disconnect(
  client: TestClient,
  lineId: string,
  optionId: string,
  headers: Record<string, string> = key(),
) {
  return client.request('DELETE', `/api/v1/lines/${lineId}/options/${optionId}`, undefined, headers);
}

async function snapshot(db: Db, lineId: string) {
  const rows = async (table: 'buckets' | 'requests' | 'ledger_transfers' | 'line_options') =>
    (await db.selectFrom(table).selectAll().where('line_id', '=', lineId).execute()).length;
  const balance = await db
    .selectFrom('lines')
    .innerJoin('billing_accounts', 'billing_accounts.id', 'lines.account_id')
    .innerJoin('ledger_accounts', 'ledger_accounts.id', 'billing_accounts.ledger_account_id')
    .select('ledger_accounts.balance')
    .where('lines.id', '=', lineId)
    .executeTakeFirstOrThrow();
  return {
    balance: balance.balance,
    buckets: await rows('buckets'),
    requests: await rows('requests'),
    transfers: await rows('ledger_transfers'),
    options: await rows('line_options'),
  };
}

async function subscribe(lineId: string, optionId: string) {
  await t.db.insertInto('line_options').values({ line_id: lineId, option_id: optionId }).execute();
}

describe('options', () => {
  it('SVC-01 lists connected options and the catalog by category and search, without content subscriptions', async () => {
    const sub = await buildSubscriber(t.db);
    const net = await buildOption(t.db, { name: 'Безлимитные Соцсети', category: 'internet', fee: 90_00n });
    const roam = await buildOption(t.db, { name: 'Roaming Europe', category: 'roaming' });
    const connected = await buildOption(t.db, {
      category: 'calls',
      connectFee: 10_00n,
      packages: [{ kind: 'voice', amount: 100 }],
    });
    const content = await buildOption(t.db, { category: 'content', shortNumber: '4455' });
    const archived = await buildOption(t.db, { archived: true });
    await subscribe(sub.lineId, connected.id);
    const client = await loginWithCode(t, sub.msisdn);
    const all = (await client.get(`/api/v1/lines/${sub.lineId}/options`)).json();
    expect(all.connected.map((o: { id: string }) => o.id)).toEqual([connected.id]);
    expect(all.connected[0]).toMatchObject({
      connectFee: 1000,
      packages: [{ kind: 'voice', amount: 100, unit: 'min' }],
    });
    const available = all.available.map((o: { id: string }) => o.id);
    expect(available).toEqual(expect.arrayContaining([net.id, roam.id]));
    for (const absent of [connected.id, content.id, archived.id]) expect(available).not.toContain(absent);

    const roaming = (await client.get(`/api/v1/lines/${sub.lineId}/options?category=roaming`)).json();
    expect(roaming.available.every((o: { category: string }) => o.category === 'roaming')).toBe(true);
    expect(roaming.available.map((o: { id: string }) => o.id)).toContain(roam.id);
    const found = (
      await client.get(`/api/v1/lines/${sub.lineId}/options?q=${encodeURIComponent('соцсети')}`)
    ).json();
    expect(found.available.map((o: { id: string }) => o.id)).toEqual([net.id]);
    expect(found.connected).toEqual([]);
  });

  it('SVC-02 connects an option charging its connection fee once, adds its packages, and disconnects it', async () => {
    const sub = await buildSubscriber(t.db, { balance: 200_00n });
    const option = await buildOption(t.db, {
      connectFee: 50_00n,
      fee: 150_00n,
      packages: [{ kind: 'data', amount: 5 * 1024 }],
    });
    const client = await loginWithCode(t, sub.msisdn);
    const headers = key();
    const res = await connect(client, sub.lineId, option.id, headers);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      balance: 150_00,
      request: { kind: 'option_connect', status: 'done' },
    });
    const replay = await connect(client, sub.lineId, option.id, headers);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const again = await connect(client, sub.lineId, option.id);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'already_connected' });
    const fees = await t.db
      .selectFrom('ledger_transfers')
      .select(['amount', 'kind'])
      .where('line_id', '=', sub.lineId)
      .where('kind', '=', 'option_connect')
      .execute();
    expect(fees).toEqual([{ amount: 50_00n, kind: 'option_connect' }]);

    const list = (await client.get(`/api/v1/lines/${sub.lineId}/options`)).json();
    expect(list.connected).toEqual([
      expect.objectContaining({
        id: option.id,
        fee: 15000,
        feePeriod: 'month',
        nextFeeAt: expect.any(String),
      }),
    ]);
    const dash = (await client.get(`/api/v1/lines/${sub.lineId}/dashboard`)).json();
    const data = dash.packages.filter((p: { kind: string }) => p.kind === 'data');
    expect(data.map((p: { total: number }) => p.total).sort()).toEqual([20480, 5120]);

    const off = await disconnect(client, sub.lineId, option.id);
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({
      balance: 150_00,
      request: { kind: 'option_disconnect', status: 'done' },
    });
    const after = (await client.get(`/api/v1/lines/${sub.lineId}/dashboard`)).json();
    expect(after.packages.filter((p: { kind: string }) => p.kind === 'data')).toHaveLength(1);
    const bucketsLeft = await t.db
      .selectFrom('buckets')
      .innerJoin('package_templates', 'package_templates.id', 'buckets.package_template_id')
      .select('buckets.id')
      .where('package_templates.option_id', '=', option.id)
      .execute();
    expect(bucketsLeft).toEqual([]);
    const actions = await t.db
      .selectFrom('journal')
      .select('action')
      .where('line_id', '=', sub.lineId)
      .where('action', 'like', 'option.%')
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['option.connected', 'option.disconnected']);
    const books = await verifyLedger(t.db);
    expect(books.mismatches).toEqual([]);
    expect(books.total).toBe(0n);
  });

  it('SVC-02 refuses an incompatible option with the explanation, and changes nothing', async () => {
    const sub = await buildSubscriber(t.db, { balance: 500_00n });
    const tariff = await t.db
      .selectFrom('tariffs')
      .select('code')
      .where('id', '=', sub.tariffId)
      .executeTakeFirstOrThrow();
    const unlimited = await buildOption(t.db, { name: 'Безлимит' });
    const small = await buildOption(t.db, { excludesOptions: [unlimited.code], connectFee: 10_00n });
    const vip = await buildOption(t.db, { requiresTariffs: ['no-such-tariff'] });
    const fits = await buildOption(t.db, { requiresTariffs: [tariff.code] });
    await subscribe(sub.lineId, unlimited.id);
    const client = await loginWithCode(t, sub.msisdn);
    const before = await snapshot(t.db, sub.lineId);

    const clash = await connect(client, sub.lineId, small.id);
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({
      code: 'incompatible',
      incompatibility: {
        code: 'excludes_option',
        options: [{ code: unlimited.code, name: { ru: 'Безлимит' } }],
      },
    });
    const needs = await connect(client, sub.lineId, vip.id);
    expect(needs.json()).toMatchObject({
      code: 'incompatible',
      incompatibility: { code: 'requires_tariff', tariffs: [{ code: 'no-such-tariff' }] },
    });
    expect(await snapshot(t.db, sub.lineId)).toEqual(before);

    const list = (await client.get(`/api/v1/lines/${sub.lineId}/options`)).json();
    const offer = (id: string) => list.available.find((o: { id: string }) => o.id === id);
    expect(offer(small.id)).toMatchObject({
      compatible: false,
      incompatibility: { code: 'excludes_option' },
    });
    expect(offer(vip.id)).toMatchObject({ compatible: false, incompatibility: { code: 'requires_tariff' } });
    expect(offer(fits.id)).toMatchObject({ compatible: true, incompatibility: null });
    expect((await connect(client, sub.lineId, fits.id)).statusCode).toBe(201);
  });

  it('SVC-02 refuses a connection fee the account cannot pay', async () => {
    const sub = await buildSubscriber(t.db, { balance: 10_00n });
    const option = await buildOption(t.db, { connectFee: 30_00n });
    const client = await loginWithCode(t, sub.msisdn);
    const before = await snapshot(t.db, sub.lineId);
    const res = await connect(client, sub.lineId, option.id);
    expect(res.statusCode).toBe(402);
    expect(res.json()).toMatchObject({ code: 'insufficient_funds', required: 3000, available: 1000 });
    expect(await snapshot(t.db, sub.lineId)).toEqual(before);
  });

  it('SVC-02 concurrent connections queue on the line: exclusive options and fees beyond the balance cannot both pass', async () => {
    const sub = await buildSubscriber(t.db, { balance: 100_00n });
    const unlimited = await buildOption(t.db, { connectFee: 60_00n });
    const small = await buildOption(t.db, { connectFee: 10_00n, excludesOptions: [unlimited.code] });
    const other = await buildOption(t.db, { connectFee: 60_00n });
    const client = await loginWithCode(t, sub.msisdn);
    const clash = await Promise.all([
      connect(client, sub.lineId, unlimited.id),
      connect(client, sub.lineId, small.id),
    ]);
    expect(clash.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await snapshot(t.db, sub.lineId)).toMatchObject({ options: 1 });

    const poor = await buildSubscriber(t.db, { balance: 100_00n });
    const second = await buildOption(t.db, { connectFee: 60_00n });
    const poorClient = await loginWithCode(t, poor.msisdn);
    const race = await Promise.all([
      connect(poorClient, poor.lineId, other.id),
      connect(poorClient, poor.lineId, second.id),
    ]);
    expect(race.map((r) => r.statusCode).sort()).toEqual([201, 402]);
    expect(await snapshot(t.db, poor.lineId)).toMatchObject({ balance: 40_00n, options: 1, requests: 1 });
    const books = await verifyLedger(t.db);
    expect(books.mismatches).toEqual([]);
  });

  it('SVC-02 refuses to disconnect an option that is not connected, and an unknown or archived one', async () => {
    const sub = await buildSubscriber(t.db);
    const option = await buildOption(t.db);
    const archived = await buildOption(t.db, { archived: true });
    const client = await loginWithCode(t, sub.msisdn);
    const res = await disconnect(client, sub.lineId, option.id);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'not_connected' });
    expect((await disconnect(client, sub.lineId, 'opt_doesnotexist0')).statusCode).toBe(404);
    expect((await connect(client, sub.lineId, archived.id)).statusCode).toBe(404);
    expect((await disconnect(client, sub.lineId, option.id, {})).json().errors[0]).toMatchObject({
      field: 'Idempotency-Key',
    });
  });

  it('SVC-02 SVC-03 a partial session may look but gets 403 on every change, and nothing changes', async () => {
    const sub = await buildSubscriber(t.db, { balance: 100_00n, withLogin: true });
    const option = await buildOption(t.db);
    const connected = await buildOption(t.db);
    const content = await buildOption(t.db, { category: 'content', fee: 10_00n, feePeriod: 'day' });
    await subscribe(sub.lineId, connected.id);
    await subscribe(sub.lineId, content.id);
    const { client } = await clientWithSession(t, sub.loginId ?? '', {
      access: 'partial',
      method: 'enrichment',
    });
    expect((await client.get(`/api/v1/lines/${sub.lineId}/options`)).statusCode).toBe(200);
    expect((await client.get(`/api/v1/lines/${sub.lineId}/subscriptions`)).statusCode).toBe(200);
    const before = await snapshot(t.db, sub.lineId);
    const refused = [
      await connect(client, sub.lineId, option.id),
      await client.post(`/api/v1/lines/${sub.lineId}/options`, {}),
      await disconnect(client, sub.lineId, connected.id),
      await client.delete(`/api/v1/lines/${sub.lineId}/subscriptions/${content.id}`),
      await client.delete(`/api/v1/lines/${sub.lineId}/subscriptions`),
      await client.get(`/api/v1/lines/${sub.lineId}/requests`),
    ];
    for (const res of refused) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'forbidden' });
    }
    expect(await snapshot(t.db, sub.lineId)).toEqual(before);
  });
});

describe('content subscriptions', () => {
  it('SVC-03 lists paid subscriptions and unsubscribes from one, then from all at once', async () => {
    const sub = await buildSubscriber(t.db);
    const horoscope = await buildOption(t.db, {
      category: 'content',
      name: 'Гороскоп',
      shortNumber: '4040',
      fee: 15_00n,
      feePeriod: 'day',
    });
    const news = await buildOption(t.db, { category: 'content', shortNumber: '5050' });
    const games = await buildOption(t.db, { category: 'content', shortNumber: '6060' });
    const plain = await buildOption(t.db);
    for (const o of [horoscope, news, games, plain]) await subscribe(sub.lineId, o.id);
    const client = await loginWithCode(t, sub.msisdn);
    const list = (await client.get(`/api/v1/lines/${sub.lineId}/subscriptions`)).json();
    expect(list.subscriptions).toHaveLength(3);
    expect(list.subscriptions.find((s: { id: string }) => s.id === horoscope.id)).toMatchObject({
      name: { ru: 'Гороскоп' },
      shortNumber: '4040',
      fee: 1500,
      feePeriod: 'day',
    });

    const one = await client.delete(`/api/v1/lines/${sub.lineId}/subscriptions/${horoscope.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({
      unsubscribed: 1,
      request: { kind: 'content_unsubscribe', status: 'done', title: { ru: 'Отписка от «Гороскоп»' } },
    });
    const twice = await client.delete(`/api/v1/lines/${sub.lineId}/subscriptions/${horoscope.id}`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'not_connected' });
    expect((await client.delete(`/api/v1/lines/${sub.lineId}/subscriptions/${plain.id}`)).statusCode).toBe(
      404,
    );

    const all = await client.delete(`/api/v1/lines/${sub.lineId}/subscriptions`);
    expect(all.statusCode).toBe(200);
    expect(all.json()).toMatchObject({ unsubscribed: 2, request: { kind: 'content_unsubscribe' } });
    expect((await client.get(`/api/v1/lines/${sub.lineId}/subscriptions`)).json().subscriptions).toEqual([]);
    const left = await t.db
      .selectFrom('line_options')
      .select('option_id')
      .where('line_id', '=', sub.lineId)
      .execute();
    expect(left).toEqual([{ option_id: plain.id }]);
    const journal = await t.db
      .selectFrom('journal')
      .select('details')
      .where('line_id', '=', sub.lineId)
      .where('action', '=', 'content.unsubscribed')
      .execute();
    expect(journal.map((j) => j.details.shortNumber).sort()).toEqual(['4040', '5050', '6060']);
    expect((await client.delete(`/api/v1/lines/${sub.lineId}/subscriptions`)).statusCode).toBe(409);
  });
});

describe('requests', () => {
  it('SVC-11 lists the line’s requests newest first with their time lines, by status and page', async () => {
    const sub = await buildSubscriber(t.db, { balance: 100_00n });
    const a = await buildOption(t.db);
    const b = await buildOption(t.db);
    const client = await loginWithCode(t, sub.msisdn);
    await connect(client, sub.lineId, a.id);
    t.clock.advance(1000);
    await connect(client, sub.lineId, b.id);
    t.clock.advance(1000);
    await disconnect(client, sub.lineId, a.id);
    const res = await client.get(`/api/v1/lines/${sub.lineId}/requests?limit=2`);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.requests.map((r: { kind: string }) => r.kind)).toEqual([
      'option_disconnect',
      'option_connect',
    ]);
    expect(page.requests[0]).toMatchObject({
      status: 'done',
      title: { en: expect.stringContaining('Disconnect') },
      events: [
        { status: 'accepted', note: '', at: expect.any(String) },
        { status: 'done', note: '', at: expect.any(String) },
      ],
    });
    expect(page.nextBefore).toBe(page.requests[1].id);
    const rest = (
      await client.get(`/api/v1/lines/${sub.lineId}/requests?limit=2&before=${page.nextBefore}`)
    ).json();
    expect(rest.requests).toHaveLength(1);
    expect(rest.nextBefore).toBeNull();
    const done = (await client.get(`/api/v1/lines/${sub.lineId}/requests?status=done`)).json();
    expect(done.requests).toHaveLength(3);
    const accepted = (await client.get(`/api/v1/lines/${sub.lineId}/requests?status=accepted`)).json();
    expect(accepted.requests).toEqual([]);
    const one = await client.get(`/api/v1/lines/${sub.lineId}/requests/${page.requests[0].id}`);
    expect(one.json()).toEqual(page.requests[0]);
    const other = await buildSubscriber(t.db);
    const theirs = await loginWithCode(t, other.msisdn);
    expect(
      (await theirs.get(`/api/v1/lines/${other.lineId}/requests/${page.requests[0].id}`)).statusCode,
    ).toBe(404);
  });
});
