/**
 * The reads of one rating batch, each one statement for the whole batch (never one per record): lines by number,
 * tariffs, buckets in the batch's time span, and which records are already stored.
 * Arrays go to PostgreSQL as one array parameter each, unnested on the server.
 */
import type { RatingBucket, RatingPeriod, RatingRates } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';
import { textArray } from './pg-arrays.ts';

export interface BatchLine {
  id: string;
  msisdn: string;
  accountId: string;
  ledgerAccountId: string;
  /** The account's balance when locked. */
  balance: bigint;
  tariffId: string;
  status: string;
}

/**
 * Lines with these numbers, with their account's ledger account and balance, locking those ledger accounts in id
 * order (LockRows runs above the sort, so rows are locked in that order and concurrent batches queue instead of
 * deadlocking). FOR NO KEY UPDATE: see ledger.ts postTransfer for why not FOR UPDATE.
 */
export async function lockLines(db: Db, msisdns: readonly string[]): Promise<Map<string, BatchLine>> {
  const rows = await sql<{
    id: string;
    msisdn: string;
    account_id: string;
    ledger_account_id: string;
    balance: bigint;
    tariff_id: string;
    status: string;
  }>`SELECT l.id, l.msisdn, l.account_id, a.ledger_account_id, la.balance, l.tariff_id, l.status
     FROM lines l JOIN billing_accounts a ON a.id = l.account_id JOIN ledger_accounts la ON la.id = a.ledger_account_id
     WHERE l.msisdn = ANY(${textArray(msisdns)}::text[])
     ORDER BY la.id FOR NO KEY UPDATE OF la`.execute(db);
  return new Map(
    rows.rows.map((r) => [
      r.msisdn,
      {
        id: r.id,
        msisdn: r.msisdn,
        accountId: r.account_id,
        ledgerAccountId: r.ledger_account_id,
        balance: r.balance,
        tariffId: r.tariff_id,
        status: r.status,
      },
    ]),
  );
}

/**
 * `rates` (tariffs.rates JSON, shaped by the catalog loader) of these tariffs: the lines' current ones and those of
 * their periods in the batch (loadServicePeriods, read first), so this is a lookup of a few ids.
 */
export async function loadTariffRates(db: Db, ids: readonly string[]): Promise<Map<string, RatingRates>> {
  if (ids.length === 0) return new Map();
  const rows = await sql<{ id: string; rates: RatingRates }>`
    SELECT id, rates FROM tariffs WHERE id = ANY(${textArray(ids)}::text[])`.execute(db);
  return new Map(rows.rows.map((r) => [r.id, r.rates]));
}

/**
 * The tariff and option periods of these lines that overlap [from, to] (SVC-10 history), by line: only what the
 * batch's records can fall in, read through the (line_id, valid_from) index.
 */
export async function loadServicePeriods(
  db: Db,
  lineIds: readonly string[],
  from: Date,
  to: Date,
): Promise<Map<string, RatingPeriod[]>> {
  const byLine = new Map<string, RatingPeriod[]>();
  if (lineIds.length === 0) return byLine;
  const rows = await sql<{
    line_id: string;
    tariff_id: string | null;
    option_id: string | null;
    from_ms: number;
    to_ms: number | null;
  }>`SELECT line_id, tariff_id, option_id,
       (extract(epoch FROM valid_from) * 1000)::float8 AS from_ms,
       (extract(epoch FROM valid_to) * 1000)::float8 AS to_ms
     FROM line_service_periods
     WHERE line_id = ANY(${textArray(lineIds)}::text[]) AND valid_from <= ${to}
       AND (valid_to IS NULL OR valid_to > ${from})`.execute(db);
  for (const r of rows.rows) {
    const period: RatingPeriod = {
      tariffId: r.tariff_id,
      optionId: r.option_id,
      fromMs: r.from_ms,
      toMs: r.to_ms,
    };
    const list = byLine.get(r.line_id);
    if (list) list.push(period);
    else byLine.set(r.line_id, [period]);
  }
  return byLine;
}

const NO_ZONES: readonly string[] = [];

export interface LoadedBucket extends RatingBucket {
  lineId: string;
}

/**
 * Buckets of these lines whose period overlaps [from, to], with the roaming zones of the option that made them.
 * `left` is total − used as stored now: the caller holds the accounts' locks, so no other rating changes it.
 */
export async function loadBuckets(
  db: Db,
  lineIds: readonly string[],
  from: Date,
  to: Date,
): Promise<LoadedBucket[]> {
  const rows = await sql<{
    id: string;
    line_id: string;
    kind: 'voice' | 'sms' | 'data';
    left: bigint;
    start_ms: number;
    end_ms: number | null;
    from_tariff: boolean;
    option_id: string | null;
    zones: string[] | null;
  }>`SELECT b.id, b.line_id, b.kind, greatest(b.total - b.used, 0) AS left,
       (extract(epoch FROM b.period_start) * 1000)::float8 AS start_ms,
       (extract(epoch FROM b.period_end) * 1000)::float8 AS end_ms,
       p.tariff_id IS NOT NULL AS from_tariff, p.option_id,
       CASE WHEN cardinality(o.roaming_zones) > 0 THEN o.roaming_zones END AS zones
     FROM buckets b
     JOIN package_templates p ON p.id = b.package_template_id
     LEFT JOIN options o ON o.id = p.option_id
     WHERE b.line_id = ANY(${textArray(lineIds)}::text[]) AND b.period_start <= ${to}
       AND (b.period_end IS NULL OR b.period_end > ${from})`.execute(db);
  return rows.rows.map((r) => ({
    id: r.id,
    lineId: r.line_id,
    kind: r.kind,
    left: r.left,
    periodStart: new Date(r.start_ms),
    periodEnd: r.end_ms === null ? null : new Date(r.end_ms),
    origin: r.from_tariff ? 'tariff' : 'option',
    zones: r.zones ?? NO_ZONES,
    optionId: r.option_id,
  }));
}

/** Keys (`id|epoch ms`) of these records that are already stored. Run under the accounts' locks. */
export async function storedKeys(
  db: Db,
  ids: readonly string[],
  startedAt: readonly string[],
  from: Date,
  to: Date,
): Promise<Set<string>> {
  const rows = await sql<{ id: string; started_at: Date }>`
    SELECT u.id, u.started_at FROM usage_records u
    JOIN unnest(${textArray(ids)}::text[], ${textArray(startedAt)}::timestamptz[]) AS k(id, started_at)
      ON u.id = k.id AND u.started_at = k.started_at
    WHERE u.started_at BETWEEN ${from} AND ${to}`.execute(db);
  return new Set(rows.rows.map((r) => `${r.id}|${r.started_at.getTime()}`));
}
