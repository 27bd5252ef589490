import { describe, expect, it } from 'vitest';
import { sizeTemplates } from './buckets.ts';
import type { TariffRow, TemplateRow } from './catalog-query.ts';
import { monthlyAmounts } from './picker-query.ts';

function template(over: Partial<TemplateRow>): TemplateRow {
  return {
    id: 'pkg',
    tariff_id: 'trf_a',
    option_id: null,
    kind: 'voice',
    amount: 60n,
    renew: 'fee_period',
    name_ru: '',
    name_en: '',
    ...over,
  };
}

const tariff = (feePeriod: 'day' | 'month'): TariffRow => ({
  id: 'trf_a',
  code: 'a',
  line_kind: 'mobile',
  name_ru: '',
  name_en: '',
  description_ru: '',
  description_en: '',
  fee: 0n,
  fee_period: feePeriod,
  rates: {},
});

describe('package sizing', () => {
  it('PLAN-05 a choice resizes the first package of each kind, leaves others of the kind empty, drops zeros', () => {
    const templates = [
      template({ id: 'voice-day', kind: 'voice', renew: 'day' }),
      template({ id: 'voice', kind: 'voice', renew: 'fee_period' }),
      template({ id: 'sms', kind: 'sms', amount: 100n }),
      template({ id: 'option', tariff_id: null, option_id: 'opt_x', kind: 'data', amount: 5n }),
    ];
    const sized = sizeTemplates(templates, new Map([['trf_a', { minutes: 600, gigabytes: 0, messages: 0 }]]));
    // The fee_period package takes the amount; the daily one of the same kind and the 0 SMS open nothing;
    // an option's package is not the tariff's to resize.
    expect(sized.map((t) => [t.id, t.amount])).toEqual([
      ['voice', 36_000n],
      ['option', 5n],
    ]);
    expect(sizeTemplates(templates, new Map())).toEqual(templates);
  });

  it('PLAN-04 counts what a tariff gives over 30 days: daily packages thirty times', () => {
    const gb = 1024n ** 3n;
    const templates = [
      template({ kind: 'data', amount: gb, renew: 'fee_period' }),
      template({ kind: 'voice', amount: 600n, renew: 'month' }),
      template({ kind: 'sms', amount: 10n, renew: 'day' }),
    ];
    expect(monthlyAmounts(tariff('day'), templates)).toEqual({ minutes: 10, gigabytes: 30, messages: 300 });
    expect(monthlyAmounts(tariff('month'), templates)).toEqual({ minutes: 10, gigabytes: 1, messages: 300 });
  });
});
