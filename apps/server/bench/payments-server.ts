/**
 * The server half of `npm run bench:payments`, in its own process so the load generator does not share its event
 * loop: a fresh database with BENCH_LINES subscribers (a login and a full session each), the real app with the
 * sandbox acquirer, listening on a free port — so the sandbox's webhooks go over HTTP to the app's own webhook
 * route, as they would from an acquirer. Prints one JSON line with what the load generator needs.
 */
import { connect, defaultPoolSize, migrate, OPERATOR_ACCOUNT_IDS } from '@kabinet/db';
import {
  createDatabaseFromTemplate,
  createTemplate,
  dropDatabase,
  startTestServer,
} from '@kabinet/db/testing';
import pino from 'pino';
import { buildApp } from '../src/app.ts';
import { createSession } from '../src/auth/sessions.ts';
import { createAppContext } from '../src/http/context.ts';
import { buildSubscriber } from '../src/test/factories.ts';

const LINES = Number(process.env.BENCH_LINES ?? 200);

const server = await startTestServer();
const template = await createTemplate(server.url);
const database = await createDatabaseFromTemplate(server.url, template, 'kabinet_bench_payments');
await migrate(database.url);
const handle = connect(database.url, { max: Number(process.env.BENCH_POOL ?? defaultPoolSize()) });
const { db } = handle;
const operator = OPERATOR_ACCOUNT_IDS;

const now = new Date();
const clients = [];
for (let i = 0; i < LINES; i++) {
  const sub = await buildSubscriber(db, { withLogin: true, now });
  const session = await createSession(db, {
    loginId: sub.loginId as string,
    access: 'full',
    method: 'sms_code',
    persistent: true,
    ip: '127.0.0.1',
    userAgent: 'bench',
    now,
  });
  clients.push({
    cookie: `kabinet_sid=${session.token}`,
    lineId: sub.lineId,
    ledgerAccountId: sub.ledgerAccountId,
  });
}

const ctx = createAppContext(handle, {
  secret: 'bench-secret-'.repeat(3),
  demo: false,
  log: pino({ level: 'silent' }),
});
const app = await buildApp({ ctx });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
console.log(
  JSON.stringify({ port, databaseUrl: database.url, acquirerAccountId: operator.acquirer, clients }),
);

process.once('SIGTERM', () => {
  (async () => {
    await app.close();
    await ctx.outbox.stop();
    await handle.close();
    await dropDatabase(server.url, database.name);
    await dropDatabase(server.url, template, { template: true });
    await server.stop();
  })()
    .catch((err: unknown) => console.error('bench cleanup failed:', err))
    .finally(() => process.exit(0));
});
