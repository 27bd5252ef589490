import { describe, expect, it } from 'vitest';
import { bucketsAt, type RatingPeriod, servicesAt } from './history.ts';
import type { RatingBucket } from './types.ts';

const H = 3_600_000;
const T0 = Date.UTC(2026, 10, 1);
const at = (hours: number) => new Date(T0 + hours * H);
const tariff = (id: string, from: number, to: number | null): RatingPeriod => ({
  tariffId: id,
  optionId: null,
  fromMs: T0 + from * H,
  toMs: to === null ? null : T0 + to * H,
});
const option = (id: string, from: number, to: number | null): RatingPeriod => ({
  tariffId: null,
  optionId: id,
  fromMs: T0 + from * H,
  toMs: to === null ? null : T0 + to * H,
});

function bucket(id: string, optionId: string | null): RatingBucket {
  return {
    id,
    kind: 'voice',
    left: 100n,
    periodStart: at(-100),
    periodEnd: null,
    origin: optionId ? 'option' : 'tariff',
    zones: [],
    optionId,
  };
}

describe('RATE-02 the tariff and options at the record time', () => {
  const periods = [
    tariff('old', 0, 10),
    tariff('new', 10, null),
    option('pack', 5, 8),
    option('pack', 12, null),
  ];

  it('RATE-02 picks the tariff whose period holds the time, the end being exclusive', () => {
    expect(servicesAt(periods, at(9.99), 'new').tariffId).toBe('old');
    expect(servicesAt(periods, at(10), 'new').tariffId).toBe('new');
    expect(servicesAt(periods, at(0), 'new').tariffId).toBe('old');
  });

  it('RATE-02 lists the options on the line at the time only', () => {
    expect([...(servicesAt(periods, at(6), 'new').options ?? [])]).toEqual(['pack']);
    expect([...(servicesAt(periods, at(9), 'new').options ?? [])]).toEqual([]);
    expect([...(servicesAt(periods, at(8), 'new').options ?? [])]).toEqual([]);
    expect([...(servicesAt(periods, at(13), 'new').options ?? [])]).toEqual(['pack']);
  });

  it('RATE-02 falls back to the current tariff and every bucket when no tariff period holds the time', () => {
    expect(servicesAt(periods, at(-1), 'new')).toEqual({ tariffId: 'new', options: null });
    expect(servicesAt([], at(3), 'current')).toEqual({ tariffId: 'current', options: null });
    const buckets = [bucket('b1', null), bucket('b2', 'pack')];
    expect(bucketsAt(buckets, { tariffId: 'new', options: null })).toBe(buckets);
  });

  it('RATE-02 leaves out the buckets of options that were not on the line, keeping tariff buckets', () => {
    const buckets = [bucket('b1', null), bucket('b2', 'pack'), bucket('b3', 'other')];
    const gap = servicesAt(periods, at(9), 'new');
    expect(bucketsAt(buckets, gap).map((b) => b.id)).toEqual(['b1']);
    const on = servicesAt([...periods, option('other', 0, null)], at(13), 'new');
    expect(bucketsAt(buckets, on)).toBe(buckets);
  });

  it('RATE-02 prefers the later-started tariff should two periods overlap', () => {
    expect(servicesAt([tariff('a', 0, null), tariff('b', 5, null)], at(6), 'a').tariffId).toBe('b');
  });
});
