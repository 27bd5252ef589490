import { calendarDay } from '@kabinet/core';
import { type Db, verifyLedger } from '@kabinet/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { loginWithCode, type TestClient } from '../test/http-client.ts';
import { applyDueTariffChanges } from './apply-due-tariff-changes.ts';
import { lineTariffFee } from './tariff-price.ts';
import {
  addPriceChange,
  BUILDER_STEPS,
  buildConfigurableTariff,
  buildOfferTariff,
  buildOption,
} from './test-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const DAY = 86_400_000;
const GB = 1024n ** 3n;

function change(client: TestClient, lineId: string, body: unknown, key: string) {
  return client.post(`/api/v1/lines/${lineId}/tariff-changes`, body, { 'idempotency-key': key });
}

async function balanceOf(db: Db, lineId: string): Promise<bigint> {
  const row = await db
    .selectFrom('lines')
    .innerJoin('billing_accounts', 'billing_accounts.id', 'lines.account_id')
    .innerJoin('ledger_accounts', 'ledger_accounts.id', 'billing_accounts.ledger_account_id')
    .select('ledger_accounts.balance')
    .where('lines.id', '=', lineId)
    .executeTakeFirstOrThrow();
  return row.balance;
}

/** The line's current buckets of a tariff, by kind: total and used. */
async function currentBuckets(db: Db, lineId: string, tariffId: string, at: Date) {
  const rows = await db
    .selectFrom('buckets')
    .innerJoin('package_templates', 'package_templates.id', 'buckets.package_template_id')
    .select(['buckets.kind', 'buckets.total', 'buckets.used'])
    .where('buckets.line_id', '=', lineId)
    .where('package_templates.tariff_id', '=', tariffId)
    .where('buckets.period_start', '<=', at)
    .where((eb) => eb.or([eb('buckets.period_end', 'is', null), eb('buckets.period_end', '>', at)]))
    .orderBy('buckets.kind')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.kind, { total: r.total, used: r.used }]));
}

async function counts(db: Db, lineId: string) {
  const n = async (table: 'requests' | 'ledger_transfers' | 'journal' | 'line_tariff_choices') =>
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
    requests: await n('requests'),
    transfers: await n('ledger_transfers'),
    journal: await n('journal'),
    choices: await n('line_tariff_choices'),
    balance: await balanceOf(db, lineId),
  };
}

async function expectBooksBalance() {
  const books = await verifyLedger(t.db);
  expect(books.mismatches).toEqual([]);
  expect(books.total).toBe(0n);
}

describe('configurable tariffs and effective-dated fees', () => {
  it('PLAN-05 offers a configurable tariff with its sliders; switching with amounts charges the transition fee, sizes the packages and sets the dashboard fee', async () => {
    const sub = await buildSubscriber(t.db, { balance: 1000_00n, now: t.clock.now });
    const builder = await buildConfigurableTariff(t.db, { transitionFee: 50_00 });
    const client = await loginWithCode(t, sub.msisdn);
    const offers = (await client.get(`/api/v1/lines/${sub.lineId}/tariffs`)).json().tariffs;
    const offer = offers.find((o: { id: string }) => o.id === builder.id);
    expect(offer).toMatchObject({
      fee: 500_00,
      transitionFee: 50_00,
      configurable: {
        baseFee: 150_00,
        minutes: [
          { amount: 100, fee: 50_00 },
          { amount: 300, fee: 120_00 },
          { amount: 600, fee: 200_00 },
        ],
        messages: [
          { amount: 0, fee: 0 },
          { amount: 100, fee: 30_00 },
        ],
        start: { minutes: 300, gigabytes: 10, messages: 100 },
      },
    });

    const choice = { minutes: 600, gigabytes: 20, messages: 0 };
    const res = await change(
      client,
      sub.lineId,
      { tariffId: builder.id, when: 'now', choice },
      'builder-now-01',
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ balance: 950_00, request: { status: 'done' } });
    expect(await currentBuckets(t.db, sub.lineId, builder.id, t.clock.now)).toEqual({
      voice: { total: 600n * 60n, used: 0n },
      data: { total: 20n * GB, used: 0n },
    });
    const current = (await client.get(`/api/v1/lines/${sub.lineId}/tariff`)).json();
    // 150 base + 200 (600 min) + 300 (20 GB) + 0 (no SMS).
    expect(current).toMatchObject({ id: builder.id, fee: 650_00, nextFee: 650_00, choice });
    expect(current.packages.map((p: { kind: string; amount: number }) => [p.kind, p.amount])).toEqual([
      ['data', 20 * 1024],
      ['voice', 600],
    ]);
    expect(await lineTariffFee(t.db, sub.lineId, t.clock.now, t.ctx.timeZone)).toBe(650_00n);
    const dashboard = (await client.get(`/api/v1/lines/${sub.lineId}/dashboard`)).json();
    expect(dashboard.tariff.fee).toBe(650_00);
    expect(dashboard.nextCharge.amount).toBe(650_00);
    expect(dashboard.packages.map((p: { kind: string; total: number }) => [p.kind, p.total])).toEqual([
      ['data', 20 * 1024],
      ['voice', 600],
    ]);
    const journal = await t.db
      .selectFrom('journal')
      .select(['action', 'details'])
      .where('line_id', '=', sub.lineId)
      .where('action', '=', 'tariff.changed')
      .executeTakeFirstOrThrow();
    expect(journal.details).toMatchObject({
      toTariffId: builder.id,
      choice,
      fee: 50_00,
      periodicFee: 650_00,
    });
    await expectBooksBalance();
  });

  it('PLAN-05 re-configuring now charges the rise once per key, keeps what was used, and refuses the same amounts', async () => {
    const sub = await buildSubscriber(t.db, { balance: 1000_00n, now: t.clock.now });
    const builder = await buildConfigurableTariff(t.db);
    const client = await loginWithCode(t, sub.msisdn);
    const first = { minutes: 300, gigabytes: 10, messages: 0 };
    expect(
      (await change(client, sub.lineId, { tariffId: builder.id, when: 'now', choice: first }, 'rc-key-01'))
        .statusCode,
    ).toBe(201);
    await t.db
      .updateTable('buckets')
      .set({ used: 200n * 60n })
      .where('line_id', '=', sub.lineId)
      .where('kind', '=', 'voice')
      .where('period_end', '>', t.clock.now)
      .execute();
    const before = await counts(t.db, sub.lineId);

    const bigger = { minutes: 600, gigabytes: 10, messages: 100 };
    const body = { tariffId: builder.id, when: 'now', choice: bigger };
    const raised = await change(client, sub.lineId, body, 'rc-key-02');
    expect(raised.statusCode).toBe(201);
    // 470 ₽ → 580 ₽: the 110 ₽ rise is charged for the running period.
    expect(raised.json().balance).toBe(Number(before.balance - 110_00n));
    const replay = await change(client, sub.lineId, body, 'rc-key-02');
    expect(replay.statusCode).toBe(201);
    expect(replay.json()).toEqual(raised.json());
    expect(await balanceOf(t.db, sub.lineId)).toBe(before.balance - 110_00n);
    expect(await currentBuckets(t.db, sub.lineId, builder.id, t.clock.now)).toEqual({
      voice: { total: 600n * 60n, used: 200n * 60n },
      data: { total: 10n * GB, used: 0n },
      sms: { total: 100n, used: 0n },
    });
    const request = (
      await client.get(`/api/v1/lines/${sub.lineId}/requests/${raised.json().request.id}`)
    ).json();
    expect(request.title.ru).toBe(`Настройка тарифа «Тариф ${builder.code}»: 600 мин, 10 ГБ, 100 SMS`);

    const smaller = await change(client, sub.lineId, { ...body, choice: first }, 'rc-key-03');
    expect(smaller.statusCode).toBe(201);
    expect(smaller.json().balance).toBe(raised.json().balance);
    const same = await change(client, sub.lineId, { ...body, choice: first }, 'rc-key-04');
    expect(same.statusCode).toBe(409);
    expect(same.json()).toMatchObject({ code: 'same_choice' });
    const current = (await client.get(`/api/v1/lines/${sub.lineId}/tariff`)).json();
    expect(current).toMatchObject({ fee: 470_00, choice: first });
    await expectBooksBalance();
  });

  it('PLAN-05 amounts off the steps, out of range or for a tariff without sliders are field errors; nothing is charged', async () => {
    const sub = await buildSubscriber(t.db, { balance: 1000_00n, now: t.clock.now });
    const builder = await buildConfigurableTariff(t.db, { transitionFee: 50_00 });
    const plain = await buildOfferTariff(t.db, { rates: { transition_fee: 10_00 } });
    const client = await loginWithCode(t, sub.msisdn);
    const before = await counts(t.db, sub.lineId);

    const offStep = await change(
      client,
      sub.lineId,
      { tariffId: builder.id, when: 'now', choice: { minutes: 250, gigabytes: 40, messages: 100 } },
      'bad-key-01',
    );
    expect(offStep.statusCode).toBe(400);
    expect(offStep.json()).toMatchObject({
      code: 'validation_failed',
      errors: [
        { field: 'choice.minutes', code: 'not_a_step', message: 'minutes must be one of 100, 300, 600' },
        { field: 'choice.gigabytes', code: 'out_of_range', message: 'gigabytes must be from 5 to 20' },
      ],
    });
    const notConfigurable = await change(
      client,
      sub.lineId,
      { tariffId: plain.id, when: 'now', choice: { minutes: 300, gigabytes: 10, messages: 0 } },
      'bad-key-02',
    );
    expect(notConfigurable.statusCode).toBe(400);
    expect(notConfigurable.json().errors).toEqual([
      expect.objectContaining({ field: 'choice', code: 'not_configurable' }),
    ]);
    const negative = await change(
      client,
      sub.lineId,
      { tariffId: builder.id, when: 'now', choice: { minutes: -1, gigabytes: 10, messages: 0 } },
      'bad-key-03',
    );
    expect(negative.statusCode).toBe(400);
    expect(JSON.stringify(negative.json().errors)).toContain('minutes');
    const archived = await buildOfferTariff(t.db, { archived: true });
    const unavailable = await change(
      client,
      sub.lineId,
      { tariffId: archived.id, when: 'now' },
      'bad-key-04',
    );
    expect(unavailable.statusCode).toBe(409);
    expect(unavailable.json()).toMatchObject({ code: 'tariff_not_available' });
    expect(await counts(t.db, sub.lineId)).toEqual(before);
  });

  it('PLAN-05 new amounts planned for the next period apply at the boundary, sized then', async () => {
    const sub = await buildSubscriber(t.db, { balance: 1000_00n, now: t.clock.now });
    const builder = await buildConfigurableTariff(t.db);
    const client = await loginWithCode(t, sub.msisdn);
    await change(client, sub.lineId, { tariffId: builder.id, when: 'now' }, 'plan-key-01');
    const nextFeeAt = (await client.get(`/api/v1/lines/${sub.lineId}/tariff`)).json().nextFeeAt;
    const later = { minutes: 100, gigabytes: 5, messages: 0 };
    const planned = await change(
      client,
      sub.lineId,
      { tariffId: builder.id, when: 'next_period', choice: later },
      'plan-key-02',
    );
    expect(planned.statusCode).toBe(201);
    expect(planned.json()).toMatchObject({
      balance: 1000_00,
      request: { status: 'accepted', effectiveAt: nextFeeAt },
    });
    const pending = (await client.get(`/api/v1/lines/${sub.lineId}/tariff`)).json();
    expect(pending).toMatchObject({ fee: 500_00, choice: { minutes: 300, gigabytes: 10, messages: 100 } });
    expect(pending.pendingChange).toMatchObject({ tariff: { id: builder.id }, choice: later });

    t.clock.advance(21 * DAY);
    const run = await applyDueTariffChanges(t.db, t.clock.now, t.ctx.timeZone);
    expect(run.applied).toEqual([planned.json().request.id]);
    const boundary = new Date(nextFeeAt);
    expect(await currentBuckets(t.db, sub.lineId, builder.id, boundary)).toEqual({
      voice: { total: 100n * 60n, used: 0n },
      data: { total: 5n * GB, used: 0n },
    });
    // 150 + 50 + 120 + 0: what the periodic fee job charges from then on.
    expect(await lineTariffFee(t.db, sub.lineId, t.clock.now, t.ctx.timeZone)).toBe(320_00n);
    t.clock.advance(-21 * DAY);
    await expectBooksBalance();
  });

  it('OPS-03 PLAN-02 HOME-01 a price change is shown from its day: today’s fee now, the new one from the next period', async () => {
    const sub = await buildSubscriber(t.db, { balance: 100_00n, now: t.clock.now });
    const target = await buildOfferTariff(t.db, { fee: 550_00n });
    const client = await loginWithCode(t, sub.msisdn);
    const nextFeeAt = new Date((await client.get(`/api/v1/lines/${sub.lineId}/tariff`)).json().nextFeeAt);
    await addPriceChange(t.db, target.id, calendarDay(nextFeeAt, t.ctx.timeZone), 600_00n);
    await addPriceChange(t.db, sub.tariffId, calendarDay(nextFeeAt, t.ctx.timeZone), 480_00n);
    const offer = (await client.get(`/api/v1/lines/${sub.lineId}/tariffs`))
      .json()
      .tariffs.find((o: { id: string }) => o.id === target.id);
    expect(offer).toMatchObject({ fee: 550_00, feeAtNextPeriod: 600_00, monthlyEquivalent: 550_00 });
    const current = (await client.get(`/api/v1/lines/${sub.lineId}/tariff`)).json();
    expect(current).toMatchObject({ fee: 450_00, nextFee: 480_00 });
    expect(await lineTariffFee(t.db, sub.lineId, nextFeeAt, t.ctx.timeZone)).toBe(480_00n);
    expect(await lineTariffFee(t.db, sub.lineId, t.clock.now, t.ctx.timeZone)).toBe(450_00n);
    const option = await buildOption(t.db, { fee: 100_00n, feePeriod: 'month' });
    await t.db.insertInto('line_options').values({ line_id: sub.lineId, option_id: option.id }).execute();
    await t.db
      .insertInto('catalog_price_changes')
      .values({
        tariff_id: null,
        option_id: option.id,
        effective_from: calendarDay(nextFeeAt, t.ctx.timeZone),
        fee: 120_00n,
        connect_fee: null,
      })
      .execute();
    const dashboard = (await client.get(`/api/v1/lines/${sub.lineId}/dashboard`)).json();
    expect(dashboard.tariff.fee).toBe(450_00);
    // The tariff's and the option's fees as they will be on the day they are charged.
    expect(dashboard.nextCharge.amount).toBe(480_00 + 120_00);
    const planned = await change(
      client,
      sub.lineId,
      { tariffId: target.id, when: 'next_period' },
      'dated-01',
    );
    expect(planned.statusCode).toBe(201);
    const journal = await t.db
      .selectFrom('journal')
      .select('details')
      .where('line_id', '=', sub.lineId)
      .where('action', '=', 'tariff.change_requested')
      .executeTakeFirstOrThrow();
    expect(journal.details).toMatchObject({ periodicFee: 600_00 });
  });

  it('PLAN-05 a choice whose step left the catalog falls back to the tariff’s default fee and packages', async () => {
    const sub = await buildSubscriber(t.db, { balance: 1000_00n, now: t.clock.now });
    const builder = await buildConfigurableTariff(t.db);
    const client = await loginWithCode(t, sub.msisdn);
    const choice = { minutes: 600, gigabytes: 5, messages: 0 };
    const res = await change(
      client,
      sub.lineId,
      { tariffId: builder.id, when: 'now', choice },
      'stale-key-01',
    );
    expect(res.statusCode).toBe(201);
    expect(await lineTariffFee(t.db, sub.lineId, t.clock.now, t.ctx.timeZone)).toBe(470_00n);
    // A reload drops the 600-minute step: the line is back on the default until it chooses again.
    const rates = { configurable: { ...BUILDER_STEPS, voice: BUILDER_STEPS.voice.slice(0, 2) } };
    await t.db
      .updateTable('tariffs')
      .set({ rates: JSON.stringify(rates) })
      .where('id', '=', builder.id)
      .execute();
    expect(await lineTariffFee(t.db, sub.lineId, t.clock.now, t.ctx.timeZone)).toBe(500_00n);
    const current = (await client.get(`/api/v1/lines/${sub.lineId}/tariff`)).json();
    expect(current).toMatchObject({ fee: 500_00, choice: { minutes: 300, gigabytes: 10, messages: 100 } });
  });

  it('PLAN-01 SVC-05 roaming zones are named as the catalog names them', async () => {
    const sub = await buildSubscriber(t.db, { now: t.clock.now });
    await t.db
      .insertInto('roaming_zones')
      .values({ code: 'balkans', name_ru: 'Балканы', name_en: 'The Balkans', countries: ['RS', 'ME'] })
      .execute();
    const zone = { voice_out_per_min: 4900, voice_in_per_min: 2900, sms_out: 1900, data_per_mb: 900 };
    await t.db
      .updateTable('tariffs')
      .set({ rates: JSON.stringify({ roaming: { balkans: zone, nowhere: zone } }) })
      .where('id', '=', sub.tariffId)
      .execute();
    const client = await loginWithCode(t, sub.msisdn);
    const current = (await client.get(`/api/v1/lines/${sub.lineId}/tariff`)).json();
    expect(current.roaming).toEqual([
      {
        zone: 'balkans',
        name: { ru: 'Балканы', en: 'The Balkans' },
        voiceOutPerMin: 4900,
        voiceInPerMin: 2900,
        smsOut: 1900,
        dataPerMb: 900,
      },
      {
        zone: 'nowhere',
        name: { ru: 'nowhere', en: 'nowhere' },
        voiceOutPerMin: 4900,
        voiceInPerMin: 2900,
        smsOut: 1900,
        dataPerMb: 900,
      },
    ]);
  });
});
