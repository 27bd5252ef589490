/**
 * Retention of the tables that only grow (docs/jobs.md "Retention"): at most once an hour per database, whatever
 * the number of workers (the first to claim the hour in `job_runs` runs it), the rows whose purpose has passed are
 * removed, and transfers whose SMS code expired unconfirmed are closed as failed. Nothing here touches money: the
 * ledger, payments, the journal and rated usage are kept for ever (append-only, or the law's retention).
 */
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';
import type { MoneyJobDeps } from '../money-jobs/money-job.ts';

const DAY_MS = 86_400_000;

/** How long each kind of row is kept after it was written (or its message reached a final state). */
export const RETENTION = {
  /** A client may retry a charging request with the same key for a day (the API's promise); a week is kept. */
  idempotencyKeysDays: 7,
  /** Acquirers redeliver webhooks for up to a few days; the dedup window is a month. */
  webhookEventsDays: 30,
  /** SMS and email delivered or failed (with their parts, receipts and attachments): three months for support. */
  finishedMessagesDays: 90,
  /** The job runs at most this often. */
  everyMs: 3_600_000,
} as const;

export interface RetentionSummary {
  idempotencyKeys: number;
  webhookEvents: number;
  messages: number;
  expiredTransfers: number;
}

/** Claims this hour's run: true for one caller per `RETENTION.everyMs`, whichever worker comes first. */
async function claimRun(db: Db, now: Date): Promise<boolean> {
  const due = new Date(now.getTime() - RETENTION.everyMs);
  const { rows } = await sql<{ job: string }>`
    INSERT INTO job_runs AS r (job, last_started_at, runs) VALUES ('retention', ${now}, 1)
    ON CONFLICT (job) DO UPDATE SET last_started_at = excluded.last_started_at, runs = r.runs + 1
      WHERE r.last_started_at IS NULL OR r.last_started_at <= ${due}
    RETURNING job`.execute(db);
  return rows.length > 0;
}

export async function runRetention(db: Db, now: Date): Promise<RetentionSummary | null> {
  if (!(await claimRun(db, now))) return null;
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const idempotencyKeys = await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', before(RETENTION.idempotencyKeysDays))
    .executeTakeFirst();
  const webhookEvents = await db
    .deleteFrom('acquirer_webhook_events')
    .where('received_at', '<', before(RETENTION.webhookEventsDays))
    .executeTakeFirst();
  // Parts, receipts and attachments go with their message (ON DELETE CASCADE). The statuses are literals, not
  // parameters, so that the partial indexes of migration 0021 match in every plan.
  const messages = await db
    .deleteFrom('outbox')
    .where(sql<boolean>`status IN ('delivered', 'failed')`)
    .where('created_at', '<', before(RETENTION.finishedMessagesDays))
    .executeTakeFirst();
  // PAY-06: a code nobody entered in time fails the transfer (confirming it would fail anyway): the list shows
  // it as failed instead of waiting for a code for ever.
  const expiredTransfers = await db
    .updateTable('mobile_transfers')
    .set({ status: 'failed' })
    .where(sql<boolean>`status = 'awaiting_code'`)
    .where('code_expires_at', '<=', now)
    .executeTakeFirst();
  await sql`UPDATE job_runs SET last_finished_at = now(), last_error = NULL WHERE job = 'retention'`.execute(
    db,
  );
  return {
    idempotencyKeys: Number(idempotencyKeys.numDeletedRows),
    webhookEvents: Number(webhookEvents.numDeletedRows),
    messages: Number(messages.numDeletedRows),
    expiredTransfers: Number(expiredTransfers.numUpdatedRows),
  };
}

/** The retention as one job of the periodic pass (money-jobs/run-money-jobs.ts): how many rows it handled. */
export async function retentionJob(deps: MoneyJobDeps): Promise<number> {
  const summary = await runRetention(deps.db, deps.now);
  return summary ? Object.values(summary).reduce((a, b) => a + b, 0) : 0;
}
