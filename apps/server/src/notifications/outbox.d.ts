import type { Db } from '@kabinet/db';
import type { FastifyBaseLogger } from 'fastify';
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
export declare function enqueueMessage(trx: Db, input: EnqueueInput): Promise<string>;
/**
 * Delivers pending outbox messages through the transports. Rows are claimed with SKIP LOCKED, so several server
 * processes can run dispatchers side by side; a failed send is retried with exponential backoff, and a message
 * is never lost while its transport is down.
 */
export declare class OutboxDispatcher {
  private readonly db;
  private readonly transports;
  private readonly log;
  private readonly pollMs;
  private timer;
  private running;
  private again;
  constructor(
    db: Db,
    transports: Partial<Record<EnqueueInput['channel'], Transport>>,
    log: FastifyBaseLogger,
    pollMs?: number,
  );
  start(): void;
  /** Runs a delivery pass now (coalescing with one already running); resolves when the pass ends. */
  kick(): Promise<void>;
  stop(): Promise<void>;
  private drain;
}
