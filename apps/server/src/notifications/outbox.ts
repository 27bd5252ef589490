import { newId } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import type { Transport } from './transport.ts';

export interface EnqueueInput {
  channel: 'sms' | 'email' | 'flash';
  recipient: string;
  sender: string;
  body: string;
  /** What the message is about (`auth.code`, `payment.receipt` …), for delivery reports. */
  kind: string;
  /** Holds a secret (a code): its body is never logged. */
  sensitive?: boolean;
}

/** Writes a message to the outbox, in the caller's transaction, so it is sent if and only if the cause commits. */
export async function enqueueMessage(trx: Db, input: EnqueueInput): Promise<string> {
  const id = newId('message');
  await trx
    .insertInto('outbox')
    .values({ id, ...input, sensitive: input.sensitive ?? false })
    .execute();
  return id;
}

const MAX_ATTEMPTS = 8;

/**
 * Delivers pending outbox messages through the transports. Rows are claimed with SKIP LOCKED, so several server
 * processes can run dispatchers side by side; a failed send is retried with exponential backoff, and a message
 * is never lost while its transport is down.
 */
export class OutboxDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private followUp: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    private readonly transports: Partial<Record<EnqueueInput['channel'], Transport>>,
    private readonly log: FastifyBaseLogger,
    private readonly pollMs = 2000,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.kick(), this.pollMs);
    this.timer.unref();
  }

  /**
   * Runs a delivery pass now and resolves when it has ended. Trap: a pass already under way may have read the
   * outbox before the caller's message was committed, so a caller arriving mid-pass waits for one more pass after
   * it (shared by everyone who arrived meanwhile), not for the pass that may have missed its message.
   */
  kick(): Promise<void> {
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

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await this.followUp;
  }

  private async drain(): Promise<void> {
    for (;;) {
      const sent = await this.db.transaction().execute(async (trx) => {
        const batch = await trx
          .selectFrom('outbox')
          .select(['id', 'channel', 'recipient', 'sender', 'body', 'kind', 'attempts'])
          .where('status', '=', 'pending')
          .where('next_attempt_at', '<=', new Date())
          .where('channel', 'in', Object.keys(this.transports) as EnqueueInput['channel'][])
          .orderBy('next_attempt_at')
          .limit(20)
          .forUpdate()
          .skipLocked()
          .execute();
        for (const message of batch) {
          const transport = this.transports[message.channel];
          if (!transport) continue;
          try {
            await transport.send(message);
            await trx
              .updateTable('outbox')
              .set({ status: 'sent', sent_at: new Date(), attempts: message.attempts + 1 })
              .where('id', '=', message.id)
              .execute();
          } catch (err) {
            const attempts = message.attempts + 1;
            this.log.warn(
              { messageId: message.id, kind: message.kind, attempts, err },
              'message delivery failed',
            );
            await trx
              .updateTable('outbox')
              .set({
                attempts,
                last_error: String((err as Error).message ?? err).slice(0, 500),
                status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
                next_attempt_at: sql`now() + make_interval(secs => ${2 ** attempts})`,
              })
              .where('id', '=', message.id)
              .execute();
          }
        }
        return batch.length;
      });
      if (sent < 20) return;
    }
  }
}
