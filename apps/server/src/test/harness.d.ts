import { type Db, type DbHandle } from '@kabinet/db';
import { buildApp } from '../app.ts';
import { type AppContext } from '../http/context.ts';
export declare const TEST_SECRET = 'test-secret-test-secret-test-secret-0123456789';
/** A fresh database cloned from the run's migrated template; drop it when the file's tests end. */
export declare function createTestDatabase(): Promise<{
  db: Db;
  pool: DbHandle['pool'];
  url: string;
  drop(): Promise<void>;
}>;
export interface TestApp {
  app: Awaited<ReturnType<typeof buildApp>>;
  db: Db;
  ctx: AppContext;
  /** Moves the frozen clock. */
  clock: {
    now: Date;
    advance(ms: number): void;
  };
  close(): Promise<void>;
}
/** The real HTTP app on a fresh database, in demo mode (virtual phone), with a controllable clock. */
export declare function createTestApp(options?: { demo?: boolean; now?: Date }): Promise<TestApp>;
