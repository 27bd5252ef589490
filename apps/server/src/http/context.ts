/**
 * What every request handler may use: the database, the clock, the secret, the demo switch. Passed in at build
 * time, so tests can freeze the clock and point at their own database.
 */
import type { Db } from '@kabinet/db';
import type { OutboxDispatcher } from '../notifications/outbox.ts';

export interface AppContext {
  db: Db;
  secret: string;
  demo: boolean;
  timeZone: string;
  now: () => Date;
  outbox: OutboxDispatcher;
  /** Cookies get `Secure` and the `__Host-` prefix (set when served over TLS). */
  secureCookies: boolean;
}
