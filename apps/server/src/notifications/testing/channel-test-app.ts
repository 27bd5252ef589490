import type { Db } from '@kabinet/db';
import pino from 'pino';
import { buildApp } from '../../app.ts';
import { createAppContext } from '../../http/context.ts';
import { createTestDatabase, TEST_SECRET, type TestApp } from '../../test/harness.ts';
import type { ChannelSettings } from '../create-transports.ts';
import type { DispatcherOptions } from '../outbox.ts';

/**
 * The real HTTP app on a fresh database with real transports (SMPP/SMTP peers on loopback) instead of the
 * virtual phone; the outbox is kicked by the test or started by it. `TEST_LOG_LEVEL=warn` shows delivery logs.
 */
export async function createChannelTestApp(options: {
  channels: ChannelSettings;
  outbox?: DispatcherOptions;
  demo?: boolean;
}): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = {
    now: new Date(),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  const ctx = createAppContext(database, {
    secret: TEST_SECRET,
    demo: options.demo ?? false,
    now: () => clock.now,
    log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    channels: {
      smppTiming: { reconnectInitialMs: 50, reconnectMaxMs: 400, bindWaitMs: 2000, enquireLinkMs: 1000 },
      ...options.channels,
    },
    ...(options.outbox ? { outboxOptions: options.outbox } : {}),
  });
  const app = await buildApp({ ctx });
  await app.ready();
  return {
    app,
    db: database.db,
    ctx,
    clock,
    async close() {
      await app.close();
      await ctx.outbox.stop();
      await database.drop();
    },
  };
}

/** Polls `check` every 20 ms until it holds (or fails the test after `ms`). */
export async function eventually<T>(check: () => Promise<T | undefined | false>, ms = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - start > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Outbox rows by status, for assertions. */
export async function outboxStatuses(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('outbox')
    .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
