/**
 * The server half of `npm run bench:dashboard`, run in its own process so the load generator does not share its
 * event loop. Seeds a fresh database, opens sessions for seeded logins, adds the bare baseline route (one
 * primary-key SELECT) to the same app, listens, and prints one JSON line with what the load generator needs.
 */
import { connect, defaultPoolSize, migrate } from '@kabinet/db';
import {
  createDatabaseFromTemplate,
  createTemplate,
  dropDatabase,
  startTestServer,
} from '@kabinet/db/testing';
import { sql } from 'kysely';
import pino from 'pino';
import { buildApp } from '../src/app.ts';
import { createSession } from '../src/auth/sessions.ts';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { createAppContext } from '../src/http/context.ts';

const server = await startTestServer();
const template = await createTemplate(server.url);
const database = await createDatabaseFromTemplate(server.url, template, 'kabinet_bench');
await migrate(database.url);
const handle = connect(database.url, { max: Number(process.env.BENCH_POOL ?? defaultPoolSize()) });
const db = handle.db;
await seedDemo(db, {});

const grants = await db
  .selectFrom('grants')
  .select(['login_id', 'line_id'])
  .where('revoked_at', 'is', null)
  .orderBy('line_id')
  .limit(40)
  .execute();
const now = new Date();
const clients = [];
for (const g of grants) {
  const s = await createSession(db, {
    loginId: g.login_id,
    access: 'full',
    method: 'sms_code',
    persistent: true,
    ip: '127.0.0.1',
    userAgent: 'bench',
    now,
  });
  clients.push({ cookie: `kabinet_sid=${s.token}`, lineId: g.line_id });
}

const ctx = createAppContext(handle, {
  secret: 'bench-secret-'.repeat(3),
  demo: false,
  log: pino({ level: 'silent' }),
});
const app = await buildApp({ ctx });
// The baseline: the same server, a bare route doing one primary-key SELECT.
app.get('/bench/baseline/:lineId', { schema: { hide: true } }, async (request) => {
  const { lineId } = request.params as { lineId: string };
  const row = await sql<{
    id: string;
    status: string;
  }>`SELECT id, status FROM lines WHERE id = ${lineId}`.execute(db);
  return row.rows[0] ?? null;
});
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
console.log(JSON.stringify({ port, clients }));

process.once('SIGTERM', () => {
  (async () => {
    await app.close();
    await handle.close();
    await dropDatabase(server.url, database.name);
    await dropDatabase(server.url, template, { template: true });
    await server.stop();
  })()
    .catch((err: unknown) => console.error('bench cleanup failed:', err))
    .finally(() => process.exit(0));
});
