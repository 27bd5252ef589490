import { describe, expect, it } from 'vitest';
import type { ConfigurableRates } from '../catalog/types.ts';
import { cheapestCovering, type PickerCandidate, rankTariffs } from './picker.ts';

const builder: ConfigurableRates = {
  base_fee: 150_00,
  voice: [
    { minutes: 100, fee: 50_00 },
    { minutes: 300, fee: 120_00 },
    { minutes: 600, fee: 200_00 },
  ],
  data: [
    { gigabytes: 5, fee: 120_00 },
    { gigabytes: 10, fee: 200_00 },
    { gigabytes: 20, fee: 300_00 },
  ],
  sms: [
    { messages: 0, fee: 0 },
    { messages: 100, fee: 30_00 },
  ],
};

const small: PickerCandidate = {
  id: 'small',
  amounts: { minutes: 200, gigabytes: 5, messages: 100 },
  monthlyFee: 250_00n,
};
const big: PickerCandidate = {
  id: 'big',
  amounts: { minutes: 500, gigabytes: 30, messages: 100 },
  monthlyFee: 550_00n,
};
const huge: PickerCandidate = {
  id: 'huge',
  amounts: { minutes: 3000, gigabytes: 100, messages: 1000 },
  monthlyFee: 2500_00n,
};
const dataOnly: PickerCandidate = {
  id: 'data-only',
  amounts: { minutes: 0, gigabytes: 40, messages: 0 },
  monthlyFee: 450_00n,
};

describe('PLAN-04 tariff picker', () => {
  it('PLAN-04 proposes the cheapest tariff that covers everything asked, with what it covers', () => {
    const survey = { focus: 'gigabytes' as const, minutes: 300, gigabytes: 20, messages: 0 };
    const ranked = rankTariffs([huge, small, big, dataOnly], survey);
    expect(ranked.map((p) => p.id)).toEqual(['big', 'huge', 'data-only']);
    expect(ranked[0]).toMatchObject({ covers: ['minutes', 'gigabytes'], short: [], monthlyFee: 550_00n });
    expect(ranked[2]).toMatchObject({ covers: ['gigabytes'], short: ['minutes'] });
  });

  it('PLAN-04 among tariffs that fall short, the one closest on the main use comes first', () => {
    const survey = { minutes: 1000, gigabytes: 40, messages: 0 };
    const cands = [small, big, dataOnly];
    expect(rankTariffs(cands, { ...survey, focus: 'gigabytes' }).map((p) => p.id)).toEqual([
      'data-only',
      'big',
      'small',
    ]);
    expect(rankTariffs(cands, { ...survey, focus: 'minutes' }).map((p) => p.id)).toEqual([
      'big',
      'small',
      'data-only',
    ]);
  });

  it('PLAN-04 sets a configurable tariff to the cheapest steps that cover the survey, priced by them', () => {
    expect(cheapestCovering(builder, { minutes: 250, gigabytes: 10, messages: 1 })).toEqual({
      minutes: 300,
      gigabytes: 10,
      messages: 100,
    });
    // Beyond the largest step: the largest, and the proposal says it falls short there.
    const [proposal] = rankTariffs(
      [
        {
          id: 'b',
          amounts: { minutes: 300, gigabytes: 10, messages: 0 },
          monthlyFee: 470_00n,
          configurable: builder,
        },
      ],
      {
        focus: 'minutes',
        minutes: 900,
        gigabytes: 3,
        messages: 0,
      },
    );
    expect(proposal).toEqual({
      id: 'b',
      amounts: { minutes: 600, gigabytes: 5, messages: 0 },
      choice: { minutes: 600, gigabytes: 5, messages: 0 },
      monthlyFee: 470_00n,
      covers: ['gigabytes'],
      short: ['minutes'],
    });
  });

  it('PLAN-04 a configurable tariff tailored to the survey beats a bigger fixed one', () => {
    const survey = { focus: 'minutes' as const, minutes: 100, gigabytes: 5, messages: 0 };
    const configurable = { ...small, id: 'builder', monthlyFee: 470_00n, configurable: builder };
    const ranked = rankTariffs([big, configurable], survey, 5);
    expect(ranked.map((p) => [p.id, p.monthlyFee])).toEqual([
      ['builder', 320_00n],
      ['big', 550_00n],
    ]);
  });

  it('PLAN-04 returns at most the limit and nothing for no candidates', () => {
    const survey = { focus: 'messages' as const, minutes: 0, gigabytes: 0, messages: 10 };
    expect(rankTariffs([small, big, huge, dataOnly], survey, 2)).toHaveLength(2);
    expect(rankTariffs([], survey)).toEqual([]);
  });
});
