/**
 * Rates a batch in memory with the pure rules (core/rating): records of each account in time order, each line's
 * buckets drawn down as it goes, a running balance for `balance_after`, and per account one charge that the
 * account's records reference. No I/O: the caller loaded everything and writes the result.
 */
import {
  bucketsAt,
  newId,
  type RatingPeriod,
  type RatingRates,
  type RatingServices,
  rateRecord,
  servicesAt,
} from '@kabinet/core';
import type { BatchLine, LoadedBucket } from './batch-queries.ts';
import type { AccountCharge, RatedRow } from './batch-writes.ts';
import type { RejectedRecord } from './ingest.ts';
import type { CheckedUsage } from './validate-usage.ts';

export interface BatchInput {
  /** Each record with its line (and the line's account balance when locked). */
  records: readonly { usage: CheckedUsage; line: BatchLine }[];
  rates: ReadonlyMap<string, RatingRates>;
  /** Loaded for this batch only: rating draws them down in place. */
  buckets: readonly LoadedBucket[];
  /** Tariff and option periods by line, overlapping the batch (core/rating/history.ts); absent: current state. */
  periods?: ReadonlyMap<string, readonly RatingPeriod[]>;
  now: Date;
}

export interface BatchResult {
  rows: RatedRow[];
  charges: AccountCharge[];
  takes: Map<string, bigint>;
  rejected: RejectedRecord[];
}

const REASONS: Record<string, string> = {
  not_priced: 'not_priced: the line’s tariff has no price for this kind of usage',
  zone_not_priced: 'zone_not_priced: the line’s tariff has no prices for this roaming zone',
  bad_volume: 'bad_volume: the volume does not fit the kind of usage',
};

type Item = BatchInput['records'][number];

/** Oldest first; a record id breaks ties so that two runs of the same input agree on `balance_after`. */
function byTime(a: Item, b: Item): number {
  const d = a.usage.at - b.usage.at;
  if (d !== 0) return d;
  return a.usage.input.recordId < b.usage.input.recordId ? -1 : 1;
}

/** What a line had over [fromMs, toMs): the same for every record of the line in that span. */
interface LineServices {
  fromMs: number;
  toMs: number;
  services: RatingServices;
  buckets: readonly LoadedBucket[];
}

/**
 * servicesAt and bucketsAt for a record at `t`, reusing the previous record's answer when no period of the line
 * starts or ends between the two (a line's records are rated in time order, and most lines change nothing for
 * weeks): the span from the last boundary at or before `t` to the next one after it has one answer.
 */
function lineServicesAt(
  history: readonly RatingPeriod[],
  previous: LineServices | undefined,
  t: number,
  at: Date,
  tariffId: string,
  buckets: readonly LoadedBucket[],
): LineServices {
  if (previous && previous.fromMs <= t && t < previous.toMs) return previous;
  let fromMs = Number.NEGATIVE_INFINITY;
  let toMs = Number.POSITIVE_INFINITY;
  for (const p of history) {
    for (const edge of [p.fromMs, p.toMs]) {
      if (edge === null) continue;
      if (edge <= t) fromMs = Math.max(fromMs, edge);
      else toMs = Math.min(toMs, edge);
    }
  }
  const services = servicesAt(history, at, tariffId);
  return { fromMs, toMs, services, buckets: bucketsAt(buckets, services) };
}

/** Rates every record of the batch; rejected ones are left out of rows, charges and takes. */
export function rateBatch(input: BatchInput): BatchResult {
  const bucketsByLine = new Map<string, LoadedBucket[]>();
  const bucketById = new Map<string, LoadedBucket>();
  for (const b of input.buckets) {
    bucketById.set(b.id, b);
    const list = bucketsByLine.get(b.lineId);
    if (list) list.push(b);
    else bucketsByLine.set(b.lineId, [b]);
  }
  const byAccount = new Map<string, Item[]>();
  for (const item of input.records) {
    const list = byAccount.get(item.line.accountId);
    if (list) list.push(item);
    else byAccount.set(item.line.accountId, [item]);
  }
  const result: BatchResult = { rows: [], charges: [], takes: new Map(), rejected: [] };
  // Transfer ids: one random id per batch, a counter per account (thousands of CSPRNG calls per batch otherwise).
  const transferBase = newId('transfer', input.now);
  const noBuckets: LoadedBucket[] = [];
  const spans = new Map<string, LineServices>();
  for (const items of byAccount.values()) {
    if (items.length > 1) items.sort(byTime);
    const first = items[0] as Item;
    let balance = first.line.balance;
    let charge: AccountCharge | null = null;
    const charged: RatedRow[] = [];
    for (const { usage, line } of items) {
      const u = usage.input;
      // The tariff and options the line had when the record happened (decisions/0012), not today's.
      const lineBuckets = bucketsByLine.get(line.id) ?? noBuckets;
      const history = input.periods?.get(line.id);
      let span: LineServices | undefined;
      if (history) {
        span = lineServicesAt(history, spans.get(line.id), usage.at, u.startedAt, line.tariffId, lineBuckets);
        spans.set(line.id, span);
      }
      const outcome = rateRecord(
        { kind: u.kind, at: u.startedAt, volume: usage.volume, otherParty: u.otherParty, zone: u.zone },
        input.rates.get(span?.services.tariffId ?? line.tariffId) ?? {},
        span?.buckets ?? lineBuckets,
      );
      if (!outcome.ok) {
        result.rejected.push({
          index: usage.index,
          recordId: u.recordId,
          reason: REASONS[outcome.reason] ?? outcome.reason,
        });
        continue;
      }
      for (const take of outcome.takes) {
        const bucket = bucketById.get(take.bucketId);
        if (bucket) bucket.left -= take.amount;
        result.takes.set(take.bucketId, (result.takes.get(take.bucketId) ?? 0n) + take.amount);
      }
      balance -= outcome.cost;
      const row: RatedRow = {
        id: u.recordId,
        startedAt: u.startedAt,
        lineId: line.id,
        accountId: line.accountId,
        kind: u.kind,
        otherParty: u.otherParty ?? null,
        volume: usage.volume,
        zone: u.zone ?? null,
        fromPackage: outcome.fromPackage,
        cost: outcome.cost,
        balanceAfter: balance,
        transferId: null,
      };
      result.rows.push(row);
      if (outcome.cost > 0n) {
        if (!charge) {
          charge = {
            transferId: `${transferBase}${result.charges.length.toString(36)}`,
            accountId: line.accountId,
            ledgerAccountId: line.ledgerAccountId,
            lineId: line.id,
            amount: 0n,
            records: 0,
          };
          result.charges.push(charge);
        }
        charge.amount += outcome.cost;
        charge.records += 1;
        // One transfer per account and batch: it names a line only when all its records are of that line.
        if (charge.lineId !== line.id) charge.lineId = null;
        charged.push(row);
      }
    }
    if (charge) for (const row of charged) row.transferId = charge.transferId;
  }
  return result;
}
