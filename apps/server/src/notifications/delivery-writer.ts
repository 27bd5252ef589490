import type { DeliveryReceipt } from '@kabinet/channels';
import type { Db } from '@kabinet/db';
import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';

/** The outcome of one send, to be written to the outbox row the worker holds. */
export type SendOutcome =
  | { kind: 'sent'; id: string; at: Date; final: boolean; providerIds: string[] }
  | { kind: 'retry'; id: string; error: string; delayMs: number; uncertain: boolean }
  | { kind: 'failed'; id: string; error: string; uncertain: boolean };

interface PendingReceipt extends DeliveryReceipt {
  /** A receipt may overtake the write of its submit result: unmatched ones are tried again until this time. */
  until: number;
}

/** What a sensitive message's body becomes once it is sent or given up. */
export const REDACTED = '[sensitive: removed after sending]';

const FAILED_STATES = new Set(['expired', 'deleted', 'undeliverable', 'rejected', 'unknown']);

/**
 * Writes send outcomes and delivery receipts in batches (a few statements per batch, whatever its size), so the
 * dispatcher's throughput is not bound by one UPDATE per message. Only rows still leased by this worker are
 * updated: if the lease expired and another worker took the message over, this worker's late result is dropped.
 */
export class DeliveryWriter {
  private outcomes: SendOutcome[] = [];
  private receipts: PendingReceipt[] = [];
  private chain: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly workerId: string,
    private readonly log: FastifyBaseLogger,
    private readonly delayMs = 25,
  ) {}

  push(outcome: SendOutcome): void {
    this.outcomes.push(outcome);
    this.schedule(this.delayMs);
  }

  receipt(receipt: DeliveryReceipt): void {
    this.receipts.push({ ...receipt, until: Date.now() + 60_000 });
    this.schedule(this.delayMs);
  }

  /** Writes everything queued so far; resolves when it is in the database. */
  flush(): Promise<void> {
    this.chain = this.chain.then(() => this.write());
    return this.chain;
  }

  stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    return this.flush();
  }

  private schedule(ms: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, ms);
    this.timer.unref();
  }

  private async write(): Promise<void> {
    const outcomes = this.outcomes.splice(0);
    const receipts = this.receipts.splice(0);
    if (outcomes.length === 0 && receipts.length === 0) return;
    try {
      await this.writeOutcomes(outcomes);
    } catch (err) {
      // The rows stay 'sending' under our lease; put the outcomes back and try again shortly.
      this.log.error({ err }, 'outbox: writing send outcomes failed');
      this.outcomes.unshift(...outcomes);
      this.receipts.unshift(...receipts);
      this.schedule(1000);
      return;
    }
    try {
      const unmatched = await this.writeReceipts(receipts);
      const now = Date.now();
      const retry = unmatched.filter((r) => r.until > now);
      if (retry.length > 0) {
        this.receipts.push(...retry);
        this.schedule(200);
      }
    } catch (err) {
      this.log.error({ err }, 'outbox: writing delivery receipts failed');
      this.receipts.push(...receipts);
      this.schedule(1000);
    }
  }

  private async writeOutcomes(outcomes: SendOutcome[]): Promise<void> {
    const sent = outcomes.filter((o): o is Extract<SendOutcome, { kind: 'sent' }> => o.kind === 'sent');
    if (sent.length > 0) {
      await sql`
        UPDATE outbox o SET
          status = CASE WHEN r.final THEN 'delivered' ELSE 'submitted' END,
          submitted_at = r.at, sent_at = r.at,
          delivered_at = CASE WHEN r.final THEN r.at END,
          lease_owner = NULL, lease_until = NULL,
          -- A secret (a one-time code) is not kept once it has left: the outbox is not a second copy of the codes.
          body = CASE WHEN o.sensitive THEN ${REDACTED} ELSE o.body END
        FROM unnest(${sent.map((s) => s.id)}::text[], ${sent.map((s) => s.at.toISOString())}::timestamptz[],
                    ${sent.map((s) => s.final)}::bool[]) AS r(id, at, final)
        WHERE o.id = r.id AND o.status = 'sending' AND o.lease_owner = ${this.workerId}`.execute(this.db);
      const parts = sent.flatMap((s) =>
        s.providerIds.map((providerId, i) => ({ id: s.id, part: i + 1, providerId })),
      );
      if (parts.length > 0) {
        await sql`
          INSERT INTO outbox_parts (message_id, part, provider_id)
          SELECT * FROM unnest(${parts.map((p) => p.id)}::text[], ${parts.map((p) => p.part)}::int[],
                               ${parts.map((p) => p.providerId)}::text[])
          ON CONFLICT (message_id, part) DO UPDATE
            SET provider_id = excluded.provider_id, state = 'submitted', error = NULL, updated_at = now()`.execute(
          this.db,
        );
      }
    }
    for (const o of outcomes) {
      if (o.kind === 'sent') continue;
      await this.db
        .updateTable('outbox')
        .set({
          status: o.kind === 'failed' ? 'failed' : 'queued',
          ...(o.kind === 'failed'
            ? { body: sql<string>`CASE WHEN sensitive THEN ${REDACTED} ELSE body END` }
            : {}),
          last_error: o.error.slice(0, 500),
          lease_owner: null,
          lease_until: null,
          uncertain_sends: o.uncertain ? sql<number>`uncertain_sends + 1` : sql<number>`uncertain_sends`,
          next_attempt_at:
            o.kind === 'retry'
              ? sql<Date>`now() + make_interval(secs => ${o.delayMs / 1000})`
              : sql<Date>`now()`,
        })
        .where('id', '=', o.id)
        .where('status', '=', 'sending')
        .where('lease_owner', '=', this.workerId)
        .execute();
    }
  }

  /** Applies receipts to parts, then settles messages whose parts are all final; returns unmatched receipts. */
  private async writeReceipts(receipts: PendingReceipt[]): Promise<PendingReceipt[]> {
    if (receipts.length === 0) return [];
    const matched = await sql<{ provider_id: string; message_id: string }>`
      UPDATE outbox_parts p SET state = r.state, error = r.error, updated_at = now()
      FROM unnest(${receipts.map((r) => r.messageId)}::text[], ${receipts.map((r) => r.state)}::text[],
                  ${receipts.map((r) => r.error ?? null)}::text[]) AS r(provider_id, state, error)
      WHERE p.provider_id = r.provider_id
      RETURNING p.provider_id, p.message_id`.execute(this.db);
    const found = new Set(matched.rows.map((r) => r.provider_id));
    const messageIds = [...new Set(matched.rows.map((r) => r.message_id))];
    if (messageIds.length > 0) {
      await sql`
        UPDATE outbox o SET
          status = s.status,
          delivered_at = CASE WHEN s.status = 'delivered' THEN now() END,
          last_error = CASE WHEN s.status = 'failed' THEN 'receipt: ' || s.failed_state ELSE o.last_error END
        FROM (
          SELECT message_id,
                 CASE WHEN bool_and(state = 'delivered') THEN 'delivered'
                      WHEN bool_or(state = ANY(${[...FAILED_STATES]}::text[])) THEN 'failed' END AS status,
                 min(state) FILTER (WHERE state = ANY(${[...FAILED_STATES]}::text[])) AS failed_state
          FROM outbox_parts WHERE message_id = ANY(${messageIds}::text[]) GROUP BY message_id
        ) s
        WHERE o.id = s.message_id AND s.status IS NOT NULL AND o.status = 'submitted'`.execute(this.db);
    }
    return receipts.filter((r) => !found.has(r.messageId));
  }
}
