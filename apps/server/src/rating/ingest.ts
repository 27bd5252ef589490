/**
 * RATE-01 contract shared by every ingestion path (HTTP batch, CSV import, NATS consumer, the virtual phone's
 * "generate usage" buttons, the simulator). Owned by the rating capability; the signature is agreed with its
 * callers, so change it only together with them.
 */
import type { Db } from '@kabinet/db';
import { applyBalanceRules } from '../charging/balance-rules.ts';
import { ingestBatch } from './ingest-batch.ts';

export type UsageKind = 'voice_out' | 'voice_in' | 'sms_out' | 'sms_in' | 'mms_out' | 'mms_in' | 'data';

/** One network record as mediation sends it, before rating. */
export interface UsageInput {
  /** The network's unique record id: ingesting the same id twice changes nothing. */
  recordId: string;
  /** The line's number, E.164 (`+79161234567`). An unknown number is rejected, never invented. */
  msisdn: string;
  startedAt: Date;
  kind: UsageKind;
  otherParty?: string | undefined;
  /** Voice: seconds. */
  durationSec?: number | undefined;
  /** Data: bytes. */
  bytes?: number | undefined;
  /** Roaming zone code from the catalog; absent at home. */
  zone?: string | undefined;
}

export interface RejectedRecord {
  /** Position in the batch (0-based) or the file's line number, as the caller numbers them. */
  index: number;
  recordId?: string | undefined;
  reason: string;
}

export interface IngestSummary {
  accepted: number;
  duplicated: number;
  rejected: RejectedRecord[];
}

export interface IngestOptions {
  /** Rating time (for `rated_at`); tests pass their clock. */
  now?: () => Date;
  /** Numbering of `rejected[].index`: the first record's index (e.g. a CSV file's line number). */
  firstIndex?: number;
}

/**
 * Records rated in one transaction. Bucket and balance updates are per line per batch, so a batch much larger than
 * the number of lines it touches amortises them (decisions/0013); 50,000 keeps a batch's memory and lock time small.
 */
export const INGEST_BATCH_SIZE = 50_000;

/**
 * Rates and persists a batch exactly once per record id: the line's tariff and the packages in effect at the record's
 * time first (decisions/0012), then prices; ledger transfer, buckets and the rated record in one transaction per
 * batch of INGEST_BATCH_SIZE (ingest-batch.ts). After commit, the
 * balance rules (charging/balance-rules.ts) run for the accounts whose balance the batches moved (decisions/0027).
 */
export async function ingestUsage(
  db: Db,
  records: readonly UsageInput[],
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const now = options.now ?? (() => new Date());
  const first = options.firstIndex ?? 0;
  const summary: IngestSummary = { accepted: 0, duplicated: 0, rejected: [] };
  const charged = new Set<string>();
  for (let start = 0; start < records.length; start += INGEST_BATCH_SIZE) {
    const part = records.slice(start, start + INGEST_BATCH_SIZE);
    const result = await ingestBatch(db, part, first + start, now());
    summary.accepted += result.accepted;
    summary.duplicated += result.duplicated;
    summary.rejected.push(...result.rejected);
    for (const id of result.accounts) charged.add(id);
  }
  if (charged.size > 0) await applyBalanceRules(db, [...charged].sort(), now());
  return summary;
}
