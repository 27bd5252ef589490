import type { Db } from '@kabinet/db';
import { createTestDatabase } from '@kabinet/db/vitest';
import pino from 'pino';
import type { Acquirer } from '../acquirer/acquirer.ts';
import { buildApp } from '../app.ts';
import { type AppContext, createAppContext } from '../http/context.ts';

export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123456789';

export { createTestDatabase };

export interface TestApp {
  app: Awaited<ReturnType<typeof buildApp>>;
  db: Db;
  ctx: AppContext;
  /** Moves the frozen clock. */
  clock: { now: Date; advance(ms: number): void };
  close(): Promise<void>;
}

/**
 * The real HTTP app on a fresh database, in demo mode (virtual phone), with a controllable clock; the sandbox
 * acquirer unless another is given.
 */
export async function createTestApp(
  options: { demo?: boolean; now?: Date; acquirer?: Acquirer } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = {
    now: options.now ?? new Date(),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  const ctx = createAppContext(database, {
    secret: TEST_SECRET,
    demo: options.demo ?? true,
    now: () => clock.now,
    log: pino({ level: 'silent' }),
    ...(options.acquirer ? { acquirer: options.acquirer } : {}),
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
