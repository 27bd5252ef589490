import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientWithSession } from '../test/access-helpers.ts';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { applyBalanceRules } from './balance-rules.ts';
import { saveChargingRules } from './rules-store.ts';
import { balanceOf, ledgerIsSound, pass, smsTo, topUp } from './test-helpers.ts';

const NOW = new Date('2026-03-10T09:00:00.000Z');
const HOUR = 3_600_000;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: NOW });
});
afterAll(async () => {
  await t.close();
});

async function statusOf(lineId: string) {
  return t.db
    .selectFrom('lines')
    .select(['status', 'block_reason'])
    .where('id', '=', lineId)
    .executeTakeFirstOrThrow();
}

describe('RATE-04 balance rules', () => {
  it('RATE-04 a fee the balance cannot cover warns, blocks outgoing after the grace, and a top-up unblocks', async () => {
    t.clock.now = NOW;
    const sub = await buildSubscriber(t.db, { balance: 100_00n, withLogin: true, now: NOW });
    const midnight = new Date('2026-03-10T21:00:00.000Z');
    await t.db.updateTable('lines').set({ next_fee_at: midnight }).where('id', '=', sub.lineId).execute();
    t.clock.now = new Date(midnight.getTime() + 60_000);
    await pass(t, { inactivity: false });
    expect(await balanceOf(t.db, sub.lineId)).toBe(-350_00n);
    // Within the grace: still active, warned once with the block date.
    expect(await statusOf(sub.lineId)).toEqual({ status: 'active', block_reason: null });
    const warned = await smsTo(t.db, sub.msisdn);
    expect(warned.filter((b) => b.startsWith('Средства закончились: Баланс -350,00 ₽.'))).toHaveLength(1);
    // A fresh session each time: the clock jumps beyond the idle timeout.
    const dashboard = async () => {
      const { client } = await clientWithSession(t, sub.loginId ?? '');
      return (await client.get(`/api/v1/lines/${sub.lineId}/dashboard`)).json();
    };
    const before = await dashboard();
    expect(before.warnings).toEqual([{ code: 'out_of_funds' }, { code: 'negative_balance' }]);

    t.clock.advance(23 * HOUR);
    await pass(t, { inactivity: false });
    expect((await statusOf(sub.lineId)).status).toBe('active');
    t.clock.advance(HOUR);
    const summary = await pass(t, { inactivity: false });
    expect(summary.blocked).toBeGreaterThanOrEqual(1);
    expect(await statusOf(sub.lineId)).toEqual({ status: 'blocked', block_reason: 'debt' });
    const blocked = await dashboard();
    expect(blocked.warnings).toEqual([{ code: 'blocked_debt' }, { code: 'negative_balance' }]);
    expect((await smsTo(t.db, sub.msisdn)).some((b) => b.includes('Входящие звонки и SMS доступны'))).toBe(
      true,
    );

    // Half the debt is not enough; the whole of it is.
    await topUp(t.db, sub.ledgerAccountId, 200_00n, `${sub.lineId}:1`, t.clock.now);
    expect((await applyBalanceRules(t.db, [sub.accountId], t.clock.now)).unblocked).toEqual([]);
    await topUp(t.db, sub.ledgerAccountId, 200_00n, `${sub.lineId}:2`, t.clock.now);
    const outcome = await applyBalanceRules(t.db, [sub.accountId], t.clock.now);
    expect(outcome).toEqual({ blocked: [], unblocked: [sub.lineId] });
    expect(await statusOf(sub.lineId)).toEqual({ status: 'active', block_reason: null });
    const after = await dashboard();
    expect(after.warnings).toEqual([{ code: 'low_balance' }]);
    const actions = await t.db
      .selectFrom('journal')
      .select('action')
      .where('line_id', '=', sub.lineId)
      .where('actor_kind', '=', 'system')
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['line.blocked_for_debt', 'line.unblocked_funds_recovered']);
    // Running the rules again changes nothing and sends nothing.
    const sms = (await smsTo(t.db, sub.msisdn)).length;
    expect(await applyBalanceRules(t.db, [sub.accountId], t.clock.now)).toEqual({
      blocked: [],
      unblocked: [],
    });
    expect((await smsTo(t.db, sub.msisdn)).length).toBe(sms);
    expect(await ledgerIsSound(t.db)).toBe(true);
  });

  it('RATE-04 no fee while blocked for debt; unblocked mid-period, the line pays a period from then', async () => {
    t.clock.now = NOW;
    const sub = await buildSubscriber(t.db, { balance: -10_00n, now: NOW });
    const april = new Date('2026-03-31T21:00:00.000Z');
    await t.db.updateTable('lines').set({ next_fee_at: april }).where('id', '=', sub.lineId).execute();
    await saveChargingRules(t.db, 'balance', { grace_hours: 0 });
    try {
      expect((await applyBalanceRules(t.db, [sub.accountId], NOW)).blocked).toEqual([sub.lineId]);
      t.clock.now = new Date('2026-04-01T09:00:00.000Z');
      await pass(t, { inactivity: false });
      expect(await balanceOf(t.db, sub.lineId)).toBe(-10_00n);
      t.clock.now = new Date('2026-04-10T09:00:00.000Z');
      await topUp(t.db, sub.ledgerAccountId, 1000_00n, `${sub.lineId}:mid`, t.clock.now);
      expect((await applyBalanceRules(t.db, [sub.accountId], t.clock.now)).unblocked).toEqual([sub.lineId]);
      await pass(t, { inactivity: false });
      const charges = await t.db
        .selectFrom('periodic_charges')
        .select(['outcome', 'period_start', 'period_end'])
        .where('line_id', '=', sub.lineId)
        .orderBy('period_start')
        .execute();
      expect(
        charges.map((c) => [c.outcome, c.period_start.toISOString(), c.period_end.toISOString()]),
      ).toEqual([
        ['skipped', april.toISOString(), '2026-04-30T21:00:00.000Z'],
        ['charged', t.clock.now.toISOString(), '2026-04-30T21:00:00.000Z'],
      ]);
      expect(await balanceOf(t.db, sub.lineId)).toBe(990_00n - 450_00n);
      expect(await ledgerIsSound(t.db)).toBe(true);
    } finally {
      await saveChargingRules(t.db, 'balance', {});
    }
  });

  it('RATE-04 the credit limit lets the balance go below zero without a block', async () => {
    t.clock.now = NOW;
    const sub = await buildSubscriber(t.db, { balance: -300_00n, now: NOW });
    await t.db
      .updateTable('billing_accounts')
      .set({ credit_limit: 500_00n })
      .where('id', '=', sub.accountId)
      .execute();
    await saveChargingRules(t.db, 'balance', { grace_hours: 0 });
    try {
      expect(await applyBalanceRules(t.db, [sub.accountId], NOW)).toEqual({ blocked: [], unblocked: [] });
      expect((await statusOf(sub.lineId)).status).toBe('active');
      // Beyond the limit, a zero grace blocks at once.
      await t.db
        .updateTable('billing_accounts')
        .set({ credit_limit: 200_00n })
        .where('id', '=', sub.accountId)
        .execute();
      expect(await applyBalanceRules(t.db, [sub.accountId], NOW)).toEqual({
        blocked: [sub.lineId],
        unblocked: [],
      });
    } finally {
      await saveChargingRules(t.db, 'balance', {});
    }
  });

  it('RATE-04 a lost-SIM block is kept apart: not turned into a debt block, not lifted by a top-up', async () => {
    t.clock.now = NOW;
    const sub = await buildSubscriber(t.db, { balance: -10_00n, now: NOW });
    await t.db
      .updateTable('lines')
      .set({ status: 'blocked', block_reason: 'lost', blocked_at: NOW })
      .where('id', '=', sub.lineId)
      .execute();
    t.clock.advance(48 * HOUR);
    await applyBalanceRules(t.db, [sub.accountId], NOW);
    await applyBalanceRules(t.db, [sub.accountId], t.clock.now);
    expect(await statusOf(sub.lineId)).toEqual({ status: 'blocked', block_reason: 'lost' });
    await topUp(t.db, sub.ledgerAccountId, 100_00n, `${sub.lineId}:t`, t.clock.now);
    expect(await applyBalanceRules(t.db, [sub.accountId], t.clock.now)).toEqual({
      blocked: [],
      unblocked: [],
    });
    expect(await statusOf(sub.lineId)).toEqual({ status: 'blocked', block_reason: 'lost' });
  });
});
