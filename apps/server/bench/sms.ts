/**
 * `npm run bench:sms`: 10,000 SMS through the outbox to a loopback SMS centre (the test SMPP peer, with delivery
 * receipts on), window 10. Messages are enqueued in committed transactions of 100 while the dispatcher runs (as the
 * app does: write, commit, kick; 4 producers at once, `BENCH_PRODUCERS`). Prints `sms_per_s` (10,000 / time from the first enqueue to the last
 * submit_sm_resp) and `p99_enqueue_to_submit_ms` (commit of the enqueueing transaction → submit_sm_resp).
 * Then `drain_sms_per_s`: the same number queued first with no worker running, then drained by a fresh worker —
 * the dispatcher's own capacity, without the producer's pace. Target (issue #7): ≥ 500 SMS/s with a window of 10.
 * `BENCH_SMS`, `BENCH_WINDOW` override the load.
 */

import { TestSmsc } from '@kabinet/channels/testing';
import { connect, migrate } from '@kabinet/db';
import {
  createDatabaseFromTemplate,
  createTemplate,
  dropDatabase,
  startTestServer,
} from '@kabinet/db/testing';
import pino from 'pino';
import { createTransports } from '../src/notifications/create-transports.ts';
import { IncomingSmsHub } from '../src/notifications/incoming.ts';
import { enqueueMessage, OutboxDispatcher } from '../src/notifications/outbox.ts';

const COUNT = Number(process.env.BENCH_SMS ?? 10_000);
const WINDOW = Number(process.env.BENCH_WINDOW ?? 10);
const TX_SIZE = 100;
const PRODUCERS = Number(process.env.BENCH_PRODUCERS ?? 4);

const server = await startTestServer();
const template = await createTemplate(server.url);
const database = await createDatabaseFromTemplate(server.url, template, 'kabinet_bench_sms');
await migrate(database.url);
const handle = connect(database.url, { max: 20 });
const { db } = handle;
const smsc = await TestSmsc.start();
const log = pino({ level: 'warn' });
const newWorker = () =>
  new OutboxDispatcher(
    db,
    createTransports(db, {
      smppUrl: smsc.url,
      smppWindow: WINDOW,
      demo: false,
      log,
      incoming: new IncomingSmsHub(),
    }),
    log,
    { pollMs: 100 },
  );
let outbox = newWorker();

let kickAfterCommit = true;

async function enqueue(count: number, tag: string): Promise<Map<string, number>> {
  const committedAt = new Map<string, number>();
  let next = 0;
  // PRODUCERS concurrent writers, like concurrent requests of the app, each committing TX_SIZE messages at a time.
  const producer = async () => {
    for (let start = next; start < count; start = next) {
      next += TX_SIZE;
      await produce(start);
    }
  };
  const produce = async (start: number) => {
    const ids = await db.transaction().execute(async (trx) => {
      const out: string[] = [];
      for (let i = start; i < Math.min(count, start + TX_SIZE); i++) {
        out.push(
          await enqueueMessage(trx, {
            channel: 'sms',
            recipient: `+7916${String(1_000_000 + i)}`,
            sender: 'Kabinet',
            body: `Kabinet: code ${String(100_000 + i)} (${tag})`,
            kind: 'auth.code',
            sensitive: true,
          }),
        );
      }
      return out;
    });
    const at = Date.now();
    for (const id of ids) committedAt.set(id, at);
    if (kickAfterCommit) void outbox.kick();
  };
  await Promise.all(Array.from({ length: PRODUCERS }, producer));
  return committedAt;
}

async function waitSubmitted(total: number): Promise<void> {
  for (;;) {
    const { n } = await db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('status', 'in', ['submitted', 'delivered'])
      .executeTakeFirstOrThrow();
    if (Number(n) >= total) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

// Whatever happens, the benchmark's databases are dropped.
try {
  outbox.start();
  // Warm-up: JIT, connections, plans, the SMPP bind.
  await enqueue(500, 'warm-up');
  await waitSubmitted(500);

  const started = Date.now();
  const committedAt = await enqueue(COUNT, 'bench');
  await waitSubmitted(500 + COUNT);
  const rows = await db
    .selectFrom('outbox')
    .select(['id', 'submitted_at'])
    .where('id', 'in', [...committedAt.keys()])
    .execute();
  const latencies = rows
    .map((r) => (r.submitted_at?.getTime() ?? Number.NaN) - (committedAt.get(r.id) ?? 0))
    .sort((a, b) => a - b);
  const lastSubmit = Math.max(...rows.map((r) => r.submitted_at?.getTime() ?? 0));
  const p = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)] ?? Number.NaN;

  console.log(`sms: ${COUNT}`);
  console.log(`window: ${WINDOW}`);
  console.log(`sms_per_s: ${Math.round(COUNT / ((lastSubmit - started) / 1000))}`);
  console.log(`p50_enqueue_to_submit_ms: ${Math.round(p(0.5))}`);
  console.log(`p99_enqueue_to_submit_ms: ${Math.round(p(0.99))}`);

  // Backlog: queue everything with no worker running, then time a fresh worker draining it.
  await outbox.stop();
  kickAfterCommit = false;
  await enqueue(COUNT, 'backlog');
  outbox = newWorker();
  const drainStart = Date.now();
  outbox.start();
  void outbox.kick();
  await waitSubmitted(500 + 2 * COUNT);
  console.log(`drain_sms_per_s: ${Math.round(COUNT / ((Date.now() - drainStart) / 1000))}`);
  console.log(`received_by_smsc: ${smsc.parts.length - 500}`);
} finally {
  await outbox.stop();
  await smsc.stop();
  await handle.close();
  await dropDatabase(server.url, database.name);
  await dropDatabase(server.url, template, { template: true });
  await server.stop();
}
