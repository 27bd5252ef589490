import { describe, expect, it } from 'vitest';
import { checkChoice, choiceSteps, chosenAmount, sameChoice } from './configurable-choice.ts';
import { tariffFeeAt } from './tariff-fee.ts';
import type { ConfigurableRates } from './types.ts';

const builder: ConfigurableRates = {
  base_fee: 150_00,
  voice: [
    { minutes: 100, fee: 50_00 },
    { minutes: 300, fee: 120_00 },
  ],
  data: [
    { gigabytes: 5, fee: 120_00 },
    { gigabytes: 10, fee: 200_00 },
  ],
  sms: [],
};

describe('PLAN-05 configurable choices', () => {
  it('PLAN-05 slider steps come from the catalog; a kind without steps offers only 0', () => {
    expect(choiceSteps(builder)).toEqual({ minutes: [100, 300], gigabytes: [5, 10], messages: [0] });
  });

  it('PLAN-05 refuses an amount outside the range or between steps, naming the field', () => {
    expect(checkChoice(builder, { minutes: 300, gigabytes: 5, messages: 0 })).toEqual([]);
    expect(checkChoice(builder, { minutes: 1000, gigabytes: 7, messages: 5 })).toEqual([
      { field: 'minutes', code: 'out_of_range', message: 'must be from 100 to 300', steps: [100, 300] },
      { field: 'gigabytes', code: 'not_a_step', message: 'must be one of 5, 10', steps: [5, 10] },
      { field: 'messages', code: 'out_of_range', message: 'must be from 0 to 0', steps: [0] },
    ]);
  });

  it('PLAN-05 a choice sizes packages in network units', () => {
    const choice = { minutes: 300, gigabytes: 10, messages: 100 };
    expect(chosenAmount(choice, 'voice')).toBe(18_000n);
    expect(chosenAmount(choice, 'data')).toBe(10n * 1024n ** 3n);
    expect(chosenAmount(choice, 'sms')).toBe(100n);
    expect(sameChoice(choice, { ...choice })).toBe(true);
    expect(sameChoice(choice, { ...choice, messages: 0 })).toBe(false);
  });

  it('PLAN-05 OPS-03 the fee due is the choice price on a configurable tariff, else the effective-dated fee', () => {
    const at = new Date('2027-01-01T00:00:00+03:00');
    const dated = { fee: 550_00n, priceChanges: [{ from: '2027-01-01', fee: 600_00n, connectFee: null }] };
    expect(tariffFeeAt(dated, null, at, 'Europe/Moscow')).toBe(600_00n);
    expect(tariffFeeAt(dated, null, new Date(at.getTime() - 1), 'Europe/Moscow')).toBe(550_00n);
    const configurable = { fee: 470_00n, priceChanges: [], configurable: builder };
    expect(tariffFeeAt(configurable, { minutes: 100, gigabytes: 5, messages: 0 }, at, 'UTC')).toBe(320_00n);
    expect(tariffFeeAt(configurable, null, at, 'UTC')).toBe(470_00n);
    // A choice the steps no longer price (the catalog changed) falls back to the tariff's fee.
    expect(tariffFeeAt(configurable, { minutes: 200, gigabytes: 5, messages: 0 }, at, 'UTC')).toBe(470_00n);
  });
});
