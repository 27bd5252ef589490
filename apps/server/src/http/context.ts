/**
 * What every request handler may use: the database, the clock, the secret, the demo switch. Passed in at build
 * time, so tests can freeze the clock and point at their own database.
 */
import type { Db, DbHandle } from '@kabinet/db';
import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import { SessionStore } from '../auth/session-store.ts';
import type { Config } from '../config.ts';
import { OutboxDispatcher } from '../notifications/outbox.ts';
import { VirtualPhoneTransport } from '../notifications/virtual-phone.ts';

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
  /** ACCESS-08: gateways trusted to add the caller's number, and the header they use. */
  enrichment: Config['enrichment'];
  /** ACCESS-06: WebAuthn relying party. */
  webauthn: Config['webauthn'];
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
  enrichment?: Config['enrichment'];
  webauthn?: Config['webauthn'];
}

/** The context for a database: in demo mode, SMS go to the virtual phone; otherwise they wait for a transport. */
export function createAppContext(handle: Pick<DbHandle, 'db' | 'pool'>, options: ContextOptions): AppContext {
  const phone = options.demo ? new VirtualPhoneTransport(handle.db) : undefined;
  const transports = phone ? { sms: phone, flash: phone } : {};
  return {
    db: handle.db,
    pool: handle.pool,
    secret: options.secret,
    demo: options.demo,
    timeZone: options.timeZone ?? 'Europe/Moscow',
    now: options.now ?? (() => new Date()),
    outbox: new OutboxDispatcher(handle.db, transports, options.log, options.outboxPollMs),
    sessions: new SessionStore(handle.db, handle.pool, options.log),
    secureCookies: options.secureCookies ?? false,
    enrichment: options.enrichment ?? { trustedGateways: [], header: 'x-msisdn' },
    webauthn: options.webauthn ?? { rpId: undefined, rpName: 'Kabinet', origins: [] },
  };
}
