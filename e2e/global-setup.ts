import { connect, migrate } from '@kabinet/db';
import {
  createDatabaseFromTemplate,
  createTemplate,
  dropDatabase,
  startTestServer,
} from '@kabinet/db/testing';
import pino from 'pino';
import { buildApp } from '../apps/server/src/app.ts';
import { seedDemo } from '../apps/server/src/demo/seed-demo.ts';
import { createAppContext } from '../apps/server/src/http/context.ts';
import { defaultWebDist } from '../apps/server/src/runtime/database.ts';
import { findChromium } from './browser.ts';
import { spareNumbers } from './spare-numbers.ts';

/**
 * Starts the real server for the browser tests: a fresh database (TEST_DATABASE_URL, else embedded PostgreSQL),
 * migrated and seeded with the demo data, and the built web app served in demo mode on a free port.
 */
export default async function globalSetup() {
  if (!findChromium()) {
    if (process.env.CI)
      throw new Error('CI=true but no Chromium was found: browser tests cannot be skipped in CI');
    return;
  }
  const server = await startTestServer();
  const template = await createTemplate(server.url);
  const database = await createDatabaseFromTemplate(server.url, template, 'kabinet_e2e');
  await migrate(database.url);
  const handle = connect(database.url);
  const seeded = await seedDemo(handle.db, { subscribers: 60 });
  const ctx = createAppContext(handle, {
    secret: 'e2e-secret-'.repeat(4),
    demo: true,
    log: pino({ level: 'silent' }),
    outboxPollMs: 300,
    // The browser reaches the server from 127.0.0.1: trusting it lets a test play the operator's gateway by
    // sending the number header (ACCESS-08). Without the header nothing changes for the other tests.
    enrichment: { trustedGateways: ['127.0.0.1/32'], header: 'x-msisdn' },
  });
  const { outbox } = ctx;
  outbox.start();
  const app = await buildApp({
    ctx,
    // The journeys play distinct client addresses through `X-Forwarded-For` (fixtures.ts `extraHTTPHeaders`).
    trustProxy: ['127.0.0.1'],
    webDist: defaultWebDist(),
    demoPhones: async () => seeded.demoPhones,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.env.KABINET_E2E_URL = `http://127.0.0.1:${port}`;
  // WebAuthn refuses IP addresses as relying party ids: passkey tests browse the same server by name.
  process.env.KABINET_E2E_LOCALHOST_URL = `http://localhost:${port}`;
  process.env.KABINET_E2E_DATABASE_URL = database.url;
  process.env.KABINET_E2E_DEMO_PHONES = seeded.demoPhones.join(',');
  // Fixed once, before any journey runs: a journey that blocks or suspends its line must not shift the
  // numbers of the journeys after it.
  process.env.KABINET_E2E_SPARE_NUMBERS = (await spareNumbers(handle.db, seeded.demoPhones)).join(',');
  return async () => {
    await app.close();
    await outbox.stop();
    await handle.close();
    await dropDatabase(server.url, database.name);
    await dropDatabase(server.url, template, { template: true });
    await server.stop();
  };
}
