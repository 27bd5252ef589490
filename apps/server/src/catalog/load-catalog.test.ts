import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@kabinet/db/vitest';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogCommand } from './catalog-cli.ts';
import { parseCatalogFile } from './catalog-file.ts';
import { loadCatalog } from './load-catalog.ts';
import { unchanged } from './load-summary.ts';
import { priceChangesOf } from './price-changes-query.ts';

function idOf(ids: Record<string, string>, code: string): string {
  const id = ids[code];
  if (id === undefined) throw new Error(`no ${code}`);
  return id;
}

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

const names = (ru: string, en: string) => ({ ru, en });

/** A small catalog file; `drop` leaves items out, as an operator deleting them from the file would. */
function file(
  drop: string[] = [],
  fee = 550_00,
  changes: { from: string; fee: number }[] = [{ from: '2027-01-01', fee: 600_00 }],
) {
  const doc = {
    format: 'kabinet-catalog/1',
    roaming_zones: [
      { code: 'cis', name: names('СНГ', 'CIS'), countries: ['KZ'] },
      { code: 'world', name: names('Мир', 'World'), countries: [], rest_of_world: true },
    ],
    bans: [
      { code: 'intl', name: names('Запрет МН', 'No intl'), bars: ['voice_intl'] },
      { code: 'content', name: names('Запрет контента', 'No content'), bars: ['content'] },
    ],
    tariffs: [
      {
        code: 'online',
        name: names('Онлайн', 'Online'),
        fee,
        fee_period: 'month',
        packages: [{ kind: 'data', gigabytes: 30, renew: 'fee_period' }],
        rates: {
          roaming: { cis: { voice_out_per_min: 1, voice_in_per_min: 1, sms_out: 1, data_per_mb: 1 } },
        },
        price_changes: changes,
      },
      { code: 'old', name: names('Старый', 'Old'), fee: 100_00, fee_period: 'day' },
    ],
    options: [
      { code: 'gb-5', category: 'internet', name: names('5 ГБ', '5 GB'), fee: 100_00, fee_period: 'month' },
      { code: 'horoscope', category: 'content', name: names('Гороскоп', 'Horoscope'), short_number: '5051' },
    ],
  };
  const keep = <T extends { code: string }>(items: T[]) => items.filter((i) => !drop.includes(i.code));
  const text = JSON.stringify(
    { ...doc, bans: keep(doc.bans), tariffs: keep(doc.tariffs), options: keep(doc.options) },
    null,
    2,
  );
  const result = parseCatalogFile(text, 'test.json');
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.catalog;
}

async function snapshot() {
  const db = database.db;
  return {
    tariffs: await db.selectFrom('tariffs').selectAll().orderBy('code').execute(),
    options: await db.selectFrom('options').selectAll().orderBy('code').execute(),
    zones: await db.selectFrom('roaming_zones').selectAll().orderBy('code').execute(),
    bans: await db.selectFrom('service_bans').selectAll().orderBy('code').execute(),
    templates: await db.selectFrom('package_templates').selectAll().orderBy('id').execute(),
    prices: (await sql`SELECT *, xmin::text AS version FROM catalog_price_changes ORDER BY id`.execute(db))
      .rows,
    versions: (await sql`SELECT code, xmin::text AS version FROM tariffs ORDER BY code`.execute(db)).rows,
  };
}

describe('catalog load', () => {
  it('OPS-03 an invalid file is rejected whole: every error printed, the database never opened', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kabinet-catalog-'));
    const path = join(dir, 'bad.json');
    await writeFile(
      path,
      '{\n  "format": "kabinet-catalog/1",\n  "tariffs": [{ "code": "x", "fee": -1 }]\n}\n',
    );
    const lines: string[] = [];
    let opened = false;
    const status = await loadCatalogCommand(
      path,
      {},
      async () => {
        opened = true;
        return { db: database.db, close: async () => {} };
      },
      { out: (l) => lines.push(l), err: (l) => lines.push(l) },
    );
    expect(status).toBe(1);
    expect(opened).toBe(false);
    expect(lines).toEqual([
      `${path}:3:15 tariffs[0].name: is required (an object { … })`,
      `${path}:3:15 tariffs[0].fee_period: must be one of day, month`,
      `${path}:3:37 tariffs[0].fee: must be a non-negative integer of kopecks`,
      `${path}: 3 error(s); nothing was loaded.`,
    ]);
    expect(await database.db.selectFrom('tariffs').select('id').execute()).toEqual([]);
  });

  it('OPS-03 loads everything, then loading the same file again changes nothing', async () => {
    const first = await loadCatalog(database.db, file(), new Date('2026-11-01T00:00:00Z'));
    expect(first.summary.tariffs).toEqual({ total: 2, created: 2, updated: 0, unchanged: 0, archived: 0 });
    expect(first.summary.roamingZones.created).toBe(2);
    expect(first.summary.bans.created).toBe(2);
    expect(first.summary.priceChanges).toEqual({ created: 1, updated: 0, removed: 0 });
    const online = idOf(first.ids.tariffs, 'online');
    const changes = await priceChangesOf(database.db, [online, idOf(first.ids.tariffs, 'old')]);
    expect([...changes]).toEqual([[online, [{ from: '2027-01-01', fee: 600_00n, connectFee: null }]]]);

    const before = await snapshot();
    const again = await loadCatalog(database.db, file(), new Date('2026-11-02T00:00:00Z'));
    expect(unchanged(again.summary)).toBe(true);
    expect(again.ids).toEqual(first.ids);
    // Same row versions too: unchanged rows are not rewritten.
    expect(await snapshot()).toEqual(before);
  });

  it('OPS-03 an item removed from the file is archived, not deleted, and stays archived on reload', async () => {
    const at = new Date('2026-11-03T00:00:00Z');
    const result = await loadCatalog(database.db, file(['old', 'horoscope', 'content']), at);
    expect(result.summary.tariffs).toMatchObject({ total: 1, unchanged: 1, archived: 1 });
    expect(result.summary.options).toMatchObject({ total: 1, archived: 1 });
    expect(result.summary.bans).toMatchObject({ total: 1, archived: 1 });
    const old = await database.db
      .selectFrom('tariffs')
      .select('archived_at')
      .where('code', '=', 'old')
      .executeTakeFirstOrThrow();
    expect(old.archived_at).toEqual(at);
    const later = await loadCatalog(
      database.db,
      file(['old', 'horoscope', 'content']),
      new Date('2026-12-01Z'),
    );
    expect(unchanged(later.summary)).toBe(true);

    // Back in the file: no longer archived.
    const back = await loadCatalog(database.db, file(), new Date('2026-12-02Z'));
    expect(back.summary.tariffs).toMatchObject({ updated: 1, archived: 0 });
    const revived = await database.db
      .selectFrom('tariffs')
      .select('archived_at')
      .where('code', '=', 'old')
      .execute();
    expect(revived).toEqual([{ archived_at: null }]);
  });

  it('OPS-03 a changed fee updates the tariff in place, keeping its id', async () => {
    const before = await database.db
      .selectFrom('tariffs')
      .select(['id', 'fee'])
      .where('code', '=', 'online')
      .execute();
    const result = await loadCatalog(database.db, file([], 590_00));
    expect(result.summary.tariffs).toMatchObject({ updated: 1, unchanged: 1 });
    const after = await database.db
      .selectFrom('tariffs')
      .select(['id', 'fee'])
      .where('code', '=', 'online')
      .execute();
    expect(after).toEqual([{ id: before[0]?.id, fee: 590_00n }]);
  });

  it('OPS-03 price changes follow the file: updated by day, added, removed when gone', async () => {
    const moved = await loadCatalog(
      database.db,
      file([], 590_00, [
        { from: '2027-01-01', fee: 650_00 },
        { from: '2027-06-01', fee: 700_00 },
      ]),
    );
    expect(moved.summary.priceChanges).toEqual({ created: 1, updated: 1, removed: 0 });
    const online = idOf(moved.ids.tariffs, 'online');
    expect((await priceChangesOf(database.db, [online])).get(online)?.map((c) => [c.from, c.fee])).toEqual([
      ['2027-01-01', 650_00n],
      ['2027-06-01', 700_00n],
    ]);
    const cleared = await loadCatalog(database.db, file([], 590_00, []));
    expect(cleared.summary.priceChanges).toEqual({ created: 0, updated: 0, removed: 2 });
    expect(await priceChangesOf(database.db, [online])).toEqual(new Map());
  });
});
