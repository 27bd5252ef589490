import { calendarDate } from '@kabinet/core';
import { type Db, verifyLedger } from '@kabinet/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOfferTariff, buildOption } from '../plans/test-fixtures.ts';
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

const DAY = 86_400_000;
let keys = 0;
function key(): Record<string, string> {
  keys += 1;
  return { 'idempotency-key': `history-test-key-${keys}` };
}

const today = () => calendarDate(t.clock.now, t.ctx.timeZone);

/** Moves the clock on by days and logs in again (sessions end after 30 idle minutes). */
async function later(days: number, msisdn: string): Promise<TestClient> {
  t.clock.advance(days * DAY);
  return loginWithCode(t, msisdn);
}

const connect = (c: TestClient, lineId: string, optionId: string) =>
  c.post(`/api/v1/lines/${lineId}/options`, { optionId }, key());
const disconnect = (c: TestClient, lineId: string, optionId: string) =>
  c.request('DELETE', `/api/v1/lines/${lineId}/options/${optionId}`, undefined, key());
const plan = (c: TestClient, lineId: string, date: string) =>
  c.get(`/api/v1/lines/${lineId}/history/revert-plan?date=${date}`);
const revert = (c: TestClient, lineId: string, body: unknown, headers = key()) =>
  c.post(`/api/v1/lines/${lineId}/history/revert`, body, headers);

async function lineState(db: Db, lineId: string) {
  const line = await db
    .selectFrom('lines')
    .innerJoin('billing_accounts', 'billing_accounts.id', 'lines.account_id')
    .innerJoin('ledger_accounts', 'ledger_accounts.id', 'billing_accounts.ledger_account_id')
    .select(['lines.tariff_id', 'ledger_accounts.balance'])
    .where('lines.id', '=', lineId)
    .executeTakeFirstOrThrow();
  const options = await db
    .selectFrom('line_options')
    .select('option_id')
    .where('line_id', '=', lineId)
    .execute();
  const transfers = await db
    .selectFrom('ledger_transfers')
    .select('kind')
    .where('line_id', '=', lineId)
    .execute();
  return { ...line, options: options.map((o) => o.option_id).sort(), transfers: transfers.length };
}

/** Gives a tariff a transition fee (PLAN-02 `rates.transition_fee`). */
async function setTransitionFee(tariffId: string, fee: number) {
  await t.db
    .updateTable('tariffs')
    .set({ rates: sql`rates || jsonb_build_object('transition_fee', ${fee}::int)` })
    .where('id', '=', tariffId)
    .execute();
}

describe('SVC-10 history and return to a date', () => {
  it('SVC-10 lists tariff and option changes and returns to a date charging every fee once per key', async () => {
    const sub = await buildSubscriber(t.db, { balance: 1000_00n });
    await setTransitionFee(sub.tariffId, 50_00);
    const other = await buildOfferTariff(t.db, { name: 'Другой' });
    const x = await buildOption(t.db, { name: 'Икс', connectFee: 30_00n, fee: 90_00n });
    const y = await buildOption(t.db, { name: 'Игрек', connectFee: 10_00n });
    let client = await loginWithCode(t, sub.msisdn);
    expect((await connect(client, sub.lineId, x.id)).statusCode).toBe(201);
    const day0 = today();

    client = await later(2, sub.msisdn);
    const change = await client.post(
      `/api/v1/lines/${sub.lineId}/tariff-changes`,
      { tariffId: other.id, when: 'now' },
      key(),
    );
    expect(change.statusCode).toBe(201);
    t.clock.advance(60_000);
    expect((await disconnect(client, sub.lineId, x.id)).statusCode).toBe(200);
    expect((await connect(client, sub.lineId, y.id)).statusCode).toBe(201);
    client = await later(1, sub.msisdn);

    const history = (await client.get(`/api/v1/lines/${sub.lineId}/history`)).json();
    expect(history.today).toBe(today());
    expect(history.changes.map((c: { type: string; item: { id: string } }) => [c.type, c.item.id])).toEqual([
      ['option_connected', y.id],
      ['option_disconnected', x.id],
      ['tariff_changed', other.id],
      ['option_connected', x.id],
      ['tariff_started', sub.tariffId],
    ]);
    expect(history.changes[2].previous).toMatchObject({ id: sub.tariffId });

    const shown = await plan(client, sub.lineId, day0);
    expect(shown.statusCode).toBe(200);
    const body = shown.json();
    expect(body).toMatchObject({
      date: day0,
      tariff: {
        from: { id: other.id },
        to: { id: sub.tariffId },
        fee: 50_00,
        periodicFee: 450_00,
        feePeriod: 'month',
      },
      connect: [
        { option: { id: x.id, name: { ru: 'Икс' } }, fee: 30_00, periodicFee: 90_00, feePeriod: 'month' },
      ],
      disconnect: [{ option: { id: y.id }, reason: 'not_in_past' }],
      skipped: [],
      total: 80_00,
      empty: false,
    });
    const before = await lineState(t.db, sub.lineId);
    expect(body.balance).toBe(Number(before.balance));

    // A double submit: both answers are the one revert, the second replayed from the key.
    const headers = key();
    const confirm = { date: day0, fingerprint: body.fingerprint };
    const pair = await Promise.all([
      revert(client, sub.lineId, confirm, headers),
      revert(client, sub.lineId, confirm, headers),
    ]);
    expect(pair.map((r) => r.statusCode)).toEqual([201, 201]);
    expect(pair.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(1);
    const done = pair.find((r) => r.headers['idempotent-replayed'] !== 'true') ?? pair[0];
    if (!done) throw new Error('no answer');
    expect(done.json()).toMatchObject({
      request: { kind: 'service_revert', status: 'done' },
      balance: Number(before.balance) - 80_00,
    });
    const replay = await revert(client, sub.lineId, { date: day0, fingerprint: body.fingerprint }, headers);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');

    const after = await lineState(t.db, sub.lineId);
    expect(after).toMatchObject({
      tariff_id: sub.tariffId,
      options: [x.id],
      balance: before.balance - 80_00n,
    });
    expect(after.transfers).toBe(before.transfers + 2);
    const requests = await t.db
      .selectFrom('requests')
      .select(['kind', 'status'])
      .where('line_id', '=', sub.lineId)
      .where('kind', '=', 'service_revert')
      .execute();
    expect(requests).toEqual([{ kind: 'service_revert', status: 'done' }]);
    const journal = await t.db
      .selectFrom('journal')
      .select('action')
      .where('line_id', '=', sub.lineId)
      .where(sql<boolean>`details ->> 'requestId' = ${done.json().request.id}`)
      .orderBy('id')
      .execute();
    expect(journal.map((j) => j.action)).toEqual([
      'option.disconnected',
      'tariff.changed',
      'option.connected',
      'history.reverted',
    ]);
    const books = await verifyLedger(t.db);
    expect(books.mismatches).toEqual([]);
    expect(books.total).toBe(0n);

    const again = (await plan(client, sub.lineId, day0)).json();
    expect(again.empty).toBe(true);
    const nothing = await revert(client, sub.lineId, { date: day0, fingerprint: again.fingerprint });
    expect(nothing.statusCode).toBe(409);
    expect(nothing.json()).toMatchObject({ code: 'nothing_to_revert' });
    const latest = (await client.get(`/api/v1/lines/${sub.lineId}/history`)).json();
    expect(latest.changes[0]).toMatchObject({ type: 'option_connected', item: { id: x.id } });
  });

  it('SVC-10 explains and skips archived, incompatible and content items, charging nothing for them', async () => {
    const sub = await buildSubscriber(t.db, { balance: 100_00n });
    const kept = await buildOption(t.db);
    const archived = await buildOption(t.db, { connectFee: 5_00n });
    const clashing = await buildOption(t.db, { connectFee: 7_00n });
    const content = await buildOption(t.db, { category: 'content', shortNumber: '4477' });
    const added = await buildOption(t.db);
    let client = await loginWithCode(t, sub.msisdn);
    for (const o of [kept, archived, clashing])
      expect((await connect(client, sub.lineId, o.id)).statusCode).toBe(201);
    await t.db.insertInto('line_options').values({ line_id: sub.lineId, option_id: content.id }).execute();
    const day0 = today();

    client = await later(1, sub.msisdn);
    expect((await disconnect(client, sub.lineId, archived.id)).statusCode).toBe(200);
    expect((await disconnect(client, sub.lineId, clashing.id)).statusCode).toBe(200);
    const unsub = await client.request('DELETE', `/api/v1/lines/${sub.lineId}/subscriptions/${content.id}`);
    expect(unsub.statusCode).toBe(200);
    expect((await connect(client, sub.lineId, added.id)).statusCode).toBe(201);
    await t.db
      .updateTable('options')
      .set({ archived_at: t.clock.now })
      .where('id', '=', archived.id)
      .execute();
    await t.db
      .updateTable('options')
      .set({ excludes_options: [kept.code] })
      .where('id', '=', clashing.id)
      .execute();

    client = await later(1, sub.msisdn);
    const body = (await plan(client, sub.lineId, day0)).json();
    expect(body).toMatchObject({
      tariff: null,
      connect: [],
      disconnect: [{ option: { id: added.id }, reason: 'not_in_past' }],
      total: 0,
    });
    expect(body.skipped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ item: expect.objectContaining({ id: archived.id }), reason: 'archived' }),
        expect.objectContaining({
          item: expect.objectContaining({ id: clashing.id }),
          reason: 'excludes_option',
          clashes: [expect.objectContaining({ code: kept.code })],
        }),
        expect.objectContaining({ item: expect.objectContaining({ id: content.id }), reason: 'content' }),
      ]),
    );
    expect(body.skipped).toHaveLength(3);
    const before = await lineState(t.db, sub.lineId);
    const done = await revert(client, sub.lineId, { date: day0, fingerprint: body.fingerprint });
    expect(done.statusCode).toBe(201);
    expect(done.json().request.events.at(-1).note).toContain('archived');
    const after = await lineState(t.db, sub.lineId);
    expect(after).toMatchObject({ options: [kept.id], balance: before.balance, transfers: before.transfers });
  });

  it('SVC-10 changes nothing when the fees are not covered or the plan changed since it was shown', async () => {
    const sub = await buildSubscriber(t.db, { balance: 20_00n });
    const dear = await buildOption(t.db, { connectFee: 15_00n });
    let client = await loginWithCode(t, sub.msisdn);
    expect((await connect(client, sub.lineId, dear.id)).statusCode).toBe(201);
    const day0 = today();
    client = await later(1, sub.msisdn);
    expect((await disconnect(client, sub.lineId, dear.id)).statusCode).toBe(200);
    const body = (await plan(client, sub.lineId, day0)).json();
    expect(body.total).toBe(15_00);

    const before = await lineState(t.db, sub.lineId);
    const poor = await revert(client, sub.lineId, { date: day0, fingerprint: body.fingerprint });
    expect(poor.statusCode).toBe(402);
    expect(poor.json()).toMatchObject({ code: 'insufficient_funds', required: 15_00, available: 5_00 });
    const stale = await revert(client, sub.lineId, { date: day0, fingerprint: 'not-the-plan' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'plan_changed' });
    expect(await lineState(t.db, sub.lineId)).toEqual(before);
    const revertRequests = await t.db
      .selectFrom('requests')
      .select('id')
      .where('line_id', '=', sub.lineId)
      .where('kind', '=', 'service_revert')
      .execute();
    expect(revertRequests).toEqual([]);

    const future = await plan(
      client,
      sub.lineId,
      calendarDate(new Date(t.clock.now.getTime() + 2 * DAY), 'Europe/Moscow'),
    );
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ errors: [{ field: 'date', code: 'in_future' }] });
    const ancient = await plan(client, sub.lineId, '2001-01-01');
    expect(ancient.json()).toMatchObject({ errors: [{ field: 'date', code: 'before_history' }] });
    expect((await plan(client, sub.lineId, '2026-13-01')).statusCode).toBe(400);
    expect((await plan(client, sub.lineId, '2026-02-30')).json()).toMatchObject({
      errors: [{ field: 'date', code: 'invalid_date' }],
    });
  });

  it('SVC-10 a line created without history gets one from its state before its first change', async () => {
    const sub = await buildSubscriber(t.db);
    const old = await buildOption(t.db);
    const since = new Date(t.clock.now.getTime() - 5 * DAY);
    await t.db
      .insertInto('line_options')
      .values({ line_id: sub.lineId, option_id: old.id, connected_at: since })
      .execute();
    await t.db.updateTable('lines').set({ activated_at: since }).where('id', '=', sub.lineId).execute();
    const client = await loginWithCode(t, sub.msisdn);
    const before = (await client.get(`/api/v1/lines/${sub.lineId}/history`)).json();
    expect(before.changes.map((c: { type: string }) => c.type)).toEqual([
      'option_connected',
      'tariff_started',
    ]);
    expect((await disconnect(client, sub.lineId, old.id)).statusCode).toBe(200);

    const rows = await t.db
      .selectFrom('line_service_periods')
      .select(['tariff_id', 'option_id', 'valid_from', 'valid_to'])
      .where('line_id', '=', sub.lineId)
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { tariff_id: sub.tariffId, option_id: null, valid_from: since, valid_to: null },
      { tariff_id: null, option_id: old.id, valid_from: since, valid_to: t.clock.now },
    ]);
    const plan3 = (await plan(client, sub.lineId, calendarDate(since, t.ctx.timeZone))).json();
    expect(plan3.connect).toEqual([
      expect.objectContaining({ option: expect.objectContaining({ id: old.id }) }),
    ]);
  });

  it('SVC-10 answers 404 for another subscriber’s line and 403 to a partial session', async () => {
    const owner = await buildSubscriber(t.db, { withLogin: true });
    const stranger = await buildSubscriber(t.db);
    const client = await loginWithCode(t, stranger.msisdn);
    const body = { date: today(), fingerprint: 'x' };
    expect((await client.get(`/api/v1/lines/${owner.lineId}/history`)).statusCode).toBe(404);
    expect((await plan(client, owner.lineId, today())).statusCode).toBe(404);
    expect((await revert(client, owner.lineId, body)).statusCode).toBe(404);

    const { client: partial } = await clientWithSession(t, owner.loginId as string, { access: 'partial' });
    expect((await partial.get(`/api/v1/lines/${owner.lineId}/history`)).statusCode).toBe(403);
    const refused = await revert(partial, owner.lineId, body);
    expect(refused.statusCode).toBe(403);
    expect(await lineState(t.db, owner.lineId)).toMatchObject({ options: [] });
  });
});
