/**
 * Seeds the demo world (DEMO-01): the catalog, ~60 customers with their lines, and months of history — top-ups,
 * fees, content charges, rated calls/SMS/data, buckets, journal and requests — all in one transaction, so a
 * database is either fully seeded or untouched. Deterministic for a given PRNG and `now`; row ids still come
 * from `newId` (random by design), so two seedings agree on everything except ids.
 *
 * Speed: the history is simulated in memory (simulation.ts) and written in multi-row inserts; cached ledger
 * balances are then set from the inserted transfers in one statement (the same result `postTransfer` would
 * give, without ~20 000 round trips). `verifyLedger` proves it.
 */
import { DEFAULT_TIME_ZONE, toWallClock } from '@kabinet/core';
import { type Db, OPERATOR_ACCOUNT_IDS } from '@kabinet/db';
import { sql } from 'kysely';
import { seedDemoBonuses } from '../bonuses/seed-demo-bonuses.ts';
import { loadCatalog } from '../catalog/load-catalog.ts';
import { seedDemoNotifications } from '../notification-centre/seed-demo-notifications.ts';
import { seedNumberPool } from '../onboarding/number-pool.ts';
import { dayGrid, monthsBefore } from './calendar.ts';
import { buildCast } from './cast.ts';
import { castContext } from './cast-kit.ts';
import { DEMO_LOGIN, DEMO_PHONES } from './demo-cast.ts';
import { demoCatalog } from './demo-catalog.ts';
import { productIndex } from './products.ts';
import { mulberry32, type RandomSource, Rng } from './random.ts';
import { type AccountRows, AccountSimulation, type SimWorld } from './simulation.ts';
import { type PaidTopup, storyRows } from './story.ts';
import { planPayments } from './topups.ts';
import { inChunks, insertColumns, writeCast } from './write-cast.ts';

export { DEMO_LOGIN, DEMO_PHONES } from './demo-cast.ts';

export interface SeedOptions {
  /** Customers to create, the five named demo customers included (default 60). */
  subscribers?: number;
  /** Calendar months of history before `now` (default 3). */
  months?: number;
  now?: Date;
  /** The operator's time zone for fees and days (default Europe/Moscow). */
  timeZone?: string;
  /** Source of every random choice (default mulberry32(42)): the same source gives the same world. */
  random?: RandomSource;
  /** Progress within each stage: `catalog`, `subscribers`, `usage`, `writing`, `balances`. */
  onProgress?: (done: number, total: number, stage: string) => void;
}

export interface SeedResult {
  /** E.164; the first is THE demo login. */
  demoPhones: string[];
  /** Totals in the database after seeding. */
  subscribers: number;
  lines: number;
  usageRecords: number;
  payments: number;
}

// Any constant: it serialises concurrent seeders (two servers starting on one empty database).
const SEED_LOCK = 727_042;
const CHUNK = 1000;
const BIG_CHUNK = 10_000;

const TRANSFER_COLUMNS = [
  ['id', 'text'],
  ['debit_account_id', 'text'],
  ['credit_account_id', 'text'],
  ['amount', 'bigint'],
  ['kind', 'text'],
  ['idempotency_key', 'text'],
  ['line_id', 'text'],
  ['description', 'text'],
  ['created_at', 'timestamptz'],
] as const;

const USAGE_COLUMNS = [
  ['id', 'text'],
  ['started_at', 'timestamptz'],
  ['line_id', 'text'],
  ['account_id', 'text'],
  ['kind', 'text'],
  ['other_party', 'text'],
  ['volume', 'bigint'],
  ['roaming_zone', 'text'],
  ['from_package', 'bigint'],
  ['cost', 'bigint'],
  ['balance_after', 'bigint'],
  ['transfer_id', 'text'],
  ['rated_at', 'timestamptz'],
] as const;

/** Appends one by one: spreading a big company's year of usage into push() would overflow the stack. */
function append<T>(target: T[], source: T[]): void {
  for (const item of source) target.push(item);
}

/** True when the demo login exists: the demo world is there (or someone built it by hand). */
export async function isDemoSeeded(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('logins')
    .select('id')
    .where('kind', '=', 'phone')
    .where('identifier', '=', DEMO_LOGIN)
    .executeTakeFirst();
  return row !== undefined;
}

async function summary(db: Db): Promise<SeedResult> {
  const count = async (table: 'customers' | 'lines' | 'usage_records' | 'payments') => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<bigint>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return {
    demoPhones: [...DEMO_PHONES],
    subscribers: await count('customers'),
    lines: await count('lines'),
    usageRecords: await count('usage_records'),
    payments: await count('payments'),
  };
}

/** Seeds the demo world once; on a seeded database it changes nothing and returns the same phones. */
export async function seedDemo(db: Db, options: SeedOptions = {}): Promise<SeedResult> {
  const subscribers = options.subscribers ?? 60;
  const months = options.months ?? 3;
  if (!Number.isInteger(subscribers) || subscribers < 1)
    throw new RangeError('subscribers must be a positive integer');
  if (!Number.isInteger(months) || months < 1) throw new RangeError('months must be a positive integer');
  const now = options.now ?? new Date();
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const rng = new Rng(options.random ?? mulberry32(42));
  const progress = options.onProgress ?? (() => {});

  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
    if (await isDemoSeeded(trx)) return summary(trx);

    progress(0, 1, 'catalog');
    const ledger = OPERATOR_ACCOUNT_IDS;
    const catalog = demoCatalog();
    const products = await productIndex(trx, catalog, (await loadCatalog(trx, catalog, now)).ids);
    // SVC-13: numbers on sale to new subscribers (the +7 958 range, unused by the cast).
    await seedNumberPool(trx);
    progress(1, 1, 'catalog');

    progress(0, 1, 'subscribers');
    const historyStart = monthsBefore(now, months, timeZone);
    const customers = buildCast(castContext(rng, catalog, now, historyStart, timeZone), subscribers);
    await writeCast(trx, customers, products, now, timeZone);
    progress(1, 1, 'subscribers');

    const days = dayGrid(historyStart, now, timeZone);
    const world: SimWorld = {
      now,
      historyStart,
      timeZone,
      days,
      weekdays: days.map((d) => {
        const w = toWallClock(new Date(d + 43_200_000), timeZone);
        return new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
      }),
      products,
      ledger,
    };
    const accounts = customers.flatMap((c) => c.accounts);
    const rows: AccountRows = { transfers: [], payments: [], usage: [], buckets: [] };
    for (const [i, account] of accounts.entries()) {
      const simulation = new AccountSimulation(world, account);
      const measured = simulation.run([], false);
      const payments = planPayments(world, account, measured.charges, account.rng.fork());
      const result = simulation.run(payments, true).rows;
      append(rows.transfers, result.transfers);
      append(rows.payments, result.payments);
      append(rows.usage, result.usage);
      append(rows.buckets, result.buckets);
      progress(i + 1, accounts.length, 'usage');
    }
    const topups: PaidTopup[] = rows.payments.map((p) => ({
      lineId: p.line_id ?? null,
      at: new Date(p.created_at ?? now),
      amount: p.amount,
      source: p.source,
    }));
    const story = storyRows(world, products, customers, topups, rng.fork());

    // A month's partition must exist before its rows arrive, or they land in the default partition for good.
    const monthsTouched = new Set(
      rows.usage.map((u) => {
        const at = new Date(u.started_at);
        return Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1);
      }),
    );
    for (const month of [...monthsTouched].sort()) {
      await sql`SELECT ensure_usage_partition(${new Date(month)})`.execute(trx);
    }

    const total =
      rows.transfers.length +
      rows.payments.length +
      rows.usage.length +
      rows.buckets.length +
      story.requests.length +
      story.requestEvents.length +
      story.journal.length;
    let written = 0;
    const advance = (n: number) => {
      written += n;
      progress(written, total, 'writing');
    };
    await inChunks(
      rows.transfers,
      BIG_CHUNK,
      (c) => insertColumns(trx, 'ledger_transfers', TRANSFER_COLUMNS, c),
      advance,
    );
    await inChunks(rows.payments, CHUNK, (c) => trx.insertInto('payments').values(c).execute(), advance);
    await inChunks(
      rows.usage,
      BIG_CHUNK,
      (c) => insertColumns(trx, 'usage_records', USAGE_COLUMNS, c),
      advance,
    );
    await inChunks(rows.buckets, CHUNK, (c) => trx.insertInto('buckets').values(c).execute(), advance);
    await inChunks(story.requests, CHUNK, (c) => trx.insertInto('requests').values(c).execute(), advance);
    await inChunks(
      story.requestEvents,
      CHUNK,
      (c) => trx.insertInto('request_events').values(c).execute(),
      advance,
    );
    await inChunks(story.journal, CHUNK, (c) => trx.insertInto('journal').values(c).execute(), advance);

    progress(0, 1, 'balances');
    await applyBalances(trx, rows.transfers);
    progress(1, 1, 'balances');
    // NOTIF-03: the demo login's bell shows something from its own history.
    await seedDemoNotifications(trx, { msisdn: DEMO_LOGIN, now });
    await seedDemoBonuses(trx);
    return summary(trx);
  });
}

/**
 * Moves every cached balance by the net of the inserted transfers, in one statement. Relative (`balance +
 * delta`), so operator accounts that already had history keep it; rows are locked in id order like
 * `postTransfer` does, so a concurrent posting cannot deadlock with the seeder.
 */
async function applyBalances(db: Db, transfers: AccountRows['transfers']): Promise<void> {
  const delta = new Map<string, bigint>();
  for (const t of transfers) {
    delta.set(t.credit_account_id, (delta.get(t.credit_account_id) ?? 0n) + t.amount);
    delta.set(t.debit_account_id, (delta.get(t.debit_account_id) ?? 0n) - t.amount);
  }
  const entries = [...delta.entries()]
    .filter(([, d]) => d !== 0n)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return;
  await sql`SELECT id FROM ledger_accounts WHERE id IN (${sql.join(entries.map(([id]) => id))}) ORDER BY id FOR UPDATE`.execute(
    db,
  );
  const values = sql.join(entries.map(([id, d]) => sql`(${id}, ${d.toString()}::bigint)`));
  await sql`UPDATE ledger_accounts AS a SET balance = a.balance + v.delta
    FROM (VALUES ${values}) AS v(id, delta) WHERE a.id = v.id`.execute(db);
}
