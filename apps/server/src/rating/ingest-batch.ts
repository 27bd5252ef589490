/**
 * One rating batch, all or nothing: check shapes, then in one transaction find the lines and lock their accounts
 * (in id order), rate in memory and write records, buckets, transfers and balances together.
 *
 * Exactly once: the first attempt assumes the records are new (the usual case, and it saves a lookup per record)
 * and writes them by COPY, which has no ON CONFLICT (decisions/0027). If any is already stored, the primary key
 * refuses the COPY, the whole transaction rolls back, and the batch is retried with an explicit lookup of stored
 * records under the accounts' locks: duplicates are then counted and skipped, so nothing is charged twice.
 * Deadlocks and serialization failures retry the same way.
 */
import type { Db } from '@kabinet/db';
import { OPERATOR_ACCOUNT_IDS } from '@kabinet/db';
import {
  type BatchLine,
  loadBuckets,
  loadServicePeriods,
  loadTariffRates,
  lockLines,
  storedKeys,
} from './batch-queries.ts';
import { consumeBuckets, insertRatedRecords, postUsageTransfers } from './batch-writes.ts';
import type { RejectedRecord, UsageInput } from './ingest.ts';
import { ensurePartitions } from './partitions.ts';
import { rateBatch } from './rate-batch.ts';
import { type CheckedUsage, checkUsage } from './validate-usage.ts';

export interface BatchOutcome {
  accepted: number;
  duplicated: number;
  rejected: RejectedRecord[];
  /**
   * Billing accounts whose balance moved (charged by this batch). Accounts whose records all came out of packages
   * are not listed: the balance rules decide on a balance, and theirs did not change (an ended grace is the periodic
   * job's sweep, as for every other caller of the rules).
   */
  accounts: string[];
}

// Unique violation (a record already stored), serialization failure, deadlock.
const RETRYABLE = new Set(['23505', '40001', '40P01']);
const MAX_ATTEMPTS = 5;

const keyOf = (u: UsageInput) => `${u.recordId}|${u.startedAt.getTime()}`;

/**
 * Shape checks and duplicates inside the batch itself. A record is the same when its id and start time are (the
 * primary key): ids are looked up first and a key string is built only for an id seen twice, which is rare.
 */
function checkAll(records: readonly UsageInput[], firstIndex: number, now: Date) {
  const rejected: RejectedRecord[] = [];
  const checked: CheckedUsage[] = [];
  const firstTime = new Map<string, number>();
  let repeated: Set<string> | null = null;
  let duplicated = 0;
  for (let i = 0; i < records.length; i++) {
    const input = records[i] as UsageInput;
    const index = firstIndex + i;
    const c = checkUsage(input, index, now);
    if (typeof c === 'string') {
      rejected.push({
        index,
        recordId: typeof input.recordId === 'string' ? input.recordId : undefined,
        reason: c,
      });
      continue;
    }
    const t = input.startedAt.getTime();
    const first = firstTime.get(input.recordId);
    if (first === undefined) firstTime.set(input.recordId, t);
    else if (first === t) {
      duplicated += 1;
      continue;
    } else {
      // The same id at another time is another record, unless that pair was seen too.
      repeated ??= new Set();
      const key = keyOf(input);
      if (repeated.has(key)) {
        duplicated += 1;
        continue;
      }
      repeated.add(key);
    }
    checked.push(c);
  }
  return { rejected, checked, duplicated };
}

/** Rates and stores `records` (numbered from `firstIndex`) in one transaction. */
export async function ingestBatch(
  db: Db,
  records: readonly UsageInput[],
  firstIndex: number,
  now: Date,
): Promise<BatchOutcome> {
  const { rejected, checked, duplicated } = checkAll(records, firstIndex, now);
  if (checked.length === 0) return { accepted: 0, duplicated, rejected, accounts: [] };
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const c of checked) {
    const t = c.input.startedAt.getTime();
    if (t < from) from = t;
    if (t > to) to = t;
  }
  await ensurePartitions(db, from, to);
  const revenueId = OPERATOR_ACCOUNT_IDS.revenueUsage;
  const msisdns = [...new Set(checked.map((c) => c.input.msisdn))];

  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(async (trx) => {
        const lines = await lockLines(trx, msisdns);
        const refused = [...rejected];
        let known: { usage: CheckedUsage; line: BatchLine }[] = [];
        for (const usage of checked) {
          const line = lines.get(usage.input.msisdn);
          if (!line) {
            refused.push({
              index: usage.index,
              recordId: usage.input.recordId,
              reason: 'unknown_number: no line has this number',
            });
          } else if (line.status === 'closed') {
            refused.push({
              index: usage.index,
              recordId: usage.input.recordId,
              reason: 'line_closed: the line is closed',
            });
          } else known.push({ usage, line });
        }
        let stored = 0;
        if (attempt > 1 && known.length > 0) {
          const keys = await storedKeys(
            trx,
            known.map((k) => k.usage.input.recordId),
            known.map((k) => k.usage.input.startedAt.toISOString()),
            new Date(from),
            new Date(to),
          );
          stored = keys.size;
          if (stored > 0) known = known.filter((k) => !keys.has(keyOf(k.usage.input)));
        }
        const lineIds = [...new Set(known.map((k) => k.line.id))];
        const span = [new Date(from), new Date(to)] as const;
        const [buckets, periods] = await Promise.all([
          loadBuckets(trx, lineIds, ...span),
          loadServicePeriods(trx, lineIds, ...span),
        ]);
        // The tariffs to price with: the lines' current ones and those of their periods in the span.
        const tariffIds = new Set(known.map((k) => k.line.tariffId));
        for (const list of periods.values()) for (const p of list) if (p.tariffId) tariffIds.add(p.tariffId);
        const rates = await loadTariffRates(trx, [...tariffIds]);
        const rated = rateBatch({ records: known, rates, buckets, periods, now });
        await insertRatedRecords(trx, rated.rows, now);
        await consumeBuckets(trx, rated.takes);
        await postUsageTransfers(trx, rated.charges, revenueId, now);
        return {
          accepted: rated.rows.length,
          duplicated: duplicated + stored,
          rejected: [...refused, ...rated.rejected].sort((a, b) => a.index - b.index),
          accounts: rated.charges.map((c) => c.accountId),
        };
      });
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (typeof code !== 'string' || !RETRYABLE.has(code) || attempt >= MAX_ATTEMPTS) throw err;
    }
  }
}
