import { addDays, startOfNextDay } from '@kabinet/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientWithSession } from '../test/access-helpers.ts';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { restoreClosedLine } from './inactivity-job.ts';
import { balanceOf, chargesOf, ledgerIsSound, pass, smsTo, topUp } from './test-helpers.ts';

const T0 = new Date('2026-01-10T09:00:00.000Z'); // 12:00 Moscow
const TZ = 'Europe/Moscow';
const HOUR = 3_600_000;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: T0 });
});
afterAll(async () => {
  await t.close();
});

/** A line activated at T0 with no periodic fee (so only the inactivity rules act), topped up at T0. */
async function quietLine(topUpAmount: bigint) {
  const sub = await buildSubscriber(t.db, { withLogin: true, now: T0 });
  await t.db
    .updateTable('lines')
    .set({ activated_at: T0, next_fee_at: null })
    .where('id', '=', sub.lineId)
    .execute();
  if (topUpAmount > 0n) await topUp(t.db, sub.ledgerAccountId, topUpAmount, `${sub.lineId}:t0`, T0);
  return sub;
}

async function at(day: number, hours = 1) {
  t.clock.now = new Date(addDays(T0, day, TZ).getTime() + hours * HOUR);
  await pass(t);
}

async function statusOf(lineId: string) {
  return t.db
    .selectFrom('lines')
    .select(['status', 'block_reason', 'msisdn'])
    .where('id', '=', lineId)
    .executeTakeFirstOrThrow();
}

describe('PLAN-07 inactivity rules', () => {
  it('PLAN-07 warns before the 90-day block, blocks outgoing for inactivity, a top-up unblocks', async () => {
    t.clock.now = T0;
    const sub = await quietLine(500_00n);
    await at(82);
    expect(await smsTo(t.db, sub.msisdn)).toEqual([]);
    await at(83);
    const warned = await smsTo(t.db, sub.msisdn);
    expect(warned).toHaveLength(1);
    expect(warned[0]).toContain('исходящая связь будет приостановлена');
    await at(85);
    expect(await smsTo(t.db, sub.msisdn)).toHaveLength(1);
    await at(90);
    expect(await statusOf(sub.lineId)).toMatchObject({ status: 'blocked', block_reason: 'inactivity' });
    const { client } = await clientWithSession(t, sub.loginId ?? '');
    const dashboard = (await client.get(`/api/v1/lines/${sub.lineId}/dashboard`)).json();
    expect(dashboard.warnings).toEqual([{ code: 'blocked_inactivity' }]);

    t.clock.advance(60_000);
    await topUp(t.db, sub.ledgerAccountId, 100_00n, `${sub.lineId}:t1`, t.clock.now);
    await at(91);
    expect(await statusOf(sub.lineId)).toMatchObject({ status: 'active', block_reason: null });
    // The paid-activity clock restarted with the unblock: no block again the next day.
    await at(92);
    expect((await statusOf(sub.lineId)).status).toBe('active');
  });

  it('PLAN-07 charges 3 ₽ a day from day 121 without a top-up, once per day, never beyond the balance', async () => {
    t.clock.now = T0;
    const sub = await quietLine(10_00n);
    for (const day of [83, 90, 114]) await at(day);
    expect((await smsTo(t.db, sub.msisdn)).some((b) => b.includes('3,00 ₽ в день'))).toBe(true);
    const feeFrom = startOfNextDay(addDays(T0, 120, TZ), TZ);
    t.clock.now = new Date(feeFrom.getTime() + 2 * 24 * HOUR + HOUR); // day 123
    await pass(t);
    await pass(t);
    expect(await balanceOf(t.db, sub.lineId)).toBe(1_00n);
    t.clock.advance(5 * 24 * HOUR);
    await pass(t);
    expect(await balanceOf(t.db, sub.lineId)).toBe(0n);
    const fees = (await chargesOf(t.db, sub.lineId)).filter((c) => c.item === 'inactivity');
    expect(fees.map((c) => [c.amount, c.outcome])).toEqual([
      [300n, 'charged'],
      [300n, 'charged'],
      [300n, 'charged'],
      [100n, 'charged'],
      [0n, 'skipped'],
      [0n, 'skipped'],
      [0n, 'skipped'],
      [0n, 'skipped'],
    ]);
    expect(fees[0]?.period_start.toISOString()).toBe(feeFrom.toISOString());
    expect(await ledgerIsSound(t.db)).toBe(true);
  });

  it('PLAN-07 closes a line after 180 days at zero, restorable for 2 months, then releases the number', async () => {
    t.clock.now = T0;
    const sub = await quietLine(0n);
    await at(0);
    await at(173);
    expect((await smsTo(t.db, sub.msisdn)).some((b) => b.includes('договор будет расторгнут'))).toBe(true);
    await at(180, 2);
    expect((await statusOf(sub.lineId)).status).toBe('closed');

    // Restorable within the window.
    expect(await restoreClosedLine(t.db, sub.lineId, t.clock.now)).toBe(true);
    expect((await statusOf(sub.lineId)).status).toBe('active');

    // Closed again (the balance stayed at zero: the clock did not restart), then released after 2 months.
    await t.db.updateTable('lines').set({ status: 'closed' }).where('id', '=', sub.lineId).execute();
    await t.db
      .updateTable('line_inactivity')
      .set({ closed_at: t.clock.now })
      .where('line_id', '=', sub.lineId)
      .execute();
    const closedAt = t.clock.now;
    t.clock.now = new Date(addDays(closedAt, 53, TZ).getTime() + HOUR);
    await pass(t);
    expect(
      (await smsTo(t.db, sub.msisdn)).some((b) => b.includes('номер будет передан другому абоненту')),
    ).toBe(true);
    t.clock.now = new Date(addDays(closedAt, 60, TZ).getTime() + HOUR);
    await pass(t);
    expect(await statusOf(sub.lineId)).toMatchObject({ status: 'closed', msisdn: null });
    const pooled = await t.db
      .selectFrom('number_pool')
      .select('msisdn')
      .where('msisdn', '=', sub.msisdn)
      .execute();
    expect(pooled).toHaveLength(1);
    expect(await restoreClosedLine(t.db, sub.lineId, t.clock.now)).toBe(false);
  });
});
