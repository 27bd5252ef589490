import { type DbHandle, verifyLedger } from '@kabinet/db';
import { type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../catalog/load-catalog.ts';
import { unchanged } from '../catalog/load-summary.ts';
import { createTestDatabase } from '../test/harness.ts';
import { demoCatalog } from './demo-catalog.ts';
import { mulberry32 } from './random.ts';
import { DEMO_LOGIN, isDemoSeeded, type SeedResult, seedDemo } from './seed-demo.ts';

// A frozen clock: the history ends here, three months back is mid-December.
const NOW = new Date('2026-03-15T09:30:00Z');

const drops: Array<() => Promise<void>> = [];
let db: DbHandle['db'];
let seeded: SeedResult;

/** A fresh database cloned from the run's migrated template (see test/harness.ts). */
async function freshDatabase(): Promise<Pick<DbHandle, 'db'>> {
  const created = await createTestDatabase();
  drops.push(created.drop);
  return created;
}

beforeAll(async () => {
  db = (await freshDatabase()).db;
  // The defaults, as `npm start` seeds them.
  seeded = await seedDemo(db, { now: NOW });
}, 120_000);

afterAll(async () => {
  for (const drop of drops) await drop();
});

/** Runs a `SELECT count(*) AS n …`. */
async function count(query: RawBuilder<unknown>): Promise<number> {
  const { rows } = await query.execute(db);
  return Number((rows[0] as { n: bigint } | undefined)?.n ?? 0n);
}

async function balanceOf(msisdn: string): Promise<{ balance: bigint; status: string }> {
  return db
    .selectFrom('lines')
    .innerJoin('billing_accounts', 'billing_accounts.id', 'lines.account_id')
    .innerJoin('ledger_accounts', 'ledger_accounts.id', 'billing_accounts.ledger_account_id')
    .select(['ledger_accounts.balance', 'lines.status'])
    .where('lines.msisdn', '=', msisdn)
    .executeTakeFirstOrThrow();
}

describe('demo seed', () => {
  it('DEMO-01 seeds a realistic catalog and subscribers with three months of usage', async () => {
    const publicTariffs = await count(sql`SELECT count(*) AS n FROM tariffs
      WHERE is_public AND archived_at IS NULL AND line_kind = 'mobile'`);
    expect(publicTariffs).toBeGreaterThanOrEqual(5);
    expect(
      await count(sql`SELECT count(*) AS n FROM tariffs WHERE line_kind = 'home_internet'`),
    ).toBeGreaterThanOrEqual(1);
    expect(
      await count(sql`SELECT count(*) AS n FROM tariffs WHERE archived_at IS NOT NULL`),
    ).toBeGreaterThanOrEqual(1);

    const categories = await db
      .selectFrom('options')
      .select(['category', (eb) => eb.fn.countAll<bigint>().as('n')])
      .groupBy('category')
      .execute();
    const byCategory = Object.fromEntries(categories.map((c) => [c.category, Number(c.n)]));
    for (const category of ['internet', 'calls', 'roaming', 'messages', 'extra']) {
      expect(byCategory[category], category).toBeGreaterThanOrEqual(3);
    }
    expect(categories.reduce((sum, c) => sum + Number(c.n), 0)).toBeGreaterThanOrEqual(20);
    expect(byCategory.content).toBeGreaterThanOrEqual(4);
    expect(
      await count(sql`SELECT count(*) AS n FROM options WHERE category = 'content' AND short_number IS NULL`),
    ).toBe(0);

    expect(seeded.subscribers).toBeGreaterThanOrEqual(50);
    expect(
      await count(sql`SELECT count(*) AS n FROM customers WHERE kind = 'company' AND inn ~ '^\\d{10}$'`),
    ).toBeGreaterThanOrEqual(1);
    expect(await count(sql`SELECT count(*) AS n FROM logins WHERE kind = 'contract'`)).toBeGreaterThanOrEqual(
      1,
    );
    expect(await count(sql`SELECT count(*) AS n FROM lines WHERE kind = 'mobile' AND msisdn IS NULL`)).toBe(
      0,
    );

    const months =
      await count(sql`SELECT count(DISTINCT date_trunc('month', started_at AT TIME ZONE 'Europe/Moscow')) AS n
      FROM usage_records`);
    expect(months).toBeGreaterThanOrEqual(3);
    expect(seeded.usageRecords).toBeGreaterThan(10_000);
    expect(await count(sql`SELECT count(*) AS n FROM usage_records WHERE started_at > ${NOW}`)).toBe(0);
    // Every month got its own partition: nothing was left in the catch-all one.
    expect(await count(sql`SELECT count(*) AS n FROM usage_records_default`)).toBe(0);

    expect(seeded.payments).toBeGreaterThan(0);
    expect(
      await count(sql`SELECT count(*) AS n FROM payments WHERE status <> 'succeeded' OR transfer_id IS NULL`),
    ).toBe(0);
  });

  it('DEMO-01 the demo login has two lines with packages, options and a content subscription', async () => {
    expect(seeded.demoPhones[0]).toBe(DEMO_LOGIN);
    expect(seeded.demoPhones.length).toBeGreaterThanOrEqual(3);
    const login = await db
      .selectFrom('logins')
      .selectAll()
      .where('kind', '=', 'phone')
      .where('identifier', '=', DEMO_LOGIN)
      .executeTakeFirstOrThrow();
    expect(login.display_name).toBe('Анна Смирнова');
    const lines = await db
      .selectFrom('grants')
      .innerJoin('lines', 'lines.id', 'grants.line_id')
      .select(['lines.id', 'lines.msisdn', 'grants.role'])
      .where('grants.login_id', '=', login.id)
      .execute();
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.every((l) => l.role === 'owner')).toBe(true);
    const buckets = await db
      .selectFrom('buckets')
      .selectAll()
      .where(
        'line_id',
        'in',
        lines.map((l) => l.id),
      )
      .execute();
    expect(new Set(buckets.map((b) => b.line_id)).size).toBe(lines.length);
    expect(new Set(buckets.map((b) => b.kind))).toEqual(new Set(['voice', 'sms', 'data']));
    for (const b of buckets) expect(b.used).toBeLessThanOrEqual(b.total);

    const main = lines.find((l) => l.msisdn === DEMO_LOGIN);
    const options = await db
      .selectFrom('line_options')
      .innerJoin('options', 'options.id', 'line_options.option_id')
      .select(['options.category'])
      .where('line_options.line_id', '=', main?.id ?? '')
      .execute();
    expect(options.filter((o) => o.category !== 'content').length).toBeGreaterThanOrEqual(2);
    expect(options.filter((o) => o.category === 'content').length).toBe(1);

    const anna = await balanceOf(DEMO_LOGIN);
    expect(anna.balance).toBeGreaterThanOrEqual(350_00n);
    expect(anna.balance).toBeLessThanOrEqual(600_00n);
    const [, negative, blocked] = seeded.demoPhones;
    expect((await balanceOf(negative ?? '')).balance).toBeLessThan(0n);
    expect((await balanceOf(blocked ?? '')).status).toBe('blocked');
    // A couple of ordinary prepaid subscribers ran out of money too.
    expect(
      await count(sql`SELECT count(*) AS n FROM billing_accounts b JOIN ledger_accounts a ON a.id = b.ledger_account_id
        WHERE b.payment_type = 'prepaid' AND a.balance < 0`),
    ).toBeGreaterThanOrEqual(2);
  });

  it('DEMO-01 bucket usage matches the usage records of the current period', async () => {
    const mismatches = await sql<{ line_id: string; kind: string; used: bigint; from_usage: bigint }>`
      WITH single AS (
        SELECT line_id, kind FROM buckets GROUP BY line_id, kind HAVING count(*) = 1
      )
      SELECT b.line_id, b.kind, b.used,
        COALESCE((SELECT sum(u.from_package) FROM usage_records u
          WHERE u.line_id = b.line_id AND u.roaming_zone IS NULL
            AND u.kind = CASE b.kind WHEN 'voice' THEN 'voice_out' WHEN 'sms' THEN 'sms_out' ELSE 'data' END
            AND u.started_at >= b.period_start AND (b.period_end IS NULL OR u.started_at < b.period_end)), 0)::bigint AS from_usage
      FROM buckets b JOIN single s ON s.line_id = b.line_id AND s.kind = b.kind`.execute(db);
    expect(mismatches.rows.length).toBeGreaterThan(100);
    expect(mismatches.rows.filter((r) => r.used !== r.from_usage)).toEqual([]);
    expect(await count(sql`SELECT count(*) AS n FROM buckets WHERE used > total`)).toBe(0);
    expect(
      await count(sql`SELECT count(*) AS n FROM lines l WHERE l.kind = 'mobile'
        AND EXISTS (SELECT 1 FROM package_templates p WHERE p.tariff_id = l.tariff_id)
        AND NOT EXISTS (SELECT 1 FROM buckets b WHERE b.line_id = l.id)`),
    ).toBe(0);
  });

  it('RATE-05 demo ledger balances: every cached balance equals its transfers', async () => {
    const ledger = await verifyLedger(db);
    expect(ledger.mismatches).toEqual([]);
    expect(ledger.total).toBe(0n);
    // Each charged record is charged by exactly its own transfer; free records by none.
    expect(
      await count(sql`SELECT count(*) AS n FROM usage_records u LEFT JOIN ledger_transfers t ON t.id = u.transfer_id
        WHERE (u.cost > 0) <> (t.id IS NOT NULL) OR t.amount <> u.cost OR u.from_package > u.volume`),
    ).toBe(0);
    expect(
      await count(sql`SELECT count(*) AS n FROM payments p JOIN ledger_transfers t ON t.id = p.transfer_id
        WHERE t.amount <> p.amount OR t.kind <> 'topup'`),
    ).toBe(0);
  });

  it('DEMO-01 seeding twice changes nothing', async () => {
    const tables = [
      'customers',
      'lines',
      'usage_records',
      'ledger_transfers',
      'payments',
      'buckets',
      'journal',
    ] as const;
    const snapshot = async () => {
      const out: Record<string, number> = {};
      for (const t of tables) out[t] = await count(sql`SELECT count(*) AS n FROM ${sql.table(t)}`);
      return out;
    };
    const before = await snapshot();
    expect(await isDemoSeeded(db)).toBe(true);
    const again = await seedDemo(db, { now: NOW });
    expect(again).toEqual(seeded);
    expect(await snapshot()).toEqual(before);
  });

  it('OPS-03 loading the catalog again keeps its ids and packages', async () => {
    const templates = await count(sql`SELECT count(*) AS n FROM package_templates`);
    const before = await db.selectFrom('tariffs').select(['id', 'code']).orderBy('code').execute();
    const { ids, summary } = await loadCatalog(db, demoCatalog());
    expect(Object.fromEntries(before.map((t) => [t.code, t.id]))).toEqual(ids.tariffs);
    expect(unchanged(summary)).toBe(true);
    expect(await count(sql`SELECT count(*) AS n FROM package_templates`)).toBe(templates);
  });

  it('DEMO-01 the same random source gives the same world', async () => {
    const fingerprint = async (handle: Pick<DbHandle, 'db'>) => {
      await seedDemo(handle.db, { now: NOW, subscribers: 8, months: 1, random: mulberry32(7) });
      const { rows } = await sql<{ msisdn: string | null; balance: bigint; records: bigint }>`
        SELECT l.msisdn, a.balance, (SELECT count(*) FROM usage_records u WHERE u.line_id = l.id) AS records
        FROM lines l JOIN billing_accounts b ON b.id = l.account_id JOIN ledger_accounts a ON a.id = b.ledger_account_id
        ORDER BY l.msisdn, a.balance`.execute(handle.db);
      return rows;
    };
    const first = await fingerprint(await freshDatabase());
    const second = await fingerprint(await freshDatabase());
    expect(first.length).toBeGreaterThan(5);
    expect(second).toEqual(first);
  }, 60_000);
});
