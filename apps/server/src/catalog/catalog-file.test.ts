import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoCatalog } from '../demo/demo-catalog.ts';
import { formatCatalogError, parseCatalogFile } from './catalog-file.ts';

// Line numbers matter here: each error below names the line of this text it is on.
const BAD = `{
  "format": "kabinet-catalog/1",
  "roaming_zones": [
    { "code": "cis", "name": { "ru": "СНГ", "en": "CIS" }, "countries": ["KZ", "kz"] }
  ],
  "tariffs": [
    {
      "code": "t1",
      "name": { "ru": "Т", "en": "T" },
      "fee": 99.5,
      "fee_period": "month",
      "rates": { "voice_per_minute": 250, "roaming": { "mars": { "voice_out_per_min": 1, "voice_in_per_min": 1, "sms_out": 1, "data_per_mb": 1 } } },
      "packages": [{ "kind": "voice", "minutes": 0, "renew": "fee_period" }]
    },
    { "code": "t1", "name": { "ru": "Т2" }, "fee": 100, "fee_period": "week" }
  ],
  "options": [
    { "code": "a", "category": "calls", "name": { "ru": "А", "en": "A" }, "excludes_options": ["b"] },
    { "code": "b", "category": "calls", "name": { "ru": "Б", "en": "B" }, "requires_tariffs": ["t9"] },
    { "code": "c", "category": "content", "name": { "ru": "В", "en": "C" }, "fee": 900, "fee_period": "day" }
  ]
}
`;

describe('catalog file', () => {
  it('OPS-03 an invalid file lists every error with its line, column and field', () => {
    const result = parseCatalogFile(BAD, 'bad.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(formatCatalogError)).toEqual([
      'bad.json:4:80 roaming_zones[0].countries[1]: must be an ISO 3166-1 alpha-2 code such as TR',
      'bad.json:10:14 tariffs[0].fee: must be a non-negative integer of kopecks',
      'bad.json:12:18 tariffs[0].rates.voice_per_minute: unknown field (expected one of voice_out_per_min, voice_intl_per_min, sms_out, sms_intl, data_per_mb, transition_fee, voice_increment_sec, data_increment_kb, speed_mbps, tv_channels, roaming, configurable, suspension)',
      'bad.json:12:64 tariffs[0].rates.roaming.mars: no roaming zone has the code mars',
      'bad.json:13:20 tariffs[0].packages[0]: a package must hold a positive amount',
      'bad.json:15:15 tariffs[1].code: duplicate code t1 (also tariffs[0])',
      'bad.json:15:29 tariffs[1].name.en: is required (a non-empty string)',
      'bad.json:15:71 tariffs[1].fee_period: must be one of day, month',
      'bad.json:18:96 options[0].excludes_options[0]: b must list a in its excludes_options too (exclusions go both ways)',
      'bad.json:19:96 options[1].requires_tariffs[0]: no tariff has the code t9',
      'bad.json:20:5 options[2].short_number: a content subscription needs the short number that answers STOP',
    ]);
  });

  it('OPS-03 a JSON syntax error is reported where it is, and a key given twice is refused', () => {
    const broken = parseCatalogFile('{\n  "format": "kabinet-catalog/1",\n  "tariffs": [1,]\n}', 'x.json');
    expect(broken.ok ? [] : broken.errors.map(formatCatalogError)).toEqual([
      'x.json:3:17 (file): JSON syntax: a trailing comma is not allowed in JSON',
    ]);
    const twice = parseCatalogFile(
      '{"format": "kabinet-catalog/1",\n "tariffs": [],\n "tariffs": []}',
      'y.json',
    );
    expect(twice.ok ? [] : twice.errors.map(formatCatalogError)).toEqual([
      'y.json:3:2 tariffs: is given twice in one object',
    ]);
  });

  it('OPS-03 the demo catalog is a valid catalog file, with amounts in network units', () => {
    const catalog = demoCatalog();
    const online = catalog.tariffs.find((t) => t.code === 'moy-online');
    expect(online?.fee).toBe(550_00n);
    expect(online?.priceChanges).toEqual([{ from: '2027-01-01', fee: 600_00n, connectFee: null }]);
    expect(online?.rates.suspension).toEqual({ fee_per_day: 100, free_days: 30, max_days: 180 });
    expect(online?.packages.map((p) => [p.kind, p.amount])).toEqual([
      ['voice', 500n * 60n],
      ['data', 30n * 1024n * 1024n * 1024n],
      ['sms', 100n],
    ]);
    expect(catalog.options.find((o) => o.code === 'content-horoscope')?.shortNumber).toBe('5051');
    expect(catalog.roamingZones.map((z) => z.code)).toEqual(['cis', 'popular', 'world']);
    expect(catalog.bans.length).toBeGreaterThanOrEqual(5);
  });

  it('OPS-03 the complete example of docs/catalog.md is a valid catalog', () => {
    const doc = readFileSync(new URL('../../../../docs/catalog.md', import.meta.url), 'utf8');
    const example = doc.split('## A complete example')[1]?.split('```json')[1]?.split('```')[0] ?? '';
    const result = parseCatalogFile(example, 'docs/catalog.md');
    expect(result.ok ? [] : result.errors.map(formatCatalogError)).toEqual([]);
    if (!result.ok) return;
    expect(result.catalog.tariffs.map((t) => t.code)).toEqual(['moy-online', 'posekundny', 'konstruktor']);
    expect(result.catalog.roamingZones).toHaveLength(3);
    expect(result.catalog.bans).toHaveLength(2);
  });
});
