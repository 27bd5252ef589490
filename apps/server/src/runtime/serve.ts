import { formatPhone } from '@kabinet/core';
import pino from 'pino';
import { buildApp } from '../app.ts';
import { ChargingWorker } from '../charging/charging-worker.ts';
import type { Config } from '../config.ts';
import { isDemoSeeded, seedDemo } from '../demo/seed-demo.ts';
import { createAppContext } from '../http/context.ts';
import { runMoneyJobs } from '../money-jobs/run-money-jobs.ts';
import { subscribeSmsCommands } from '../sms-commands/subscribe.ts';
import { readUssdGatewayConfig } from '../ussd/gateway-auth.ts';
import { openDatabase } from './database.ts';
import { progressReporter } from './progress.ts';
import { resolveSecret } from './secret.ts';

/** The demo login; the seeder creates it, the banner and the virtual phone offer it. */
export const DEMO_LOGIN = '+79161234567';

/**
 * `kabinet serve`: database (embedded unless DATABASE_URL), migrations, demo data on first start, the HTTP server,
 * the outbox dispatcher; Ctrl-C stops all of it cleanly, the embedded PostgreSQL included.
 */
export async function serve(config: Config): Promise<void> {
  const say = (line: string) => console.log(line);
  const logger = pino({ level: config.logLevel });
  const database = await openDatabase(config, say);
  const { db } = database.handle;
  let demoPhones: string[] = [];
  if (config.demo) {
    // Seeding is idempotent: on a seeded database it only reports the demo numbers.
    const fresh = !(await isDemoSeeded(db));
    const progress = progressReporter('Seeding demo data');
    const result = await seedDemo(db, {
      timeZone: config.timeZone,
      ...(fresh ? { onProgress: progress.update } : {}),
    });
    progress.stop();
    if (fresh)
      say(
        `Demo data: ${result.subscribers} subscribers, ${result.lines} lines, ${result.usageRecords} usage records`,
      );
    demoPhones = result.demoPhones;
  }
  const ctx = createAppContext(database.handle, {
    secret: await resolveSecret(config),
    demo: config.demo,
    timeZone: config.timeZone,
    log: logger,
    enrichment: config.enrichment,
    webauthn: config.webauthn,
    ussdGateway: readUssdGatewayConfig(),
    channels: config.channels,
    acquirerSettings: config.acquirer,
  });
  if (!config.demo && !config.channels.smppUrl) logger.warn('no SMPP_URL: SMS stay queued in the outbox');
  if (!config.demo && !config.channels.smtpUrl) logger.warn('no SMTP_URL: emails stay queued in the outbox');
  // CHAN-04: SMS the subscribers send to short numbers (SMPP deliver_sm) run the SMS commands.
  subscribeSmsCommands(ctx, logger);
  const { outbox } = ctx;
  outbox.start();
  // RATE-03/04, PLAN-06/07: fees, renewals, balance and inactivity rules run in process too (`kabinet worker`
  // runs the same jobs alone); several processes share them safely.
  const charging = new ChargingWorker({
    db,
    timeZone: config.timeZone,
    log: logger,
    after: (now) =>
      runMoneyJobs({ db, acquirer: ctx.acquirer, now, timeZone: config.timeZone, outbox: ctx.outbox }),
  });
  charging.start();
  const app = await buildApp({
    ctx,
    logger: { level: config.logLevel },
    trustProxy: config.trustProxy,
    webDist: config.webDist,
    demoPhones: async () => demoPhones,
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal}: stopping Kabinet …`);
    await app.close();
    await charging.stop();
    await outbox.stop();
    await database.close();
    say('Stopped.');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGHUP', () => void stop('SIGHUP'));

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  say('');
  say(`  Kabinet is running:  http://${host}:${port}/`);
  say(`  API docs:            http://${host}:${port}/api/docs`);
  if (config.demo) {
    say(
      `  Demo login:          ${formatPhone(DEMO_LOGIN)} — the SMS code arrives in the virtual phone beside the cabinet`,
    );
  }
  say('  Press Ctrl-C to stop.');
  say('');
}
