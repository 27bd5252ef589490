/**
 * `npm run bench:rating` (issue 5): 1,000,000 synthetic usage records for 10,000 lines rated and persisted through
 * the real ingestion path (ingestUsage) into a scratch PostgreSQL database, and the rating repeated with a skewed
 * load (1% of the lines get 30% of the records), the two interleaved chunk by chunk and timed apart; then the
 * uniform load's rated rows bulk-COPYed (binary, as rating writes them) into a scratch table of the same shape
 * (columns and indexes) as the database's raw write speed. Prints `name: value` lines.
 * Targets: rated_per_s ≥ 60000, ratio ≥ 0.3, skewed_ratio ≥ 0.8, peak_rss_mb < 500.
 *
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) names the server; a database
 * `kabinet_bench_rating_<pid>` is created there and dropped at the end (kept with BENCH_KEEP=1). BENCH_RECORDS /
 * BENCH_LINES shrink the run; BENCH_LANES (workers, default 2) and BENCH_CHUNK (records generated at a time and split
 * between the workers, default 40,000) tune it. Seconds per load, Node CPU and RSS go to stderr.
 */
import { connect, type Db, migrate, OPERATOR_ACCOUNT_IDS, verifyLedger, withDatabase } from '@kabinet/db';
import { sql } from 'kysely';
import pg from 'pg';
import { BinaryCopyWriter } from '../src/rating/copy-binary.ts';
import { ingestUsage, type UsageInput } from '../src/rating/ingest.ts';
import { copyFrom } from '../src/rating/pg-copy.ts';
import { syntheticBatches } from '../src/rating/synthetic-usage.ts';

const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const LINES = Number(process.env.BENCH_LINES ?? 10_000);
const CHUNK = Number(process.env.BENCH_CHUNK ?? 40_000);
const LANES = Number(process.env.BENCH_LANES ?? 2);
const DAY = 86_400_000;

const name = `kabinet_bench_rating_${process.pid}`;
const url = withDatabase(SERVER, name);
const admin = new pg.Client({ connectionString: SERVER });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const log = (line: string) => process.stderr.write(`${line}\n`);

try {
  await migrate(url);
  const handle = connect(url, { max: LANES + 2 });
  const { db, pool } = handle;
  try {
    const now = new Date();
    const msisdns = await seed(db, now);
    const window = { from: new Date(now.getTime() - 20 * DAY), spanMs: 19 * DAY };

    const { uniform, skewed } = await rateBoth(db, msisdns, { ...window, now });
    log(
      `uniform: ${RECORDS} records in ${uniform.toFixed(1)} s; skewed: ${RECORDS} records in ${skewed.toFixed(1)} s`,
    );
    const copySeconds = await copyBaseline(db, pool);
    log(`copy: ${RECORDS} rows in ${copySeconds.toFixed(1)} s`);

    const books = await verifyLedger(db);
    if (books.mismatches.length > 0 || books.total !== 0n)
      throw new Error('ledger does not verify after the run');
    const ratedPerS = RECORDS / uniform;
    const copyPerS = RECORDS / copySeconds;
    const skewedPerS = RECORDS / skewed;
    console.log(`rated_per_s: ${Math.round(ratedPerS)}`);
    console.log(`copy_per_s: ${Math.round(copyPerS)}`);
    console.log(`ratio: ${(ratedPerS / copyPerS).toFixed(2)}`);
    console.log(`skewed_ratio: ${(skewedPerS / ratedPerS).toFixed(2)}`);
    console.log(`peak_rss_mb: ${Math.round(process.resourceUsage().maxRSS / 1024)}`);
  } finally {
    await handle.close();
  }
} finally {
  if (!process.env.BENCH_KEEP) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

/** 10,000 prepaid lines on one tariff with packages, each topped up by a real transfer. */
async function seed(db: Db, now: Date): Promise<string[]> {
  const ops = OPERATOR_ACCOUNT_IDS;
  const rates = {
    voice_out_per_min: 290,
    voice_intl_per_min: 3500,
    sms_out: 250,
    sms_intl: 900,
    data_per_mb: 900,
    data_increment_kb: 100,
  };
  await sql`INSERT INTO tariffs (id, code, name_ru, name_en, fee, fee_period, rates)
    VALUES ('trf_bench', 'bench', 'Бенч', 'Bench', 45000, 'month', ${JSON.stringify(rates)}::jsonb)`.execute(
    db,
  );
  await sql`INSERT INTO package_templates (id, tariff_id, kind, amount, renew, name_ru, name_en) VALUES
    ('pkg_bench_voice', 'trf_bench', 'voice', 30000, 'fee_period', 'Минуты', 'Minutes'),
    ('pkg_bench_sms', 'trf_bench', 'sms', 100, 'fee_period', 'SMS', 'SMS'),
    ('pkg_bench_data', 'trf_bench', 'data', 21474836480, 'fee_period', 'Интернет', 'Internet')`.execute(db);
  const n = LINES;
  await sql`INSERT INTO customers (id, kind, display_name)
    SELECT 'cus_b' || g, 'person', 'Bench ' || g FROM generate_series(1, ${n}::int) g`.execute(db);
  await sql`INSERT INTO ledger_accounts (id, code, kind, name)
    SELECT 'la_b' || g, 'subscriber:acc_b' || g, 'subscriber', 'Bench ' || g FROM generate_series(1, ${n}::int) g`.execute(
    db,
  );
  await sql`INSERT INTO billing_accounts (id, customer_id, number, payment_type, ledger_account_id)
    SELECT 'acc_b' || g, 'cus_b' || g, 'B' || g, 'prepaid', 'la_b' || g FROM generate_series(1, ${n}::int) g`.execute(
    db,
  );
  await sql`INSERT INTO lines (id, account_id, kind, msisdn, tariff_id)
    SELECT 'line_b' || g, 'acc_b' || g, 'mobile', '+7900' || lpad(g::text, 7, '0'), 'trf_bench'
    FROM generate_series(1, ${n}::int) g`.execute(db);
  await sql`INSERT INTO buckets (id, line_id, package_template_id, kind, total, period_start, period_end)
    SELECT 'bkt_b' || g || '_' || p.kind, 'line_b' || g, p.id, p.kind, p.amount, ${new Date(now.getTime() - 25 * DAY)}::timestamptz,
      ${new Date(now.getTime() + 5 * DAY)}::timestamptz
    FROM generate_series(1, ${n}::int) g CROSS JOIN package_templates p WHERE p.tariff_id = 'trf_bench'`.execute(
    db,
  );
  // 1,000,000 ₽ each: the balance stays positive, so the balance rules take their fast path.
  const topup = 100_000_000n;
  await sql`INSERT INTO ledger_transfers (id, debit_account_id, credit_account_id, amount, kind)
    SELECT 'tr_b' || g, ${ops.cash}, 'la_b' || g, ${topup.toString()}::int8, 'topup' FROM generate_series(1, ${n}::int) g`.execute(
    db,
  );
  await sql`UPDATE ledger_accounts SET balance = ${topup.toString()}::int8 WHERE id ~ '^la_b[0-9]+$'`.execute(
    db,
  );
  await sql`UPDATE ledger_accounts SET balance = balance - ${(topup * BigInt(n)).toString()}::int8 WHERE id = ${ops.cash}`.execute(
    db,
  );
  // SVC-10 history as every line has it (the migration backfills it): its tariff since activation. Rating reads
  // the periods overlapping each batch and picks the tariff and options per record (decisions/0012).
  await sql`INSERT INTO line_service_periods (line_id, tariff_id, valid_from)
    SELECT 'line_b' || g, 'trf_bench', ${new Date(now.getTime() - 60 * DAY)}::timestamptz
    FROM generate_series(1, ${n}::int) g`.execute(db);
  await sql`ANALYZE`.execute(db);
  return Array.from({ length: n }, (_, i) => `+7900${String(i + 1).padStart(7, '0')}`);
}

/**
 * Rates the uniform and the skewed load through ingestUsage, chunk by chunk in alternation (uniform first in even
 * chunks, skewed first in odd ones), timing each load separately: on a machine shared with other work, the two then
 * meet the same background load, and their ratio measures the skew rather than the neighbours. LANES concurrent
 * workers; records are routed to a worker by number (as a stream partitioned by subscriber would), so two workers
 * never wait for each other's account locks.
 */
async function rateBoth(
  db: Db,
  msisdns: string[],
  o: { from: Date; spanMs: number; now: Date },
): Promise<{ uniform: number; skewed: number }> {
  const lane = new Map(msisdns.map((m, i) => [m, i % LANES]));
  log(`  rss before: ${Math.round(process.memoryUsage().rss / 1_048_576)} MB`);
  const loads = [
    {
      name: 'uniform' as const,
      seconds: 0,
      done: 0,
      chunks: syntheticBatches({ ...o, msisdns, count: RECORDS, batchSize: CHUNK, seed: 1, idPrefix: 'u' }),
    },
    {
      name: 'skewed' as const,
      seconds: 0,
      done: 0,
      chunks: syntheticBatches({
        ...o,
        msisdns,
        count: RECORDS,
        batchSize: CHUNK,
        seed: 2,
        idPrefix: 's',
        hotShare: 0.3,
      }),
    },
  ];
  const cpu = process.cpuUsage();
  for (let chunk = 0; ; chunk++) {
    let more = false;
    for (const load of chunk % 2 === 0 ? loads : [...loads].reverse()) {
      const next = load.chunks.next();
      if (next.done) continue;
      more = true;
      const parts: UsageInput[][] = Array.from({ length: LANES }, () => []);
      for (const r of next.value) parts[lane.get(r.msisdn) ?? 0]?.push(r);
      const started = performance.now();
      const results = await Promise.all(parts.map((p) => ingestUsage(db, p, { now: () => o.now })));
      load.seconds += (performance.now() - started) / 1000;
      for (const r of results) {
        if (r.rejected.length > 0) throw new Error(`rejected: ${JSON.stringify(r.rejected[0])}`);
        load.done += r.accepted;
      }
    }
    if (!more) break;
  }
  for (const load of loads)
    if (load.done !== RECORDS) throw new Error(`${load.name}: accepted ${load.done} of ${RECORDS}`);
  const used = process.cpuUsage(cpu);
  log(
    `  node cpu (both loads): ${((used.user + used.system) / 1e6).toFixed(1)} s, peak rss so far ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
  );
  return { uniform: loads[0]?.seconds ?? 0, skewed: loads[1]?.seconds ?? 0 };
}

/** COPYs the uniform load's rated rows into a table of the same shape; returns the seconds spent formatting and copying. */
async function copyBaseline(db: Db, pool: pg.Pool): Promise<number> {
  await sql`CREATE TABLE bench_copy (LIKE usage_records INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
    PARTITION BY RANGE (started_at)`.execute(db);
  await sql`ALTER TABLE bench_copy ADD PRIMARY KEY (id, started_at)`.execute(db);
  await sql`CREATE INDEX bench_copy_line_time ON bench_copy (line_id, started_at)`.execute(db);
  await sql`CREATE TABLE bench_copy_default PARTITION OF bench_copy DEFAULT`.execute(db);
  const parts = await sql<{ bounds: string; name: string }>`
    SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bounds FROM pg_inherits i
    JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'usage_records'::regclass
      AND c.relname <> 'usage_records_default'`.execute(db);
  for (const p of parts.rows) {
    await sql.raw(`CREATE TABLE bench_${p.name} PARTITION OF bench_copy ${p.bounds}`).execute(db);
  }
  const columns =
    'id, started_at, line_id, account_id, kind, other_party, volume, roaming_zone, from_package, cost, balance_after, transfer_id, rated_at';
  const client = await pool.connect();
  let seconds = 0;
  try {
    let after: { id: string; at: Date } | null = null;
    for (;;) {
      const page: pg.QueryResult<Record<string, string | Date | null>> = await client.query<
        Record<string, string | Date | null>
      >({
        // The uniform load's rows (ids `u…`); the skewed load's (`s…`) share the table.
        text: `SELECT ${columns} FROM usage_records WHERE left(id, 1) = 'u' ${after ? 'AND (id, started_at) > ($1, $2)' : ''}
          ORDER BY id, started_at LIMIT 20000`,
        values: after ? [after.id, after.at] : [],
        types: {
          getTypeParser: (oid: number) => (oid === 1184 ? (v: string) => new Date(v) : (v: string) => v),
        } as pg.CustomTypesConfig,
      });
      if (page.rows.length === 0) break;
      const t0 = performance.now();
      // The same binary COPY format as rating writes its records in (decisions/0027), so the baseline is the raw
      // speed of the fastest write rating could use, not of a slower text format.
      const out = new BinaryCopyWriter();
      const int8 = (v: string | Date | null | undefined) => BigInt(v as string);
      const text = (v: string | Date | null | undefined) => (v === null ? null : (v as string));
      for (const r of page.rows) {
        out.row(13);
        out.text(text(r.id));
        out.timestamptz(r.started_at as Date);
        out.text(text(r.line_id));
        out.text(text(r.account_id));
        out.text(text(r.kind));
        out.text(text(r.other_party));
        out.int8(int8(r.volume));
        out.text(text(r.roaming_zone));
        out.int8(int8(r.from_package));
        out.int8(int8(r.cost));
        if (r.balance_after === null) out.text(null);
        else out.int8(int8(r.balance_after));
        out.text(text(r.transfer_id));
        out.timestamptz(r.rated_at as Date);
      }
      await copyFrom(client, `bench_copy (${columns}) FROM STDIN (FORMAT binary)`, out.finish());
      seconds += (performance.now() - t0) / 1000;
      const last: Record<string, string | Date | null> | undefined = page.rows[page.rows.length - 1];
      after = { id: String(last?.id), at: last?.started_at as Date };
    }
  } finally {
    client.release();
  }
  return seconds;
}
