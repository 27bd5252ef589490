/**
 * RATE-01 NATS JetStream path: a durable pull consumer on the usage stream, shared by any number of rating
 * workers (each message goes to one of them: work-queue semantics). A worker fetches a batch, rates it through
 * `ingestUsage` (one transaction per batch) and acknowledges the messages only after that commit. A worker that
 * dies before its acks leaves the messages to be redelivered (after `ack_wait`) to another; their record ids
 * make the second rating a no-op, so every record is charged once (decisions/0015).
 */
import type { Db } from '@kabinet/db';
import {
  AckPolicy,
  type JetStreamManager,
  type JsMsg,
  jetstream,
  jetstreamManager,
  RetentionPolicy,
} from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { type IngestSummary, ingestUsage, type UsageInput } from '../rating/ingest.ts';
import { decodeUsageMessage, UndecodableMessage } from './decode-usage.ts';

export interface UsageStreamNames {
  /** JetStream stream, e.g. `USAGE`. */
  stream: string;
  /** Subject the mediation publishes to, e.g. `usage.records`. */
  subject: string;
  /** The durable consumer the rating workers share, e.g. `rating`. */
  durable: string;
}

export const DEFAULT_STREAM: UsageStreamNames = {
  stream: 'USAGE',
  subject: 'usage.records',
  durable: 'rating',
};

/** Creates the stream (work-queue retention) and the shared durable consumer if missing. */
export async function ensureUsageStream(
  nc: NatsConnection,
  names: UsageStreamNames,
  ackWaitMs = 30_000,
): Promise<JetStreamManager> {
  const jsm = await jetstreamManager(nc);
  try {
    await jsm.streams.info(names.stream);
  } catch {
    await jsm.streams.add({
      name: names.stream,
      subjects: [names.subject],
      retention: RetentionPolicy.Workqueue,
    });
  }
  try {
    await jsm.consumers.info(names.stream, names.durable);
  } catch {
    await jsm.consumers.add(names.stream, {
      durable_name: names.durable,
      ack_policy: AckPolicy.Explicit,
      ack_wait: ackWaitMs * 1_000_000,
      max_ack_pending: 20_000,
    });
  }
  return jsm;
}

/** Totals of one consumer, for logs and tests. */
export interface ConsumerStats {
  batches: number;
  messages: number;
  accepted: number;
  duplicated: number;
  rejected: number;
  /** Messages that could not be decoded (terminated, not redelivered). */
  undecodable: number;
  /** Batches whose rating failed (messages left for redelivery). */
  failed: number;
}

export interface UsageConsumerOptions {
  db: Db;
  nc: NatsConnection;
  names: UsageStreamNames;
  /** Messages per fetch (one ingest transaction). */
  batchSize?: number;
  /** How long one fetch waits for messages, ms (at least 1000: the server's minimum). */
  fetchWaitMs?: number;
  now?: () => Date;
  log?: (line: string) => void;
  /** Test hook: runs after the batch committed, before the acks (throwing simulates a crash there). */
  beforeAck?: (records: readonly UsageInput[]) => void;
}

/** One rating worker on the shared durable consumer. */
export class UsageConsumer {
  readonly stats: ConsumerStats = {
    batches: 0,
    messages: 0,
    accepted: 0,
    duplicated: 0,
    rejected: 0,
    undecodable: 0,
    failed: 0,
  };
  private stopped = false;

  constructor(private readonly options: UsageConsumerOptions) {}

  /** Fetches and rates batches until {@link stop} (or until `idleStop` empty fetches in a row, for tests). */
  async run(idleStop = Number.POSITIVE_INFINITY): Promise<ConsumerStats> {
    const { nc, names } = this.options;
    const consumer = await jetstream(nc).consumers.get(names.stream, names.durable);
    let idle = 0;
    while (!this.stopped && idle < idleStop) {
      const batch = await consumer.fetch({
        max_messages: this.options.batchSize ?? 500,
        expires: Math.max(1000, this.options.fetchWaitMs ?? 1000),
      });
      const messages: JsMsg[] = [];
      for await (const m of batch) messages.push(m);
      if (messages.length === 0) {
        idle += 1;
        continue;
      }
      idle = 0;
      await this.handle(messages);
    }
    return this.stats;
  }

  stop(): void {
    this.stopped = true;
  }

  /** Rates one fetched batch; acks after commit, naks on failure (redelivered later). */
  async handle(messages: JsMsg[]): Promise<IngestSummary | null> {
    const records: UsageInput[] = [];
    const readable: JsMsg[] = [];
    for (const m of messages) {
      try {
        records.push(...decodeUsageMessage(m.data));
        readable.push(m);
      } catch (err) {
        if (!(err instanceof UndecodableMessage)) throw err;
        this.stats.undecodable += 1;
        this.options.log?.(`usage message ${m.seq} terminated: ${err.message}`);
        // No reason text: servers before 2.10.4 ignore `+TERM <reason>` and would redeliver forever.
        m.term();
      }
    }
    this.stats.batches += 1;
    this.stats.messages += messages.length;
    let summary: IngestSummary;
    try {
      summary = await ingestUsage(
        this.options.db,
        records,
        this.options.now ? { now: this.options.now } : {},
      );
      this.options.beforeAck?.(records);
    } catch (err) {
      this.stats.failed += 1;
      this.options.log?.(`usage batch failed, left for redelivery: ${(err as Error).message}`);
      for (const m of readable) m.nak(1000);
      return null;
    }
    this.stats.accepted += summary.accepted;
    this.stats.duplicated += summary.duplicated;
    this.stats.rejected += summary.rejected.length;
    for (const r of summary.rejected)
      this.options.log?.(`usage record ${r.recordId ?? r.index} rejected: ${r.reason}`);
    for (const m of readable) m.ack();
    // The acks are on the wire before the next fetch (a flush round-trips to the server).
    await this.options.nc.flush();
    return summary;
  }
}
