import { connect, type Db, type DbHandle } from '@kabinet/db';
import { createDatabaseFromTemplate, dropDatabase } from '@kabinet/db/testing';
import pino from 'pino';
import { inject } from 'vitest';
import { buildApp } from '../app.ts';
import { type AppContext, createAppContext } from '../http/context.ts';

export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123456789';

/** A fresh database cloned from the run's migrated template; drop it when the file's tests end. */
export async function createTestDatabase(): Promise<{
  db: Db;
  pool: DbHandle['pool'];
  url: string;
  drop(): Promise<void>;
}> {
  const serverUrl = inject('testServerUrl');
  const { name, url } = await createDatabaseFromTemplate(serverUrl, inject('testTemplate'));
  const handle = connect(url, { max: 5 });
  return {
    db: handle.db,
    pool: handle.pool,
    url,
    async drop() {
      await handle.close();
      await dropDatabase(serverUrl, name);
    },
  };
}

export interface TestApp {
  app: Awaited<ReturnType<typeof buildApp>>;
  db: Db;
  ctx: AppContext;
  /** Moves the frozen clock. */
  clock: { now: Date; advance(ms: number): void };
  close(): Promise<void>;
}

/** The real HTTP app on a fresh database, in demo mode (virtual phone), with a controllable clock. */
export async function createTestApp(options: { demo?: boolean; now?: Date } = {}): Promise<TestApp> {
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
