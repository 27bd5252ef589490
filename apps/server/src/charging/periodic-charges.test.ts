import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setSuspensionRule } from '../sim/test-helpers.ts';
import { buildSubscriber, buildTariff } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { loginWithCode } from '../test/http-client.ts';
import { ChargingWorker } from './charging-worker.ts';
import { runChargingPass } from './run-charging.ts';
import { balanceOf, chargesOf, connectDailyOption, ledgerIsSound, pass, smsTo } from './test-helpers.ts';

// 12:00 in Moscow, the operator time zone of the tests.
const NOW = new Date('2026-03-10T09:00:00.000Z');
const APRIL_1 = new Date('2026-03-31T21:00:00.000Z'); // 1 April 00:00 Moscow

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: NOW });
});
afterAll(async () => {
  await t.close();
});

async function lineWithFeeAt(nextFeeAt: Date, balance: bigint) {
  const sub = await buildSubscriber(t.db, { balance, now: t.clock.now });
  await t.db.updateTable('lines').set({ next_fee_at: nextFeeAt }).where('id', '=', sub.lineId).execute();
  return sub;
}

describe('RATE-03 periodic charges', () => {
  it('RATE-03 charges each missed monthly period once after downtime, renews packages, moves the date', async () => {
    t.clock.now = NOW;
    const sub = await lineWithFeeAt(APRIL_1, 2000_00n);
    t.clock.now = new Date('2026-06-15T09:00:00.000Z');
    const first = await pass(t, { inactivity: false });
    expect(first.feesCharged).toBeGreaterThanOrEqual(3);
    const charges = await chargesOf(t.db, sub.lineId);
    expect(charges.map((c) => [c.period_start.toISOString(), c.amount, c.outcome])).toEqual([
      ['2026-03-31T21:00:00.000Z', 450_00n, 'charged'],
      ['2026-04-30T21:00:00.000Z', 450_00n, 'charged'],
      ['2026-05-31T21:00:00.000Z', 450_00n, 'charged'],
    ]);
    expect(await balanceOf(t.db, sub.lineId)).toBe(2000_00n - 3n * 450_00n);
    const line = await t.db
      .selectFrom('lines')
      .select('next_fee_at')
      .where('id', '=', sub.lineId)
      .executeTakeFirstOrThrow();
    expect(line.next_fee_at?.toISOString()).toBe('2026-06-30T21:00:00.000Z');
    const buckets = await t.db
      .selectFrom('buckets')
      .select(['period_start', 'period_end', 'used'])
      .where('line_id', '=', sub.lineId)
      .where('period_start', '=', new Date('2026-05-31T21:00:00.000Z'))
      .execute();
    expect(buckets).toHaveLength(3);
    expect(
      buckets.every((b) => b.used === 0n && b.period_end?.toISOString() === '2026-06-30T21:00:00.000Z'),
    ).toBe(true);

    // A restart (a new pass at the same or a later instant before the next period) charges nothing more.
    await pass(t, { inactivity: false });
    t.clock.advance(3_600_000);
    await pass(t, { inactivity: false });
    expect(await chargesOf(t.db, sub.lineId)).toHaveLength(3);
    expect(await balanceOf(t.db, sub.lineId)).toBe(650_00n);
    expect(await ledgerIsSound(t.db)).toBe(true);
  });

  it('RATE-03 each period is charged at the price in force on its first day (catalog price changes)', async () => {
    t.clock.now = NOW;
    const sub = await lineWithFeeAt(APRIL_1, 2000_00n);
    await t.db
      .insertInto('catalog_price_changes')
      .values({ tariff_id: sub.tariffId, effective_from: '2026-05-01', fee: 500_00n })
      .execute();
    t.clock.now = new Date('2026-05-20T09:00:00.000Z');
    await pass(t, { inactivity: false });
    const charges = await chargesOf(t.db, sub.lineId);
    expect(charges.map((c) => c.amount)).toEqual([450_00n, 500_00n]);
    expect(await balanceOf(t.db, sub.lineId)).toBe(2000_00n - 950_00n);
  });

  it('RATE-03 the worker kabinet serve runs in process never overlaps its passes', async () => {
    t.clock.now = NOW;
    const sub = await lineWithFeeAt(APRIL_1, 1000_00n);
    t.clock.now = new Date('2026-04-01T00:10:00.000Z');
    const worker = new ChargingWorker({
      db: t.db,
      timeZone: t.ctx.timeZone,
      now: () => t.clock.now,
      log: pino({ level: 'silent' }),
    });
    const first = worker.tick();
    expect(worker.tick()).toBe(first);
    expect((await first)?.feesCharged).toBeGreaterThanOrEqual(1);
    expect(await chargesOf(t.db, sub.lineId)).toHaveLength(1);
    await worker.stop();
  });

  it('RATE-03 two workers running at once charge a period exactly once', async () => {
    t.clock.now = NOW;
    const subs = await Promise.all([1, 2, 3, 4].map(() => lineWithFeeAt(APRIL_1, 1000_00n)));
    const at = new Date('2026-04-01T00:30:00.000Z');
    const run = () =>
      runChargingPass(t.db, { now: at, timeZone: t.ctx.timeZone, inactivity: false, batch: 2 });
    const [a, b] = await Promise.all([run(), run()]);
    expect(a.feesCharged + b.feesCharged).toBeGreaterThanOrEqual(4);
    for (const sub of subs) {
      expect(await chargesOf(t.db, sub.lineId)).toHaveLength(1);
      expect(await balanceOf(t.db, sub.lineId)).toBe(550_00n);
    }
    const transfers = await t.db
      .selectFrom('ledger_transfers')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where(
        'line_id',
        'in',
        subs.map((s) => s.lineId),
      )
      .where('kind', '=', 'periodic_fee')
      .executeTakeFirstOrThrow();
    expect(Number(transfers.n)).toBe(4);
    expect(await ledgerIsSound(t.db)).toBe(true);
  });

  it('RATE-03 daily option fees fall at Moscow midnight and renew the option package each day', async () => {
    t.clock.now = NOW;
    const sub = await lineWithFeeAt(APRIL_1, 100_00n);
    const midnight = new Date('2026-03-10T21:00:00.000Z'); // 11 March 00:00 Moscow
    const { templateId } = await connectDailyOption(t.db, sub.lineId, 15_00n, midnight, NOW);
    t.clock.now = new Date('2026-03-12T20:59:59.000Z'); // 12 March 23:59:59 Moscow
    await pass(t, { inactivity: false });
    const charges = (await chargesOf(t.db, sub.lineId)).filter((c) => c.item.startsWith('option:'));
    expect(charges.map((c) => c.period_start.toISOString())).toEqual([
      '2026-03-10T21:00:00.000Z',
      '2026-03-11T21:00:00.000Z',
    ]);
    expect(await balanceOf(t.db, sub.lineId)).toBe(70_00n);
    const buckets = await t.db
      .selectFrom('buckets')
      .select('period_end')
      .where('package_template_id', '=', templateId)
      .orderBy('period_start')
      .execute();
    expect(buckets.map((b) => b.period_end?.toISOString())).toEqual([
      '2026-03-11T21:00:00.000Z',
      '2026-03-12T21:00:00.000Z',
    ]);
  });

  it('RATE-03 a daily package of a monthly tariff renews at each Moscow midnight, once', async () => {
    t.clock.now = NOW;
    const sub = await lineWithFeeAt(APRIL_1, 100_00n);
    const templateId = `pkg_daily_${sub.lineId}`;
    await t.db
      .insertInto('package_templates')
      .values({
        id: templateId,
        tariff_id: sub.tariffId,
        kind: 'data',
        amount: 1_048_576n,
        renew: 'day',
        name_ru: 'Ночной',
        name_en: 'Nightly',
      })
      .execute();
    await t.db
      .insertInto('buckets')
      .values({
        id: `bkt_daily_${sub.lineId}`,
        line_id: sub.lineId,
        package_template_id: templateId,
        kind: 'data',
        total: 1_048_576n,
        used: 1_000n,
        period_start: new Date('2026-03-09T21:00:00.000Z'),
        period_end: new Date('2026-03-10T21:00:00.000Z'),
      })
      .execute();
    t.clock.now = new Date('2026-03-12T09:00:00.000Z'); // 12 March noon: two midnights later
    const first = await pass(t, { inactivity: false });
    expect(first.bucketsRenewed).toBeGreaterThanOrEqual(2);
    await pass(t, { inactivity: false });
    const buckets = await t.db
      .selectFrom('buckets')
      .select(['period_start', 'used'])
      .where('package_template_id', '=', templateId)
      .orderBy('period_start')
      .execute();
    expect(buckets.map((b) => [b.period_start.toISOString(), b.used])).toEqual([
      ['2026-03-09T21:00:00.000Z', 1_000n],
      ['2026-03-10T21:00:00.000Z', 0n],
      ['2026-03-11T21:00:00.000Z', 0n],
    ]);
  });

  it('RATE-03 applies a tariff change planned for the period start before charging the new fee', async () => {
    t.clock.now = NOW;
    const sub = await lineWithFeeAt(APRIL_1, 1000_00n);
    const target = await buildTariff(t.db, { fee: 300_00n });
    await t.db
      .insertInto('requests')
      .values({
        id: `req_test_${sub.lineId}`,
        line_id: sub.lineId,
        kind: 'tariff_change',
        status: 'accepted',
        payload: JSON.stringify({ toTariffId: target.id }),
        effective_at: APRIL_1,
      })
      .execute();
    t.clock.now = new Date('2026-04-01T06:00:00.000Z');
    const summary = await pass(t, { inactivity: false });
    expect(summary.tariffChanges.applied).toBeGreaterThanOrEqual(1);
    const charges = await chargesOf(t.db, sub.lineId);
    expect(charges.map((c) => [c.item, c.amount])).toEqual([[`tariff:${target.id}`, 300_00n]]);
    expect(await balanceOf(t.db, sub.lineId)).toBe(700_00n);
  });

  it('PLAN-06 charges suspension days after the free ones, no tariff fee meanwhile, and resumes at the end', async () => {
    t.clock.now = NOW;
    const sub = await buildSubscriber(t.db, { balance: 500_00n, withLogin: true, now: NOW });
    await t.db
      .updateTable('lines')
      .set({ next_fee_at: new Date('2026-03-11T21:00:00.000Z') })
      .where('id', '=', sub.lineId)
      .execute();
    await setSuspensionRule(t.db, sub.tariffId, { fee_per_day: 100, free_days: 1, max_days: 30 });
    const client = await loginWithCode(t, sub.msisdn);
    const res = await client.post(`/api/v1/lines/${sub.lineId}/suspension`, { days: 3 });
    expect(res.statusCode).toBe(201);
    // Suspended 10 March (day 1, free), 11 and 12 March (charged); resumed 13 March 00:00 Moscow.
    t.clock.now = new Date('2026-03-11T09:00:00.000Z');
    await pass(t, { inactivity: false });
    expect(await balanceOf(t.db, sub.lineId)).toBe(500_00n - 100n);
    t.clock.now = new Date('2026-03-13T09:00:00.000Z');
    const summary = await pass(t, { inactivity: false });
    expect(summary.resumed).toBeGreaterThanOrEqual(1);
    const charges = await chargesOf(t.db, sub.lineId);
    expect(charges.filter((c) => c.item === 'suspension').map((c) => [c.amount, c.outcome])).toEqual([
      [0n, 'free'],
      [100n, 'charged'],
      [100n, 'charged'],
    ]);
    // The tariff period that began while suspended is recorded as skipped, not charged.
    expect(charges.filter((c) => c.item.startsWith('tariff:')).map((c) => c.outcome)).toEqual(['skipped']);
    expect(await balanceOf(t.db, sub.lineId)).toBe(500_00n - 200n);
    // Served again, the line pays a period from now to its next anchor day: the month is not free.
    t.clock.advance(60_000);
    await pass(t, { inactivity: false });
    const tariff = (await chargesOf(t.db, sub.lineId)).filter((c) => c.item.startsWith('tariff:'));
    expect(tariff.map((c) => [c.outcome, c.period_start.toISOString(), c.period_end.toISOString()])).toEqual([
      ['skipped', '2026-03-11T21:00:00.000Z', '2026-03-31T21:00:00.000Z'],
      ['charged', t.clock.now.toISOString(), '2026-03-31T21:00:00.000Z'],
    ]);
    await pass(t, { inactivity: false });
    expect(await balanceOf(t.db, sub.lineId)).toBe(500_00n - 200n - 450_00n);
    const line = await t.db
      .selectFrom('lines')
      .select(['status', 'block_reason'])
      .where('id', '=', sub.lineId)
      .executeTakeFirstOrThrow();
    expect(line).toEqual({ status: 'active', block_reason: null });
    expect(
      (await smsTo(t.db, sub.msisdn)).some((b) => b.includes('Добровольная блокировка закончилась')),
    ).toBe(true);
    const journal = await t.db
      .selectFrom('journal')
      .select(['action', 'actor_kind'])
      .where('line_id', '=', sub.lineId)
      .where('action', '=', 'line.resumed')
      .execute();
    expect(journal).toEqual([{ action: 'line.resumed', actor_kind: 'system' }]);
    expect(await ledgerIsSound(t.db)).toBe(true);
  });
});
