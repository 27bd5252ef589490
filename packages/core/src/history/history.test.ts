import { describe, expect, it } from 'vitest';
import { calendarDate, isCalendarDate, stateInstantOf } from './date-point.ts';
import { changesOf, type ServicePeriod, stateAt } from './periods.ts';
import { isEmptyPlan, planRevert, type RevertOption, type RevertTariff } from './revert-plan.ts';

const d = (iso: string) => new Date(`${iso}T12:00:00Z`);

const periods: ServicePeriod[] = [
  { kind: 'tariff', itemId: 'trf_a', from: d('2026-01-01'), to: d('2026-03-01') },
  { kind: 'tariff', itemId: 'trf_b', from: d('2026-03-01'), to: null },
  { kind: 'option', itemId: 'opt_x', from: d('2026-01-10'), to: d('2026-02-10') },
  { kind: 'option', itemId: 'opt_y', from: d('2026-02-01'), to: null },
];

function tariff(id: string, o: Partial<RevertTariff> = {}): RevertTariff {
  return { id, code: id.replace('trf_', ''), offered: true, transitionFee: 0n, ...o };
}

function option(id: string, o: Partial<RevertOption> = {}): RevertOption {
  return {
    id,
    code: id.replace('opt_', ''),
    requiresTariffs: [],
    excludesOptions: [],
    archived: false,
    content: false,
    connectFee: 0n,
    ...o,
  };
}

const byId = <T extends { id: string }>(...items: T[]) => new Map(items.map((i) => [i.id, i]));

describe('SVC-10 state at a date', () => {
  it('SVC-10 reads the tariff and options covering an instant, the new tariff from the instant of a change', () => {
    expect(stateAt(periods, d('2025-12-31'))).toEqual({ tariffId: null, optionIds: [] });
    expect(stateAt(periods, d('2026-01-15'))).toEqual({ tariffId: 'trf_a', optionIds: ['opt_x'] });
    expect(stateAt(periods, d('2026-02-05'))).toEqual({ tariffId: 'trf_a', optionIds: ['opt_x', 'opt_y'] });
    expect(stateAt(periods, d('2026-02-10'))).toEqual({ tariffId: 'trf_a', optionIds: ['opt_y'] });
    expect(stateAt(periods, d('2026-03-01'))).toEqual({ tariffId: 'trf_b', optionIds: ['opt_y'] });
  });

  it('SVC-10 lists changes newest first, at one instant the start above the end it replaced', () => {
    const changes = changesOf(periods);
    expect(changes.map((c) => `${c.itemId}:${c.change}`)).toEqual([
      'trf_b:on',
      'trf_a:off',
      'opt_x:off',
      'opt_y:on',
      'opt_x:on',
      'trf_a:on',
    ]);
  });
});

describe('SVC-10 revert plan', () => {
  it('SVC-10 brings the old tariff back with its fee, connects removed options and disconnects added ones', () => {
    const plan = planRevert({
      past: { tariffId: 'trf_a', optionIds: ['opt_x'] },
      current: { tariffId: 'trf_b', optionIds: ['opt_y'] },
      tariffs: byId(tariff('trf_a', { transitionFee: 100_00n }), tariff('trf_b')),
      options: byId(option('opt_x', { connectFee: 30_00n }), option('opt_y', { connectFee: 999_00n })),
    });
    expect(plan).toEqual({
      tariff: { fromId: 'trf_b', toId: 'trf_a', fee: 100_00n },
      connect: [{ optionId: 'opt_x', fee: 30_00n }],
      disconnect: [{ optionId: 'opt_y', reason: 'not_in_past' }],
      skipped: [],
      total: 130_00n,
    });
    expect(isEmptyPlan(plan)).toBe(false);
  });

  it('SVC-10 skips archived, content and incompatible options and a tariff no longer offered, charging nothing for them', () => {
    const plan = planRevert({
      past: {
        tariffId: 'trf_old',
        optionIds: ['opt_arch', 'opt_music', 'opt_needs_c', 'opt_clash', 'opt_ok', 'opt_keep'],
      },
      current: { tariffId: 'trf_b', optionIds: ['opt_keep', 'opt_new'] },
      tariffs: byId(tariff('trf_old', { offered: false, transitionFee: 500_00n }), tariff('trf_b')),
      options: byId(
        option('opt_arch', { archived: true, connectFee: 10_00n }),
        option('opt_music', { content: true }),
        option('opt_needs_c', { requiresTariffs: ['c'] }),
        option('opt_clash', { excludesOptions: ['keep'], connectFee: 40_00n }),
        option('opt_ok', { connectFee: 20_00n }),
        option('opt_keep'),
        option('opt_new'),
      ),
    });
    expect(plan.tariff).toBeNull();
    expect(plan.connect).toEqual([{ optionId: 'opt_ok', fee: 20_00n }]);
    expect(plan.disconnect).toEqual([{ optionId: 'opt_new', reason: 'not_in_past' }]);
    expect(plan.skipped).toEqual([
      { kind: 'tariff', id: 'trf_old', reason: 'not_offered' },
      { kind: 'option', id: 'opt_arch', reason: 'archived' },
      { kind: 'option', id: 'opt_clash', reason: 'excludes_option', clashes: ['keep'] },
      { kind: 'option', id: 'opt_music', reason: 'content' },
      { kind: 'option', id: 'opt_needs_c', reason: 'requires_tariff' },
    ]);
    expect(plan.total).toBe(20_00n);
  });

  it('SVC-10 checks exclusions against options kept and those connected earlier in the plan', () => {
    const plan = planRevert({
      past: { tariffId: 'trf_a', optionIds: ['opt_a1', 'opt_a2', 'opt_keep'] },
      current: { tariffId: 'trf_a', optionIds: ['opt_keep'] },
      tariffs: byId(tariff('trf_a')),
      options: byId(option('opt_a1'), option('opt_a2', { excludesOptions: ['a1'] }), option('opt_keep')),
    });
    expect(plan.connect).toEqual([{ optionId: 'opt_a1', fee: 0n }]);
    expect(plan.skipped).toEqual([
      { kind: 'option', id: 'opt_a2', reason: 'excludes_option', clashes: ['a1'] },
    ]);
    expect(plan.disconnect).toEqual([]);
  });

  it('SVC-10 disconnects a kept option the old tariff cannot carry, and plans nothing for the same state', () => {
    const plan = planRevert({
      past: { tariffId: 'trf_a', optionIds: ['opt_only_b'] },
      current: { tariffId: 'trf_b', optionIds: ['opt_only_b'] },
      tariffs: byId(tariff('trf_a'), tariff('trf_b')),
      options: byId(option('opt_only_b', { requiresTariffs: ['b'] })),
    });
    expect(plan.disconnect).toEqual([{ optionId: 'opt_only_b', reason: 'requires_tariff' }]);
    const same = planRevert({
      past: { tariffId: 'trf_a', optionIds: ['opt_x'] },
      current: { tariffId: 'trf_a', optionIds: ['opt_x'] },
      tariffs: byId(tariff('trf_a')),
      options: byId(option('opt_x')),
    });
    expect(isEmptyPlan(same)).toBe(true);
    expect(same.total).toBe(0n);
  });
});

describe('SVC-10 date of the state', () => {
  const now = new Date('2026-03-10T09:00:00Z'); // 12:00 in Moscow
  it('SVC-10 reads a past day at its last moment in Moscow, today as now, and refuses a future day', () => {
    expect(stateInstantOf('2026-03-01', now, 'Europe/Moscow')?.toISOString()).toBe(
      '2026-03-01T20:59:59.999Z',
    );
    expect(stateInstantOf('2026-03-10', now, 'Europe/Moscow')).toEqual(now);
    expect(stateInstantOf('2026-03-11', now, 'Europe/Moscow')).toBeNull();
    expect(calendarDate(new Date('2026-03-10T21:30:00Z'), 'Europe/Moscow')).toBe('2026-03-11');
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-04-31')).toBe(false);
  });
});
