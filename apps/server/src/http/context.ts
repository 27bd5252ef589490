/**
 * What every request handler may use: the database, the clock, the secret, the demo switch. Passed in at build
 * time, so tests can freeze the clock and point at their own database.
 */
import type { Db, DbHandle } from '@kabinet/db';
import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import type { Acquirer } from '../acquirer/acquirer.ts';
import { type AcquirerSettings, createAcquirer } from '../acquirer/create-acquirer.ts';
import { SessionStore } from '../auth/session-store.ts';
import type { Config } from '../config.ts';
import { type ChannelSettings, createTransports } from '../notifications/create-transports.ts';
import { IncomingSmsHub } from '../notifications/incoming.ts';
import { type DispatcherOptions, OutboxDispatcher } from '../notifications/outbox.ts';
import type { UssdGatewayConfig } from '../ussd/gateway-auth.ts';

export interface AppContext {
  db: Db;
  /** The same pool as `db`, for named prepared statements on hot paths (planned once per connection). */
  pool: pg.Pool;
  secret: string;
  demo: boolean;
  timeZone: string;
  now: () => Date;
  outbox: OutboxDispatcher;
  /** Mobile-originated SMS from the SMS centre (CHAN-04 commands subscribe here). */
  incomingSms: IncomingSmsHub;
  /** Sessions in PostgreSQL with a revocation-aware cache; started and stopped with the app. */
  sessions: SessionStore;
  /** Cookies get `Secure` and the `__Host-` prefix (set when served over TLS). */
  secureCookies: boolean;
  /** ACCESS-08: gateways trusted to add the caller's number, and the header they use. */
  enrichment: Config['enrichment'];
  /** ACCESS-06: WebAuthn relying party. */
  webauthn: Config['webauthn'];
  /** CHAN-03: who may call the USSD gateway interface (secret header and/or gateway addresses). */
  ussdGateway: UssdGatewayConfig;
  /** PAY-01/04: the card acquirer (the sandbox unless configured otherwise). */
  acquirer: Acquirer;
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
  /** Outbox tuning (lease, in-flight, backoff); `outboxPollMs` wins for the poll period. */
  outboxOptions?: DispatcherOptions;
  /** NOTIF-02: SMPP_URL / SMTP_URL select real transports; without them demo mode uses the virtual phone. */
  channels?: ChannelSettings;
  enrichment?: Config['enrichment'];
  webauthn?: Config['webauthn'];
  ussdGateway?: UssdGatewayConfig;
  /** The acquirer itself (tests inject one), else one made from `acquirerSettings`. */
  acquirer?: Acquirer;
  acquirerSettings?: AcquirerSettings;
}

/**
 * The context for a database. Messages go through SMPP/SMTP when their URLs are set; otherwise, in demo mode, to the
 * virtual phone (SMS) and the email capture; otherwise they wait in the outbox for a transport.
 */
export function createAppContext(handle: Pick<DbHandle, 'db' | 'pool'>, options: ContextOptions): AppContext {
  const incomingSms = new IncomingSmsHub((err, sms) =>
    options.log.error({ err, from: sms.from, to: sms.to }, 'incoming SMS handler failed'),
  );
  const transports = createTransports(handle.db, {
    ...options.channels,
    demo: options.demo,
    log: options.log,
    incoming: incomingSms,
  });
  return {
    db: handle.db,
    pool: handle.pool,
    secret: options.secret,
    demo: options.demo,
    timeZone: options.timeZone ?? 'Europe/Moscow',
    now: options.now ?? (() => new Date()),
    outbox: new OutboxDispatcher(handle.db, transports, options.log, {
      ...options.outboxOptions,
      ...(options.outboxPollMs !== undefined ? { pollMs: options.outboxPollMs } : {}),
    }),
    incomingSms,
    sessions: new SessionStore(handle.db, handle.pool, options.log),
    secureCookies: options.secureCookies ?? false,
    enrichment: options.enrichment ?? { trustedGateways: [], header: 'x-msisdn' },
    webauthn: options.webauthn ?? { rpId: undefined, rpName: 'Kabinet', origins: [] },
    ussdGateway: options.ussdGateway ?? { secret: undefined, trustedGateways: [] },
    acquirer: options.acquirer ?? createAcquirer(options.secret, options.acquirerSettings),
  };
}
