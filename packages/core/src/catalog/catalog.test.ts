import { describe, expect, it } from 'vitest';
import { fromDisplayUnits } from '../packages.ts';
import { checkCatalog } from './check-catalog.ts';
import { configurableFee } from './configurable.ts';
import { calendarDay, effectiveConnectFee, effectiveFee } from './effective-fee.ts';
import type { Catalog, CatalogOption, CatalogTariff, ConfigurableRates } from './types.ts';

const names = { ru: 'Т', en: 'T' };

function tariff(over: Partial<CatalogTariff> = {}): CatalogTariff {
  return {
    code: 't',
    lineKind: 'mobile',
    name: names,
    description: names,
    fee: 500_00n,
    feePeriod: 'month',
    isPublic: true,
    archivedAt: null,
    rates: {},
    packages: [],
    priceChanges: [],
    ...over,
  };
}

function option(over: Partial<CatalogOption> = {}): CatalogOption {
  return {
    code: 'o',
    category: 'extra',
    name: names,
    description: names,
    connectFee: 0n,
    fee: 0n,
    feePeriod: null,
    shortNumber: null,
    requiresTariffs: [],
    excludesOptions: [],
    roamingZones: [],
    archivedAt: null,
    packages: [],
    priceChanges: [],
    ...over,
  };
}

function catalog(over: Partial<Catalog> = {}): Catalog {
  return { tariffs: [tariff()], options: [], roamingZones: [], bans: [], ...over };
}

const paths = (c: Catalog) => checkCatalog(c).map((i) => i.path);

describe('catalog rules', () => {
  it('OPS-03 a consistent catalog has no issues', () => {
    const zones = [
      { code: 'cis', name: names, countries: ['KZ', 'AM'], restOfWorld: false, archivedAt: null },
      { code: 'world', name: names, countries: [], restOfWorld: true, archivedAt: null },
    ];
    const rates = {
      voice_out_per_min: 250,
      roaming: { cis: { voice_out_per_min: 1, voice_in_per_min: 1, sms_out: 1, data_per_mb: 1 } },
    };
    const c = catalog({
      tariffs: [tariff({ rates })],
      options: [
        option({ code: 'a', excludesOptions: ['b'], requiresTariffs: ['t'], roamingZones: ['cis'] }),
        option({ code: 'b', excludesOptions: ['a'] }),
      ],
      roamingZones: zones,
      bans: [{ code: 'intl', name: names, description: names, bars: ['voice_intl'], archivedAt: null }],
    });
    expect(checkCatalog(c)).toEqual([]);
  });

  it('OPS-03 duplicate and malformed codes are reported at the later item', () => {
    expect(paths(catalog({ tariffs: [tariff(), tariff(), tariff({ code: 'Bad Code' })] }))).toEqual([
      'tariffs[1].code',
      'tariffs[2].code',
    ]);
  });

  it('SVC-02 options name existing tariffs and options, and exclusions go both ways', () => {
    const issues = checkCatalog(
      catalog({
        options: [
          option({ code: 'a', requiresTariffs: ['nope'], excludesOptions: ['b', 'ghost', 'a'] }),
          option({ code: 'b' }),
        ],
      }),
    );
    expect(issues).toEqual([
      { path: 'options[0].requires_tariffs[0]', message: 'no tariff has the code nope' },
      {
        path: 'options[0].excludes_options[0]',
        message: 'b must list a in its excludes_options too (exclusions go both ways)',
      },
      { path: 'options[0].excludes_options[1]', message: 'no option has the code ghost' },
      { path: 'options[0].excludes_options[2]', message: 'an option cannot exclude itself' },
    ]);
  });

  it('SVC-03 content needs a unique short number of digits', () => {
    const content = (code: string, shortNumber: string | null) =>
      option({ code, category: 'content', shortNumber, fee: 900n, feePeriod: 'day' });
    expect(
      paths(
        catalog({
          options: [content('a', null), content('b', '5051'), content('c', '5051'), content('d', 'STOP')],
        }),
      ),
    ).toEqual(['options[0].short_number', 'options[3].short_number', 'options[2].short_number']);
  });

  it('OPS-03 packages are positive, unique by kind and renewal, and fee_period needs a periodic fee', () => {
    const voice = { kind: 'voice' as const, amount: 60n, renew: 'fee_period' as const, name: names };
    expect(
      paths(
        catalog({
          tariffs: [tariff({ packages: [voice, { ...voice, amount: 0n, renew: 'month' }, voice] })],
          options: [option({ packages: [voice] })],
        }),
      ),
    ).toEqual(['tariffs[0].packages[1]', 'tariffs[0].packages[2]', 'options[0].packages[0].renew']);
  });

  it('SVC-05 roaming zones: prices name known zones, a country is in one zone, one rest of world', () => {
    const zone = (code: string, countries: string[], restOfWorld = false) => ({
      code,
      name: names,
      countries,
      restOfWorld,
      archivedAt: null,
    });
    const rates = {
      roaming: { mars: { voice_out_per_min: 1, voice_in_per_min: 1, sms_out: 1, data_per_mb: 1 } },
    };
    expect(
      paths(
        catalog({
          tariffs: [tariff({ rates })],
          roamingZones: [
            zone('a', ['TR', 'tr']),
            zone('b', ['TR']),
            zone('c', [], true),
            zone('d', ['GE'], true),
            zone('e', []),
          ],
          options: [option({ roamingZones: ['zz'] })],
        }),
      ),
    ).toEqual([
      'roaming_zones[0].countries[1]',
      'roaming_zones[1].countries[0]',
      'roaming_zones[3].rest_of_world',
      'roaming_zones[3].countries',
      'roaming_zones[4].countries',
      'tariffs[0].rates.roaming.mars',
      'options[0].roaming_zones[0]',
    ]);
  });

  it("PLAN-06 a tariff's suspension allows at least one day, and billing steps are at least 1", () => {
    const rates = { suspension: { fee_per_day: 100, free_days: 30, max_days: 0 }, voice_increment_sec: 0 };
    expect(paths(catalog({ tariffs: [tariff({ rates })] }))).toEqual([
      'tariffs[0].rates.voice_increment_sec',
      'tariffs[0].rates.suspension.max_days',
    ]);
  });

  it('SVC-04 a ban bars at least one kind, each once', () => {
    const ban = (bars: ('content' | 'mms')[]) => ({
      code: `b${bars.length}`,
      name: names,
      description: names,
      bars,
      archivedAt: null,
    });
    expect(paths(catalog({ bans: [ban([]), ban(['content', 'mms', 'content'])] }))).toEqual([
      'bans[0].bars',
      'bans[1].bars[2]',
    ]);
  });

  it('OPS-03 price changes are real days in order, and options with a periodic change need a period', () => {
    const change = (from: string, fee: bigint | null = 100n, connectFee: bigint | null = null) => ({
      from,
      fee,
      connectFee,
    });
    expect(
      paths(
        catalog({
          tariffs: [
            tariff({
              priceChanges: [
                change('2027-02-30'),
                change('2027-03-01'),
                change('2027-03-01'),
                change('2027-04-01', null, 5n),
              ],
            }),
          ],
          options: [
            option({ priceChanges: [change('2027-01-01', null, null)] }),
            option({ code: 'p', priceChanges: [change('2027-01-01')] }),
          ],
        }),
      ),
    ).toEqual([
      'tariffs[0].price_changes[0].from',
      'tariffs[0].price_changes[2].from',
      'tariffs[0].price_changes[3].connect_fee',
      'options[0].price_changes[0]',
      'options[1].fee_period',
    ]);
  });
});

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

describe('configurable tariffs', () => {
  it('PLAN-05 prices a choice as base fee plus the chosen steps, none between steps', () => {
    expect(configurableFee(builder, { minutes: 300, gigabytes: 5, messages: 0 })).toBe(390_00n);
    expect(configurableFee(builder, { minutes: 200, gigabytes: 5, messages: 0 })).toBeNull();
    expect(configurableFee(builder, { minutes: 100, gigabytes: 5, messages: 10 })).toBeNull();
  });

  it('PLAN-05 the fee of a configurable tariff must be the price of its own packages', () => {
    const packages = [
      {
        kind: 'voice' as const,
        amount: fromDisplayUnits('voice', 300),
        renew: 'fee_period' as const,
        name: names,
      },
      {
        kind: 'data' as const,
        amount: fromDisplayUnits('data', 10 * 1024),
        renew: 'fee_period' as const,
        name: names,
      },
    ];
    const good = tariff({ fee: 470_00n, packages, rates: { configurable: builder } });
    expect(checkCatalog(catalog({ tariffs: [good] }))).toEqual([]);
    expect(checkCatalog(catalog({ tariffs: [{ ...good, fee: 400_00n }] }))).toEqual([
      {
        path: 'tariffs[0].fee',
        message: "a configurable tariff's fee must be 47000: base_fee plus the steps of its packages",
      },
    ]);
    expect(paths(catalog({ tariffs: [{ ...good, packages: packages.slice(1) }] }))).toEqual([
      'tariffs[0].packages',
    ]);
  });

  it('PLAN-05 a kind whose steps start at 0 but go above still needs a package for the choice to size', () => {
    const withSms = {
      ...builder,
      sms: [
        { messages: 0, fee: 0 },
        { messages: 100, fee: 30_00 },
      ],
    };
    const packages = [
      {
        kind: 'voice' as const,
        amount: fromDisplayUnits('voice', 300),
        renew: 'fee_period' as const,
        name: names,
      },
      {
        kind: 'data' as const,
        amount: fromDisplayUnits('data', 10 * 1024),
        renew: 'fee_period' as const,
        name: names,
      },
    ];
    const bare = tariff({ fee: 470_00n, packages, rates: { configurable: withSms } });
    expect(checkCatalog(catalog({ tariffs: [bare] }))).toEqual([
      {
        path: 'tariffs[0].packages',
        message: 'a configurable tariff needs a sms package: its steps go above 0',
      },
    ]);
    const sms = { kind: 'sms' as const, amount: 100n, renew: 'fee_period' as const, name: names };
    const full = tariff({ fee: 500_00n, packages: [...packages, sms], rates: { configurable: withSms } });
    expect(checkCatalog(catalog({ tariffs: [full] }))).toEqual([]);
  });
});

describe('effective prices', () => {
  const item = {
    fee: 550_00n,
    connectFee: 0n,
    priceChanges: [
      { from: '2027-06-01', fee: null, connectFee: 100_00n },
      { from: '2027-01-01', fee: 600_00n, connectFee: null },
    ],
  };

  it('OPS-03 a price change applies from the start of its day in the operator time zone', () => {
    // 31 Dec 2026 21:00 UTC is already 1 January in Moscow.
    expect(effectiveFee(item, new Date('2026-12-31T20:59:59Z'), 'Europe/Moscow')).toBe(550_00n);
    expect(effectiveFee(item, new Date('2026-12-31T21:00:00Z'), 'Europe/Moscow')).toBe(600_00n);
    expect(effectiveFee(item, new Date('2026-12-31T21:00:00Z'), 'UTC')).toBe(550_00n);
    expect(calendarDay(new Date('2026-12-31T21:00:00Z'), 'Europe/Moscow')).toBe('2027-01-01');
  });

  it('OPS-03 a change of one price keeps the other, whatever the order of the list', () => {
    const july = new Date('2027-07-01T12:00:00Z');
    expect(effectiveFee(item, july, 'UTC')).toBe(600_00n);
    expect(effectiveConnectFee(item, july, 'UTC')).toBe(100_00n);
    expect(effectiveConnectFee(item, new Date('2027-05-31T12:00:00Z'), 'UTC')).toBe(0n);
    expect(effectiveFee({ fee: 9n, priceChanges: [] }, july, 'UTC')).toBe(9n);
  });
});
