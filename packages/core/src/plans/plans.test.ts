import { describe, expect, it } from 'vitest';
import { fromDisplayUnits } from '../packages.ts';
import { checkCompatibility } from './compatibility.ts';
import { fundsShortfall } from './funds.ts';
import { packageChanges } from './package-diff.ts';
import { monthlyEquivalent, transitionFeeOf } from './transition-fee.ts';

describe('tariff and option rules', () => {
  it('PLAN-02 reads the transition fee from the rates, free when absent, refusing non-kopecks', () => {
    expect(transitionFeeOf({ voice_out_per_min: 250 })).toBe(0n);
    expect(transitionFeeOf({ transition_fee: 150_00 })).toBe(150_00n);
    expect(() => transitionFeeOf({ transition_fee: 1.5 })).toThrow(RangeError);
    expect(() => transitionFeeOf({ transition_fee: -1 })).toThrow(RangeError);
    expect(() => transitionFeeOf({ transition_fee: '100' })).toThrow(RangeError);
  });

  it('PLAN-02 compares daily and monthly fees over 30 days', () => {
    expect(monthlyEquivalent(15_00n, 'day')).toBe(450_00n);
    expect(monthlyEquivalent(450_00n, 'month')).toBe(450_00n);
  });

  it('PLAN-02 lists packages now and after per kind, summing several of a kind, null where absent', () => {
    const now = [
      { kind: 'voice' as const, amount: fromDisplayUnits('voice', 500) },
      { kind: 'data' as const, amount: fromDisplayUnits('data', 10 * 1024) },
      { kind: 'data' as const, amount: fromDisplayUnits('data', 1024) },
    ];
    const after = [
      { kind: 'sms' as const, amount: 100n },
      { kind: 'data' as const, amount: fromDisplayUnits('data', 30 * 1024) },
    ];
    expect(packageChanges(now, after)).toEqual([
      { kind: 'voice', now: 500, after: null, unit: 'min' },
      { kind: 'sms', now: null, after: 100, unit: 'sms' },
      { kind: 'data', now: 11 * 1024, after: 30 * 1024, unit: 'mb' },
    ]);
    expect(packageChanges([], [])).toEqual([]);
  });

  it('PLAN-03 SVC-02 a fee needs balance plus credit limit; a free action never does', () => {
    expect(fundsShortfall({ balance: 100_00n, creditLimit: 0n, fee: 100_00n })).toBeNull();
    expect(fundsShortfall({ balance: 50_00n, creditLimit: 60_00n, fee: 100_00n })).toBeNull();
    expect(fundsShortfall({ balance: 99_99n, creditLimit: 0n, fee: 100_00n })).toEqual({
      required: 100_00n,
      available: 99_99n,
    });
    expect(fundsShortfall({ balance: -500_00n, creditLimit: 0n, fee: 0n })).toBeNull();
  });

  it('SVC-02 an option needing other tariffs names them', () => {
    const option = { code: 'roam-eu', requiresTariffs: ['max', 'super'], excludesOptions: [] };
    expect(checkCompatibility(option, 'basic', [])).toEqual({
      code: 'requires_tariff',
      tariffs: ['max', 'super'],
    });
    expect(checkCompatibility(option, 'max', [])).toBeNull();
  });

  it('SVC-02 an exclusion stated on either side makes options incompatible, and never with themselves', () => {
    const unlimited = { code: 'unlim', requiresTariffs: [], excludesOptions: ['gb-5'] };
    const fiveGb = { code: 'gb-5', requiresTariffs: [], excludesOptions: [] };
    const calls = { code: 'calls', requiresTariffs: [], excludesOptions: [] };
    expect(checkCompatibility(fiveGb, 't', [unlimited, calls])).toEqual({
      code: 'excludes_option',
      options: ['unlim'],
    });
    expect(checkCompatibility(unlimited, 't', [fiveGb])).toEqual({
      code: 'excludes_option',
      options: ['gb-5'],
    });
    expect(checkCompatibility(unlimited, 't', [unlimited, calls])).toBeNull();
  });
});
