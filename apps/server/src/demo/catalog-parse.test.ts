import { describe, expect, it } from 'vitest';
import { CatalogError, demoCatalog, parseCatalog } from './catalog-parse.ts';

function minimal(tariff: Record<string, unknown>) {
  return {
    format: 'kabinet-catalog/1',
    tariffs: [
      {
        code: 't',
        name: { ru: 'Т', en: 'T' },
        description: { ru: '', en: '' },
        fee: 100,
        fee_period: 'month',
        ...tariff,
      },
    ],
  };
}

describe('catalog file', () => {
  it('OPS-03 the demo catalog parses with amounts in network units', () => {
    const catalog = demoCatalog();
    const online = catalog.tariffs.find((t) => t.code === 'moy-online');
    expect(online?.fee).toBe(550_00n);
    expect(online?.packages.map((p) => [p.kind, p.amount])).toEqual([
      ['voice', 500n * 60n],
      ['data', 30n * 1024n * 1024n * 1024n],
      ['sms', 100n],
    ]);
    expect(catalog.options.find((o) => o.code === 'content-horoscope')?.shortNumber).toBe('5051');
  });

  it('OPS-03 a price that is not whole kopecks is refused with its path', () => {
    expect(() => parseCatalog(minimal({ fee: 99.5 }))).toThrow(
      new CatalogError('tariffs[0].fee: expected a non-negative integer'),
    );
  });

  it('OPS-03 unknown rate keys and duplicate packages are refused', () => {
    expect(() => parseCatalog(minimal({ rates: { voice_per_minute: 250 } }))).toThrow(
      /tariffs\[0\]\.rates\.voice_per_minute/,
    );
    const twice = { kind: 'sms', messages: 10, renew: 'fee_period' };
    expect(() => parseCatalog(minimal({ packages: [twice, twice] }))).toThrow(/a second sms package/);
  });
});
