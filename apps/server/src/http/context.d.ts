/**
 * What every request handler may use: the database, the clock, the secret, the demo switch. Passed in at build
 * time, so tests can freeze the clock and point at their own database.
 */
import type { Db, DbHandle } from '@kabinet/db';
import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import { SessionStore } from '../auth/session-store.ts';
import { OutboxDispatcher } from '../notifications/outbox.ts';
export interface AppContext {
  db: Db;
  /** The same pool as `db`, for named prepared statements on hot paths (planned once per connection). */
  pool: pg.Pool;
  secret: string;
  demo: boolean;
  timeZone: string;
  now: () => Date;
  outbox: OutboxDispatcher;
  /** Sessions in PostgreSQL with a revocation-aware cache; started and stopped with the app. */
  sessions: SessionStore;
  /** Cookies get `Secure` and the `__Host-` prefix (set when served over TLS). */
  secureCookies: boolean;
}
export interface ContextOptions {
  secret: string;
  demo: boolean;
  log: FastifyBaseLogger;
  timeZone?: string;
  now?: () => Date;
  secureCookies?: boolean;
  /** How often the outbox dispatcher looks for due messages. */
  outboxPollMs?: number;
}
/** The context for a database: in demo mode, SMS go to the virtual phone; otherwise they wait for a transport. */
export declare function createAppContext(
  handle: Pick<DbHandle, 'db' | 'pool'>,
  options: ContextOptions,
): AppContext;
