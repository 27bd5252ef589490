import { verifyLedger } from '@kabinet/db';
import { Command, Option } from 'commander';
import { registerBonusCommands } from './bonuses/bonus-rules-cli.ts';
import { verifyPoints } from './bonuses/points-ledger.ts';
import { checkCatalogCommand, loadCatalogCommand } from './catalog/catalog-cli.ts';
import { registerRestoreCommand, registerWorkerCommand } from './charging/charging-cli.ts';
import { ConfigError, loadConfig } from './config.ts';
import { seedDemo } from './demo/seed-demo.ts';
import { registerApiKeyCommand } from './rating/apikey-cli.ts';
import { registerImportCommand } from './rating/import-cli.ts';
import { defaultWebDist, openDatabase } from './runtime/database.ts';
import { progressReporter } from './runtime/progress.ts';
import { resolveSecret } from './runtime/secret.ts';
import { serve } from './runtime/serve.ts';
import { registerSimUnblockCommand } from './sim/unblock-cli.ts';
import { registerSimulateCommand } from './simulate/simulate-cli.ts';
import { registerConsumeCommand } from './usage-stream/usage-cli.ts';
import { registerVoucherCommands } from './vouchers/voucher-cli.ts';

/** Loads the configuration or exits with one line naming the bad variable. */
function configOrExit(defaults: { demo?: boolean } = {}) {
  try {
    return loadConfig(process.env, { ...defaults, webDist: defaultWebDist() });
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
}

const program = new Command('kabinet')
  .description('Kabinet: subscriber self-care portal and prepaid BSS')
  .showHelpAfterError();

program
  .command('serve')
  .description('Start the server (embedded PostgreSQL unless DATABASE_URL is set)')
  .addOption(new Option('--demo', 'demo mode: virtual phone and demo data (KABINET_DEMO overrides)'))
  .action(async (opts: { demo?: boolean }) => {
    await serve(configOrExit({ demo: opts.demo ?? false }));
  });

program
  .command('migrate')
  .description('Apply pending database migrations and exit')
  .action(async () => {
    const database = await openDatabase(configOrExit({ demo: true }), console.log);
    await database.close();
  });

program
  .command('seed')
  .description('Load data into the database')
  .requiredOption('--demo', 'the demo catalog and subscribers (idempotent: does nothing when present)')
  .option('--subscribers <n>', 'number of demo subscribers', (v) => Number.parseInt(v, 10))
  .action(async (opts: { subscribers?: number }) => {
    const config = configOrExit({ demo: true });
    const database = await openDatabase(config, console.log);
    const progress = progressReporter('Seeding demo data');
    try {
      const result = await seedDemo(database.handle.db, {
        timeZone: config.timeZone,
        onProgress: progress.update,
        ...(opts.subscribers ? { subscribers: opts.subscribers } : {}),
      });
      progress.stop();
      console.log(JSON.stringify(result));
    } finally {
      await database.close();
    }
  });

program
  .command('ledger')
  .description('Ledger tools')
  .command('verify')
  .description(
    'Prove every cached balance equals the sum of its transfers, and every points balance the sum of its entries (exit 1 when not)',
  )
  .option('--json', 'machine-readable output')
  .action(async (opts: { json?: boolean }) => {
    const database = await openDatabase(configOrExit({ demo: true }), opts.json ? () => {} : console.log);
    try {
      const result = await verifyLedger(database.handle.db);
      // BONUS-01: the points ledger is proven the same way (cached balance = sum of entries).
      const points = await verifyPoints(database.handle.db);
      const out = {
        accounts: result.accounts,
        mismatches: result.mismatches.length,
        total: String(result.total),
        pointsAccounts: points.accounts,
        pointsMismatches: points.mismatches.length,
      };
      console.log(
        opts.json
          ? JSON.stringify(out)
          : `accounts: ${out.accounts}\nmismatches: ${out.mismatches}\ntotal: ${out.total}\npoints accounts: ${out.pointsAccounts}\npoints mismatches: ${out.pointsMismatches}`,
      );
      const sound = result.mismatches.length === 0 && result.total === 0n && points.mismatches.length === 0;
      process.exitCode = sound ? 0 : 1;
    } finally {
      await database.close();
    }
  });

const catalog = program.command('catalog').description('The operator catalog file (docs/catalog.md)');

catalog
  .command('check')
  .description('Validate a catalog file and list every error with its line (exit 1 when invalid)')
  .argument('<file>', 'catalog file, format kabinet-catalog/1')
  .option('--json', 'machine-readable output')
  .action(async (file: string, opts: { json?: boolean }) => {
    process.exitCode = await checkCatalogCommand(file, opts);
  });

catalog
  .command('load')
  .description('Validate a catalog file, then load it in one transaction; items absent from it are archived')
  .argument('<file>', 'catalog file, format kabinet-catalog/1')
  .option('--json', 'machine-readable output')
  .action(async (file: string, opts: { json?: boolean }) => {
    process.exitCode = await loadCatalogCommand(file, opts, async () => {
      const database = await openDatabase(configOrExit({ demo: true }), opts.json ? () => {} : console.log);
      return { db: database.handle.db, close: database.close };
    });
  });

program
  .command('dev')
  .description('Development: the API in demo mode plus the Vite dev server with hot reload on PORT')
  .action(async () => {
    const config = configOrExit({ demo: true });
    const apiPort = config.port + 1;
    process.env.KABINET_API_PORT = String(apiPort);
    await serve({ ...config, port: apiPort, webDist: undefined });
    const { createServer } = await import('vite');
    const vite = await createServer({
      root: defaultWebDist().replace(/dist$/, ''),
      server: { port: config.port, host: config.host },
    });
    await vite.listen();
    vite.printUrls();
  });

/** Opens the configured database for the charging, usage-stream and simulate commands. */
async function commandDatabase() {
  const config = configOrExit({ demo: true });
  const database = await openDatabase(config, () => {});
  return {
    db: database.handle.db,
    timeZone: config.timeZone,
    secret: await resolveSecret(config),
    acquirer: config.acquirer,
    close: database.close,
  };
}
registerWorkerCommand(program, commandDatabase);
registerRestoreCommand(program, commandDatabase);
registerConsumeCommand(program, commandDatabase);
registerImportCommand(program, commandDatabase);
registerApiKeyCommand(program, commandDatabase);
registerSimulateCommand(program, commandDatabase);
registerSimUnblockCommand(program, commandDatabase);
registerVoucherCommands(program, commandDatabase);
registerBonusCommands(program, commandDatabase);

await program.parseAsync(process.argv);
