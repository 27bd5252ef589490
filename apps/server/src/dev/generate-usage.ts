import { randomInt, randomUUID } from 'node:crypto';
import type { Db } from '@kabinet/db';
import { AppError } from '../http/problem.ts';
import { ingestUsage, type UsageInput } from '../rating/ingest.ts';

export type GeneratedUsage = 'call' | 'sms' | 'data';

/** A plausible record for the virtual phone's buttons: a 1–5 minute call, one SMS, or 5–50 MB of data. */
export function makeUsageRecord(msisdn: string, kind: GeneratedUsage, now: Date): UsageInput {
  const base = { recordId: `vp-${randomUUID()}`, msisdn, startedAt: now };
  const otherParty = `+7916${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
  if (kind === 'call') return { ...base, kind: 'voice_out', otherParty, durationSec: randomInt(60, 301) };
  if (kind === 'sms') return { ...base, kind: 'sms_out', otherParty };
  return { ...base, kind: 'data', bytes: randomInt(5, 51) * 1024 * 1024 };
}

/**
 * DEMO-02: the virtual phone makes a call, sends an SMS or uses data — through `ingestUsage` (RATE-01), the same
 * path the network's records take, so the charge, the packages and the balance move exactly as they would. A
 * failure of the rating engine is reported as a clear 503 `rating_failed` rather than a generic error.
 */
export async function generateUsage(db: Db, input: { msisdn: string; kind: GeneratedUsage; now: Date }) {
  const record = makeUsageRecord(input.msisdn, input.kind, input.now);
  let summary: Awaited<ReturnType<typeof ingestUsage>>;
  try {
    summary = await ingestUsage(db, [record], { now: () => input.now });
  } catch (err) {
    throw new AppError(
      503,
      'rating_failed',
      `The rating engine could not take the record: ${(err as Error).message}`,
    );
  }
  const rejected = summary.rejected[0];
  if (rejected) throw new AppError(409, 'usage_rejected', `The record was rejected: ${rejected.reason}`);
  const rated = await db
    .selectFrom('usage_records')
    .select(['cost', 'from_package', 'balance_after', 'volume'])
    .where('id', '=', record.recordId)
    .executeTakeFirst();
  return {
    recordId: record.recordId,
    kind: record.kind,
    durationSec: record.durationSec ?? null,
    bytes: record.bytes ?? null,
    cost: rated ? Number(rated.cost) : null,
    fromPackage: rated ? Number(rated.from_package) : null,
    balanceAfter: rated?.balance_after == null ? null : Number(rated.balance_after),
  };
}
