import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rateRecord } from './rate-record.ts';
import type { RatingBucket, RatingRates, UsageKind } from './types.ts';

const AT = new Date('2026-03-10T12:00:00Z');
const KINDS: UsageKind[] = ['voice_out', 'voice_in', 'sms_out', 'sms_in', 'data'];

const ratesArb: fc.Arbitrary<RatingRates> = fc.record({
  voice_out_per_min: fc.integer({ min: 0, max: 10_000 }),
  voice_increment_sec: fc.constantFrom(1, 10, 30, 60),
  sms_out: fc.integer({ min: 0, max: 5_000 }),
  data_per_mb: fc.integer({ min: 0, max: 10_000 }),
  data_increment_kb: fc.constantFrom(1, 100, 1024),
});

const bucketsArb = fc.array(
  fc.record({
    kind: fc.constantFrom('voice' as const, 'sms' as const, 'data' as const),
    left: fc.bigInt({ min: 0n, max: 10_000_000n }),
    origin: fc.constantFrom('tariff' as const, 'option' as const),
    ends: fc.option(fc.integer({ min: 1, max: 30 })),
  }),
  { maxLength: 5 },
);

function toBuckets(
  raw: { kind: RatingBucket['kind']; left: bigint; origin: RatingBucket['origin']; ends: number | null }[],
) {
  return raw.map(
    (b, i): RatingBucket => ({
      id: `b${i}`,
      kind: b.kind,
      left: b.left,
      origin: b.origin,
      zones: [],
      periodStart: new Date('2026-03-01T00:00:00Z'),
      periodEnd: b.ends === null ? null : new Date(AT.getTime() + b.ends * 3_600_000),
    }),
  );
}

const usageArb = fc.record({
  kind: fc.constantFrom(...KINDS),
  volume: fc.bigInt({ min: 0n, max: 50_000_000n }),
});

describe('RATE-02 rating properties', () => {
  it('RATE-02 never takes more than a bucket holds, and package plus charged volume is the billable volume', () => {
    fc.assert(
      fc.property(ratesArb, bucketsArb, usageArb, (rates, raw, u) => {
        const buckets = toBuckets(raw);
        const volume = u.kind.startsWith('sms') ? 1n : u.volume;
        const r = rateRecord({ kind: u.kind, volume, at: AT }, rates, buckets);
        if (!r.ok) return;
        expect(r.fromPackage + r.chargedVolume).toBe(r.billableVolume);
        expect(r.billableVolume >= (u.kind.endsWith('_in') ? 0n : volume)).toBe(true);
        const taken = r.takes.reduce((s, t) => s + t.amount, 0n);
        expect(taken).toBe(r.fromPackage);
        for (const t of r.takes) {
          const b = buckets.find((x) => x.id === t.bucketId);
          expect(b).toBeDefined();
          expect(t.amount > 0n && t.amount <= (b?.left ?? 0n)).toBe(true);
        }
      }),
    );
  });

  it('RATE-02 rounds each record once, within half a kopeck of the exact price', () => {
    fc.assert(
      fc.property(ratesArb, usageArb, (rates, u) => {
        const volume = u.kind.startsWith('sms') ? 1n : u.volume;
        const r = rateRecord({ kind: u.kind, volume, at: AT }, rates, []);
        if (!r.ok || r.chargedVolume === 0n) return;
        const [rate, unit] =
          u.kind === 'voice_out'
            ? [rates.voice_out_per_min ?? 0, 60n]
            : u.kind === 'data'
              ? [rates.data_per_mb ?? 0, 1_048_576n]
              : [rates.sms_out ?? 0, 1n];
        // |cost − exact| ≤ ½ kopeck (+ the dropped sub-millikopeck): compare in units of 1/(2000·unit) kopeck.
        const exact2000 = r.chargedVolume * BigInt(rate) * 2000n;
        const cost2000 = r.cost * 2000n * unit;
        const diff = cost2000 > exact2000 ? cost2000 - exact2000 : exact2000 - cost2000;
        expect(diff <= 1000n * unit + 2n * unit).toBe(true);
      }),
    );
  });

  it('RATE-02 never charges more with packages than without, and the cost grows with the volume', () => {
    fc.assert(
      fc.property(
        ratesArb,
        bucketsArb,
        usageArb,
        fc.bigInt({ min: 0n, max: 1_000_000n }),
        (rates, raw, u, extra) => {
          if (u.kind.startsWith('sms')) return;
          const buckets = toBuckets(raw);
          const withPackages = rateRecord({ kind: u.kind, volume: u.volume, at: AT }, rates, buckets);
          const without = rateRecord({ kind: u.kind, volume: u.volume, at: AT }, rates, []);
          const more = rateRecord({ kind: u.kind, volume: u.volume + extra, at: AT }, rates, []);
          if (!withPackages.ok || !without.ok || !more.ok) return;
          expect(withPackages.cost <= without.cost).toBe(true);
          expect(more.cost >= without.cost).toBe(true);
        },
      ),
    );
  });
});
