import { describe, expect, it } from 'vitest';
import { compareBuckets, eligibleBuckets } from './buckets.ts';
import { rateRecord } from './rate-record.ts';
import { billingStep, priceInMillikopecks, roundUpToStep } from './steps.ts';
import type { RatingBucket, RatingRates, UsageToRate } from './types.ts';

const AT = new Date('2026-03-10T12:00:00Z');
const MB = 1_048_576n;

const rates: RatingRates = {
  voice_out_per_min: 290,
  voice_intl_per_min: 3500,
  sms_out: 250,
  sms_intl: 900,
  data_per_mb: 900,
  roaming: {
    europe: { voice_out_per_min: 4900, voice_in_per_min: 2900, sms_out: 1900, data_per_mb: 5000 },
  },
};

function bucket(over: Partial<RatingBucket> & Pick<RatingBucket, 'id' | 'kind' | 'left'>): RatingBucket {
  return {
    periodStart: new Date('2026-03-01T00:00:00Z'),
    periodEnd: new Date('2026-04-01T00:00:00Z'),
    origin: 'tariff',
    zones: [],
    ...over,
  };
}

function usage(over: Partial<UsageToRate> & Pick<UsageToRate, 'kind' | 'volume'>): UsageToRate {
  return { at: AT, otherParty: '+79161234567', zone: null, ...over };
}

function ok(outcome: ReturnType<typeof rateRecord>) {
  if (!outcome.ok) throw new Error(`rejected: ${outcome.reason}`);
  return outcome;
}

describe('RATE-02 billing steps and the one rounding rule', () => {
  it('RATE-02 rounds a call up to the started minute by default', () => {
    const r = ok(rateRecord(usage({ kind: 'voice_out', volume: 61n }), rates, []));
    expect(r.billableVolume).toBe(120n);
    expect(r.cost).toBe(580n);
  });

  it('RATE-02 bills per second when the step is 1 s, in millikopecks before rounding half up', () => {
    const r = ok(
      rateRecord(usage({ kind: 'voice_out', volume: 61n }), { ...rates, voice_increment_sec: 1 }, []),
    );
    // 61 s × 290 kop / 60 s = 294.833… kop → 294 833 millikopecks → 295 kop.
    expect(r.priceMillikopecks).toBe(294_833n);
    expect(r.cost).toBe(295n);
  });

  it('RATE-02 rounds half a kopeck up and less than half down', () => {
    // 3 s at 10 kop/min = 0.5 kop → 1 kop; 2 s = 0.333 kop → 0.
    const perSecond = { ...rates, voice_out_per_min: 10, voice_increment_sec: 1 };
    expect(ok(rateRecord(usage({ kind: 'voice_out', volume: 3n }), perSecond, [])).cost).toBe(1n);
    expect(ok(rateRecord(usage({ kind: 'voice_out', volume: 2n }), perSecond, [])).cost).toBe(0n);
  });

  it('RATE-02 leaves short calls free and out of packages under the free-seconds rule', () => {
    const withFree = { ...rates, voice_free_sec: 3 };
    const b = bucket({ id: 'b1', kind: 'voice', left: 600n });
    const short = ok(rateRecord(usage({ kind: 'voice_out', volume: 3n }), withFree, [b]));
    expect(short.cost).toBe(0n);
    expect(short.takes).toEqual([]);
    const longer = ok(rateRecord(usage({ kind: 'voice_out', volume: 4n }), withFree, []));
    expect(longer.billableVolume).toBe(60n);
    expect(longer.cost).toBe(290n);
  });

  it('RATE-02 rounds data up to the KB step and prices per MB', () => {
    const r = ok(rateRecord(usage({ kind: 'data', volume: 1n }), { ...rates, data_increment_kb: 100 }, []));
    expect(r.billableVolume).toBe(102_400n);
    // 100 KB × 900 kop / 1024 KB = 87.890625 kop → 87 890 millikopecks → 88 kop.
    expect(r.priceMillikopecks).toBe(87_890n);
    expect(r.cost).toBe(88n);
    const perMb = ok(rateRecord(usage({ kind: 'data', volume: MB + 1n }), rates, []));
    expect(perMb.billableVolume).toBe(2n * MB);
    expect(perMb.cost).toBe(1800n);
  });

  it('RATE-02 computes steps and prices exactly', () => {
    expect(roundUpToStep(0n, 60n)).toBe(0n);
    expect(roundUpToStep(60n, 60n)).toBe(60n);
    expect(billingStep('data', {})).toBe(MB);
    expect(billingStep('sms', { voice_increment_sec: 1 })).toBe(1n);
    expect(priceInMillikopecks(1n, 290, 60n)).toBe(4833n);
    expect(() => roundUpToStep(5n, 0n)).toThrow(RangeError);
  });
});

describe('RATE-02 prices by kind and zone', () => {
  it('RATE-02 leaves incoming calls and messages at home free', () => {
    for (const kind of ['voice_in', 'sms_in', 'mms_in'] as const) {
      const r = ok(rateRecord(usage({ kind, volume: kind === 'voice_in' ? 300n : 1n }), rates, []));
      expect(r.cost).toBe(0n);
    }
  });

  it('RATE-02 prices international calls and SMS apart, never from packages', () => {
    const b = bucket({ id: 'b1', kind: 'voice', left: 6000n });
    const call = ok(
      rateRecord(usage({ kind: 'voice_out', volume: 60n, otherParty: '+4915112345678' }), rates, [b]),
    );
    expect(call.cost).toBe(3500n);
    expect(call.takes).toEqual([]);
    const sms = ok(
      rateRecord(usage({ kind: 'sms_out', volume: 1n, otherParty: '+4915112345678' }), rates, []),
    );
    expect(sms.cost).toBe(900n);
  });

  it('RATE-02 prices roaming by the zone, charging incoming calls, never from home packages', () => {
    const home = bucket({ id: 'home', kind: 'voice', left: 6000n });
    const out = ok(rateRecord(usage({ kind: 'voice_out', volume: 30n, zone: 'europe' }), rates, [home]));
    expect(out.cost).toBe(4900n);
    expect(out.takes).toEqual([]);
    const incoming = ok(rateRecord(usage({ kind: 'voice_in', volume: 60n, zone: 'europe' }), rates, []));
    expect(incoming.cost).toBe(2900n);
    expect(ok(rateRecord(usage({ kind: 'sms_in', volume: 1n, zone: 'europe' }), rates, [])).cost).toBe(0n);
    expect(ok(rateRecord(usage({ kind: 'data', volume: MB, zone: 'europe' }), rates, [])).cost).toBe(5000n);
  });

  it('RATE-02 draws roaming usage from the packages of options sold for that zone only', () => {
    const roamingPack = bucket({ id: 'r1', kind: 'data', left: MB, origin: 'option', zones: ['europe'] });
    const otherZone = bucket({ id: 'r2', kind: 'data', left: MB, origin: 'option', zones: ['asia'] });
    const home = bucket({ id: 'h1', kind: 'data', left: MB });
    const r = ok(
      rateRecord(usage({ kind: 'data', volume: 2n * MB, zone: 'europe' }), rates, [
        home,
        otherZone,
        roamingPack,
      ]),
    );
    expect(r.takes).toEqual([{ bucketId: 'r1', amount: MB }]);
    expect(r.cost).toBe(5000n);
    const atHome = ok(rateRecord(usage({ kind: 'data', volume: MB }), rates, [roamingPack]));
    expect(atHome.takes).toEqual([]);
    expect(atHome.cost).toBe(900n);
  });

  it('RATE-02 rejects what the tariff does not sell', () => {
    expect(rateRecord(usage({ kind: 'voice_out', volume: 10n, zone: 'asia' }), rates, [])).toEqual({
      ok: false,
      reason: 'zone_not_priced',
    });
    expect(rateRecord(usage({ kind: 'mms_out', volume: 1n }), rates, [])).toEqual({
      ok: false,
      reason: 'not_priced',
    });
    expect(rateRecord(usage({ kind: 'data', volume: 1n }), { voice_out_per_min: 1 }, [])).toEqual({
      ok: false,
      reason: 'not_priced',
    });
    expect(ok(rateRecord(usage({ kind: 'mms_out', volume: 1n }), { ...rates, mms_out: 700 }, [])).cost).toBe(
      700n,
    );
  });

  it('RATE-02 rejects a negative volume and a message that is not one message', () => {
    expect(rateRecord(usage({ kind: 'voice_out', volume: -1n }), rates, [])).toEqual({
      ok: false,
      reason: 'bad_volume',
    });
    expect(rateRecord(usage({ kind: 'sms_out', volume: 2n }), rates, [])).toEqual({
      ok: false,
      reason: 'bad_volume',
    });
  });
});

describe('RATE-02 packages first, in a defined order', () => {
  it('RATE-02 takes from packages before charging and prices only the rest', () => {
    const b = bucket({ id: 'b1', kind: 'voice', left: 90n });
    const r = ok(rateRecord(usage({ kind: 'voice_out', volume: 150n }), rates, [b]));
    // 150 s → 180 billable; 90 from the package, 90 s charged at 2.90 ₽/min = 4.35 ₽.
    expect(r.takes).toEqual([{ bucketId: 'b1', amount: 90n }]);
    expect(r.fromPackage).toBe(90n);
    expect(r.chargedVolume).toBe(90n);
    expect(r.cost).toBe(435n);
  });

  it('RATE-02 uses the bucket that expires first, tariff before option at equal expiry, never-expiring last', () => {
    const daily = bucket({
      id: 'z-daily',
      kind: 'sms',
      left: 1n,
      origin: 'option',
      periodEnd: new Date('2026-03-11T00:00:00Z'),
    });
    const tariff = bucket({ id: 'y-tariff', kind: 'sms', left: 1n });
    const option = bucket({ id: 'a-option', kind: 'sms', left: 1n, origin: 'option' });
    const once = bucket({ id: '0-once', kind: 'sms', left: 1n, periodEnd: null });
    const order = eligibleBuckets([once, option, tariff, daily], 'sms', AT, null).map((b) => b.id);
    expect(order).toEqual(['z-daily', 'y-tariff', 'a-option', '0-once']);
    const r = ok(rateRecord(usage({ kind: 'sms_out', volume: 1n }), rates, [once, option, tariff, daily]));
    expect(r.takes).toEqual([{ bucketId: 'z-daily', amount: 1n }]);
    expect(compareBuckets(tariff, tariff)).toBe(0);
  });

  it('RATE-02 ignores buckets of another kind, an empty one, or a period that does not hold the record', () => {
    const past = bucket({
      id: 'past',
      kind: 'voice',
      left: 600n,
      periodEnd: new Date('2026-03-01T00:00:00Z'),
      periodStart: new Date('2026-02-01T00:00:00Z'),
    });
    const future = bucket({
      id: 'future',
      kind: 'voice',
      left: 600n,
      periodStart: new Date('2026-03-11T00:00:00Z'),
    });
    const empty = bucket({ id: 'empty', kind: 'voice', left: 0n });
    const data = bucket({ id: 'data', kind: 'data', left: 600n });
    const r = ok(rateRecord(usage({ kind: 'voice_out', volume: 60n }), rates, [past, future, empty, data]));
    expect(r.takes).toEqual([]);
    expect(r.cost).toBe(290n);
  });

  it('RATE-02 spreads a long call over several packages', () => {
    const a = bucket({ id: 'a', kind: 'voice', left: 60n });
    const b = bucket({ id: 'b', kind: 'voice', left: 60n, origin: 'option' });
    const r = ok(rateRecord(usage({ kind: 'voice_out', volume: 100n }), rates, [b, a]));
    expect(r.takes).toEqual([
      { bucketId: 'a', amount: 60n },
      { bucketId: 'b', amount: 60n },
    ]);
    expect(r.cost).toBe(0n);
  });
});
