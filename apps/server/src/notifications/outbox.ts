import { randomUUID } from 'node:crypto';
import { DeliveryError } from '@kabinet/channels';
import { newId } from '@kabinet/core';
import type { Database, Db } from '@kabinet/db';
import type { FastifyBaseLogger } from 'fastify';
import { type Insertable, sql } from 'kysely';
import { DeliveryWriter, type SendOutcome } from './delivery-writer.ts';
import type { EmailPayload } from './email-payload.ts';
import type { Channel, OutgoingMessage, Transport } from './transport.ts';

export interface EnqueueInput {
  channel: Channel;
  recipient: string;
  sender: string;
  body: string;
  /** What the message is about (`auth.code`, `payment.receipt` …), for delivery reports. */
  kind: string;
  /** Holds a secret (a code): its body is never logged. */
  sensitive?: boolean;
  /** Email only: subject and HTML alternative (the plain text is `body`). */
  email?: { subject: string; html?: string };
  /** Email only: files stored with the message and attached when it is sent. */
  attachments?: Array<{ filename: string; contentType: string; content: Buffer }>;
}

/** Writes a message to the outbox, in the caller's transaction, so it is sent if and only if the cause commits. */
export async function enqueueMessage(trx: Db, input: EnqueueInput): Promise<string> {
  const id = newId('message');
  const { attachments } = input;
  const attachmentIds = (attachments ?? []).map(() => newId('message'));
  await trx
    .insertInto('outbox')
    .values(outboxRow(id, input, attachmentIds))
    .execute();
  if (attachments && attachments.length > 0) {
    await trx
      .insertInto('outbox_attachments')
      .values(
        attachments.map((a, i) => ({
          id: attachmentIds[i] as string,
          message_id: id,
          filename: a.filename,
          content_type: a.contentType,
          content: a.content,
        })),
      )
      .execute();
  }
  return id;
}

/**
 * The outbox row of message `id` (for writing it in one statement with others); its attachments, if any, are the
 * caller's to write under `attachmentIds`.
 */
export function outboxRow(
  id: string,
  input: EnqueueInput,
  attachmentIds: readonly string[] = [],
): Insertable<Database['outbox']> {
  const { email, attachments: _attachments, ...row } = input;
  if (input.channel === 'email' && !email) throw new Error('an email needs a subject');
  const payload: EmailPayload | Record<string, never> = email
    ? { subject: email.subject, ...(email.html ? { html: email.html } : {}), attachments: [...attachmentIds] }
    : {};
  return { id, ...row, sensitive: input.sensitive ?? false, payload: JSON.stringify(payload) };
}

export interface DispatcherOptions {
  /** How often to look for due messages and expired leases (default 2 s). */
  pollMs?: number;
  /** How long a claimed message is held before another worker may take it over (default 60 s). */
  leaseMs?: number;
  /** Messages being sent at once by this worker (default 100); the SMPP window bounds the wire separately. */
  maxInFlight?: number;
  /** Retry backoff: base · 2^(attempt−1), ±20 % jitter, capped (defaults 1 s and 10 min). */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Attempts before a message is marked failed (default 10). */
  maxAttempts?: number;
}

interface ClaimedRow {
  id: string;
  channel: Channel;
  recipient: string;
  sender: string;
  body: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  uncertain_sends: number;
}

/**
 * NOTIF-02: delivers outbox messages through the transports, at least once and re-sent at most once when the
 * outcome of a send is unknown (docs/decisions/0016). A worker claims due rows with `FOR UPDATE SKIP LOCKED` and
 * marks them `sending` under a lease in one short transaction, sends outside any transaction (up to
 * `maxInFlight` at once), renews the leases of what it is still sending, and writes outcomes in batches. A worker
 * that dies leaves `sending` rows whose lease expires: the next pass (of any worker) re-queues them once; a second
 * loss marks them failed instead of risking a third copy.
 */
export class OutboxDispatcher {
  /** Identifies this worker's leases (one per process and dispatcher). */
  readonly workerId = `w_${randomUUID()}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private followUp: Promise<void> | undefined;
  private stopped = false;
  private readonly writer: DeliveryWriter;
  private readonly opts: Required<DispatcherOptions>;
  private readonly unsubscribe: Array<() => void> = [];

  constructor(
    private readonly db: Db,
    private readonly transports: Partial<Record<Channel, Transport>>,
    private readonly log: FastifyBaseLogger,
    options: number | DispatcherOptions = {},
  ) {
    const o = typeof options === 'number' ? { pollMs: options } : options;
    this.opts = {
      pollMs: o.pollMs ?? 2000,
      leaseMs: o.leaseMs ?? 60_000,
      maxInFlight: o.maxInFlight ?? 100,
      backoffBaseMs: o.backoffBaseMs ?? 1000,
      backoffMaxMs: o.backoffMaxMs ?? 600_000,
      maxAttempts: o.maxAttempts ?? 10,
    };
    this.writer = new DeliveryWriter(db, this.workerId, log);
    for (const transport of new Set(Object.values(this.transports))) {
      const off = transport.onReceipt?.((receipt) => this.writer.receipt(receipt));
      if (off) this.unsubscribe.push(off);
    }
  }

  /** Starts polling and connects transports that hold a link (SMPP binds, so incoming SMS can arrive). */
  start(): void {
    this.stopped = false;
    for (const transport of new Set(Object.values(this.transports))) transport.start?.();
    this.timer = setInterval(() => void this.kick(), this.opts.pollMs);
    this.timer.unref();
  }

  /**
   * Runs a delivery pass now and resolves when it has ended (sends done, outcomes written). Trap: a pass already
   * under way may have read the outbox before the caller's message was committed, so a caller arriving mid-pass
   * waits for one more pass after it (shared by everyone who arrived meanwhile), not for the pass that may have
   * missed its message.
   */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.followUp ??= this.running.then(() => {
        this.followUp = undefined;
        return this.kick();
      });
      return this.followUp;
    }
    this.running = this.drain()
      .catch((err: unknown) => this.log.error({ err }, 'outbox pass failed'))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  /** Stops polling, finishes the pass under way, writes pending outcomes and closes the transports. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    // A follow-up pass may start while we wait for the current one: wait until neither is left.
    while (this.running || this.followUp) await (this.followUp ?? this.running);
    await this.writer.stop();
    for (const off of this.unsubscribe.splice(0)) off();
    for (const transport of new Set(Object.values(this.transports))) await transport.stop?.();
  }

  private get channels(): Channel[] {
    return Object.keys(this.transports) as Channel[];
  }

  private async drain(): Promise<void> {
    if (this.channels.length === 0) return;
    await this.recoverExpiredLeases();
    const inFlight = new Set<Promise<void>>();
    const sending = new Set<string>();
    const max = this.opts.maxInFlight;
    // A live worker renews its leases: only a dead (or frozen) one lets them expire.
    const heartbeat = setInterval(() => void this.renewLeases([...sending]), this.opts.leaseMs / 3);
    try {
      for (;;) {
        // Claim in batches: only when at least half the slots are free (or nothing is in flight).
        const room = max - inFlight.size;
        const batch = room >= max / 2 || inFlight.size === 0 ? await this.claim(room) : [];
        for (const row of batch) {
          sending.add(row.id);
          const p: Promise<void> = this.deliver(row).finally(() => {
            inFlight.delete(p);
            sending.delete(row.id);
          });
          inFlight.add(p);
        }
        if (batch.length === 0 && inFlight.size === 0) break;
        if (batch.length < room || inFlight.size >= max / 2) await Promise.race(inFlight);
      }
    } finally {
      clearInterval(heartbeat);
    }
    await this.writer.flush();
  }

  private async renewLeases(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    try {
      await this.db
        .updateTable('outbox')
        .set({ lease_until: sql<Date>`now() + make_interval(secs => ${this.opts.leaseMs / 1000})` })
        .where('id', 'in', ids)
        .where('status', '=', 'sending')
        .where('lease_owner', '=', this.workerId)
        .execute();
    } catch (err) {
      this.log.error({ err }, 'outbox: renewing leases failed');
    }
  }

  /** Re-queues (once) or fails messages whose worker's lease ran out: that worker died or hung mid-send. */
  private async recoverExpiredLeases(): Promise<void> {
    const recovered = await sql<{ id: string; status: string }>`
      UPDATE outbox SET
        status = CASE WHEN uncertain_sends >= 1 THEN 'failed' ELSE 'queued' END,
        last_error = CASE WHEN uncertain_sends >= 1
          THEN 'outcome unknown twice (worker lost): not re-sent again, to avoid duplicates'
          ELSE 'worker lost mid-send: re-sending once' END,
        uncertain_sends = uncertain_sends + 1,
        next_attempt_at = now(), lease_owner = NULL, lease_until = NULL
      WHERE status = 'sending' AND lease_until < now() AND channel = ANY(${this.channels}::text[])
      RETURNING id, status`.execute(this.db);
    for (const row of recovered.rows) {
      this.log.warn({ messageId: row.id, status: row.status }, 'outbox: lease expired, message recovered');
    }
  }

  private async claim(limit: number): Promise<ClaimedRow[]> {
    const result = await sql<ClaimedRow>`
      WITH due AS (
        SELECT id FROM outbox
        WHERE status = 'queued' AND next_attempt_at <= now() AND channel = ANY(${this.channels}::text[])
        ORDER BY next_attempt_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      UPDATE outbox o SET status = 'sending', attempts = o.attempts + 1, lease_owner = ${this.workerId},
        lease_until = now() + make_interval(secs => ${this.opts.leaseMs / 1000})
      FROM due WHERE o.id = due.id
      RETURNING o.id, o.channel, o.recipient, o.sender, o.body, o.kind, o.payload, o.attempts, o.uncertain_sends`.execute(
      this.db,
    );
    return result.rows;
  }

  private async deliver(row: ClaimedRow): Promise<void> {
    const transport = this.transports[row.channel] as Transport;
    const message: OutgoingMessage = {
      id: row.id,
      channel: row.channel,
      recipient: row.recipient,
      sender: row.sender,
      body: row.body,
      payload: row.payload,
    };
    try {
      const result = await transport.send(message);
      this.writer.push({
        kind: 'sent',
        id: row.id,
        at: new Date(),
        final: (result?.state ?? 'delivered') === 'delivered',
        providerIds: result?.providerIds ?? [],
      });
    } catch (err) {
      const outcome = this.failure(row, err);
      this.log.warn(
        {
          messageId: row.id,
          kind: row.kind,
          attempts: row.attempts,
          transport: transport.name,
          outcome: outcome.kind,
          err: outcome.error,
        },
        'message delivery failed',
      );
      this.writer.push(outcome);
    }
  }

  /** What a failed send means for the message: retry later, or give up. */
  private failure(row: ClaimedRow, err: unknown): Exclude<SendOutcome, { kind: 'sent' }> {
    const kind = err instanceof DeliveryError ? err.kind : 'transient';
    const error = String((err as Error)?.message ?? err);
    if (kind === 'permanent') return { kind: 'failed', id: row.id, error, uncertain: false };
    if (kind === 'unknown' && row.uncertain_sends >= 1) {
      return {
        kind: 'failed',
        id: row.id,
        error: `outcome unknown twice: not re-sent again (${error})`,
        uncertain: true,
      };
    }
    if (row.attempts >= this.opts.maxAttempts) {
      return {
        kind: 'failed',
        id: row.id,
        error: `gave up after ${row.attempts} attempts: ${error}`,
        uncertain: kind === 'unknown',
      };
    }
    return {
      kind: 'retry',
      id: row.id,
      error,
      delayMs: this.backoff(row.attempts),
      uncertain: kind === 'unknown',
    };
  }

  private backoff(attempts: number): number {
    const base = Math.min(this.opts.backoffMaxMs, this.opts.backoffBaseMs * 2 ** Math.max(0, attempts - 1));
    return Math.round(base * (0.8 + Math.random() * 0.4));
  }
}
