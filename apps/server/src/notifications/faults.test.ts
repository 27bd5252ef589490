import { TestSmsc } from '@kabinet/channels/testing';
import { connect } from '@kabinet/db';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/harness.ts';
import { createTransports } from './create-transports.ts';
import { IncomingSmsHub } from './incoming.ts';
import { enqueueMessage, OutboxDispatcher } from './outbox.ts';
import { createChannelTestApp, eventually, outboxStatuses } from './testing/channel-test-app.ts';
import type { OutgoingMessage, SendResult, Transport } from './transport.ts';

const log = pino({ level: 'silent' });
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A worker's transport that takes the message and never answers: the worker "dies" mid-send. */
class HangingTransport implements Transport {
  readonly name = 'hanging';
  readonly taken: string[] = [];
  send(message: OutgoingMessage): Promise<SendResult> {
    this.taken.push(message.id);
    return new Promise(() => {});
  }
}

describe('NOTIF-02 faults', () => {
  it('NOTIF-02 the SMS centre goes down during 1,000 code sends and comes back: each code is delivered exactly once', async () => {
    const smsc = await TestSmsc.start();
    const t = await createChannelTestApp({
      channels: {
        smppUrl: smsc.url,
        // Shorter than the outage: sends waiting for the link fail (transient) and go back to the queue.
        smppTiming: { reconnectInitialMs: 50, reconnectMaxMs: 400, bindWaitMs: 300, enquireLinkMs: 1000 },
      },
      outbox: { pollMs: 50, backoffBaseMs: 100, backoffMaxMs: 400, maxAttempts: 30 },
    });
    cleanups.push(
      () => smsc.stop(),
      () => t.close(),
    );
    const codes = Array.from({ length: 1000 }, (_, i) => String(100000 + i * 7));
    // Down for 1.5 s right after the 275th message, while the window holds more on the wire.
    const outage = smsc.outageAfter(275, 1500);
    for (let batch = 0; batch < 20; batch++) {
      await t.db.transaction().execute(async (trx) => {
        for (let i = batch * 50; i < (batch + 1) * 50; i++) {
          await enqueueMessage(trx, {
            channel: 'sms',
            recipient: `+7916${String(1000000 + i)}`,
            sender: 'Kabinet',
            body: `Kabinet code: ${codes[i]}`,
            kind: 'auth.code',
            sensitive: true,
          });
        }
      });
      // Half the codes are queued before the dispatcher starts, so it works with a backlog when the outage hits.
      if (batch === 9) t.ctx.outbox.start();
      if (batch >= 9) void t.ctx.outbox.kick();
    }
    await outage;
    await eventually(async () => (await outboxStatuses(t.db)).delivered === 1000, 60_000);
    const texts = smsc.messages().map((m) => m.text);
    expect(texts).toHaveLength(1000);
    expect(new Set(texts).size).toBe(1000);
    expect(new Set(texts)).toEqual(new Set(codes.map((c) => `Kabinet code: ${c}`)));
    // The outage really hit both kinds of failure: sends waiting for the link, and sends on the wire unanswered.
    const retried = await t.db.selectFrom('outbox').select('id').where('attempts', '>', 1).execute();
    expect(retried.length).toBeGreaterThan(0);
    const uncertain = await t.db.selectFrom('outbox').select('id').where('uncertain_sends', '=', 1).execute();
    expect(uncertain.length).toBeGreaterThan(0);
    expect(smsc.binds.length).toBeGreaterThanOrEqual(2);
  }, 90_000);

  it('NOTIF-02 a worker that dies mid-send: its lease expires and the message is re-sent once, never a third time', async () => {
    const smsc = await TestSmsc.start();
    const database = await createTestDatabase();
    cleanups.push(
      () => smsc.stop(),
      () => database.drop(),
    );
    const incoming = new IncomingSmsHub();
    // A worker "dies" mid-send: its transport never answers and its database connections are cut, so it can
    // neither finish nor renew its lease — like a killed process.
    const dying = (transport: Transport) => {
      const own = connect(database.url, { max: 2 });
      const worker = new OutboxDispatcher(own.db, { sms: transport }, log, { leaseMs: 200, pollMs: 60_000 });
      void worker.kick();
      return { kill: () => own.close() };
    };
    const real = new OutboxDispatcher(
      database.db,
      createTransports(database.db, { smppUrl: smsc.url, demo: false, log, incoming }),
      log,
      { leaseMs: 5000, pollMs: 60_000 },
    );
    cleanups.push(() => real.stop());

    const once = await enqueueMessage(database.db, {
      channel: 'sms',
      recipient: '+79160000201',
      sender: 'Kabinet',
      body: 'once',
      kind: 'test',
    });
    const hanging = new HangingTransport();
    const worker = dying(hanging);
    await eventually(async () => hanging.taken.includes(once));
    await worker.kill();
    await real.kick();
    expect(smsc.parts.filter((p) => p.text === 'once')).toHaveLength(0); // still leased by the dead worker
    await new Promise((r) => setTimeout(r, 300));
    await real.kick();
    expect(smsc.parts.filter((p) => p.text === 'once')).toHaveLength(1);
    const sent = await database.db
      .selectFrom('outbox')
      .selectAll()
      .where('id', '=', once)
      .executeTakeFirstOrThrow();
    expect(sent).toMatchObject({ uncertain_sends: 1, attempts: 2 });

    const twice = await enqueueMessage(database.db, {
      channel: 'sms',
      recipient: '+79160000202',
      sender: 'Kabinet',
      body: 'twice',
      kind: 'test',
    });
    const first = new HangingTransport();
    const firstWorker = dying(first);
    await eventually(async () => first.taken.includes(twice));
    await firstWorker.kill();
    await new Promise((r) => setTimeout(r, 300));
    const second = new HangingTransport();
    const secondWorker = dying(second); // recovers the lease and takes the one allowed re-send, then dies too
    await eventually(async () => second.taken.includes(twice));
    await secondWorker.kill();
    await new Promise((r) => setTimeout(r, 300));
    await real.kick();
    expect(smsc.parts.filter((p) => p.text === 'twice')).toHaveLength(0);
    const failed = await database.db
      .selectFrom('outbox')
      .selectAll()
      .where('id', '=', twice)
      .executeTakeFirstOrThrow();
    expect(failed.status).toBe('failed');
    expect(failed.last_error).toMatch(/outcome unknown twice/);
  });

  it('NOTIF-02 a live worker that is merely slow renews its lease, so nobody else sends its message', async () => {
    const smsc = await TestSmsc.start();
    const database = await createTestDatabase();
    cleanups.push(
      () => smsc.stop(),
      () => database.drop(),
    );
    let release: () => void = () => {};
    const slow: Transport = {
      name: 'slow',
      send: () => new Promise<SendResult>((resolve) => (release = () => resolve({ state: 'delivered' }))),
    };
    const slowWorker = new OutboxDispatcher(database.db, { sms: slow }, log, { leaseMs: 150 });
    const other = new OutboxDispatcher(
      database.db,
      createTransports(database.db, { smppUrl: smsc.url, demo: false, log, incoming: new IncomingSmsHub() }),
      log,
    );
    cleanups.push(() => other.stop());
    const id = await enqueueMessage(database.db, {
      channel: 'sms',
      recipient: '+79160000204',
      sender: 'Kabinet',
      body: 'slow',
      kind: 'test',
    });
    const pass = slowWorker.kick();
    await eventually(
      async () =>
        (
          await database.db
            .selectFrom('outbox')
            .select('status')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).status === 'sending',
    );
    await new Promise((r) => setTimeout(r, 500)); // three lease periods
    await other.kick();
    expect(smsc.parts).toHaveLength(0);
    release();
    await pass;
    expect(
      await database.db
        .selectFrom('outbox')
        .select(['status', 'uncertain_sends'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
    ).toEqual({
      status: 'delivered',
      uncertain_sends: 0,
    });
  });

  it('NOTIF-02 two workers draining the same outbox side by side send each message once (SKIP LOCKED)', async () => {
    const smsc = await TestSmsc.start();
    const database = await createTestDatabase();
    cleanups.push(
      () => smsc.stop(),
      () => database.drop(),
    );
    const workers = [0, 1].map(
      () =>
        new OutboxDispatcher(
          database.db,
          createTransports(database.db, {
            smppUrl: smsc.url,
            demo: false,
            log,
            incoming: new IncomingSmsHub(),
          }),
          log,
          { maxInFlight: 20 },
        ),
    );
    for (const w of workers) cleanups.push(() => w.stop());
    await database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 300; i++) {
        await enqueueMessage(trx, {
          channel: 'sms',
          recipient: `+7916${2000000 + i}`,
          sender: 'Kabinet',
          body: `n${i}`,
          kind: 'test',
        });
      }
    });
    await Promise.all(workers.map((w) => w.kick()));
    const texts = smsc.parts.map((p) => p.text);
    expect(texts).toHaveLength(300);
    expect(new Set(texts).size).toBe(300);
    const owners = await database.db
      .selectFrom('outbox')
      .select('status')
      .where('status', '!=', 'submitted')
      .where('status', '!=', 'delivered')
      .execute();
    expect(owners).toEqual([]);
  });

  it('NOTIF-02 without transports configured messages stay queued, nothing is lost', async () => {
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const idle = new OutboxDispatcher(
      database.db,
      createTransports(database.db, { demo: false, log, incoming: new IncomingSmsHub() }),
      log,
    );
    await enqueueMessage(database.db, {
      channel: 'sms',
      recipient: '+79160000203',
      sender: 'Kabinet',
      body: 'wait',
      kind: 'test',
    });
    await idle.kick();
    expect(await outboxStatuses(database.db)).toEqual({ queued: 1 });
  });
});
