import type { Db } from '@kabinet/db';
import type { Command } from 'commander';
import pino from 'pino';
import { type AcquirerSettings, createJobAcquirer } from '../acquirer/create-acquirer.ts';
import { runMoneyJobs } from '../money-jobs/run-money-jobs.ts';
import { ChargingWorker } from './charging-worker.ts';
import { restoreClosedLine } from './inactivity-job.ts';
import { runChargingPass } from './run-charging.ts';

/** An opened database for a command, with the operator time zone. */
export interface CommandDatabase {
  db: Db;
  timeZone: string;
  /** The server secret (HMACs of codes, the acquirer's webhook key). */
  secret: string;
  /** The configured card acquirer (`KABINET_ACQUIRER`), for the money jobs. */
  acquirer?: AcquirerSettings;
  close(): Promise<void>;
}

/**
 * `kabinet worker`: runs the charging jobs (docs/jobs.md) until stopped; `--once` runs one pass and prints what it
 * did (for an external scheduler). Any number of workers may run beside `kabinet serve`.
 */
export function registerWorkerCommand(program: Command, open: () => Promise<CommandDatabase>): void {
  program
    .command('worker')
    .description(
      'Run the periodic jobs: fees, package renewals, balance and inactivity rules, money jobs (docs/jobs.md)',
    )
    .option('--once', 'run one pass, print its summary and exit')
    .option('--interval <seconds>', 'seconds between passes', (v) => Number.parseInt(v, 10), 60)
    .action(async (opts: { once?: boolean; interval: number }) => {
      const database = await open();
      if (opts.once) {
        try {
          const now = new Date();
          const summary = await runChargingPass(database.db, { now, timeZone: database.timeZone });
          const money = await runMoneyJobs({
            db: database.db,
            acquirer: createJobAcquirer(database.db, database.secret, database.acquirer),
            now,
            timeZone: database.timeZone,
          });
          console.log(JSON.stringify({ ...summary, money }));
        } finally {
          await database.close();
        }
        return;
      }
      // Messages the money jobs write wait for `kabinet serve`'s outbox (this process has no transports).
      const acquirer = createJobAcquirer(database.db, database.secret, database.acquirer);
      const worker = new ChargingWorker({
        db: database.db,
        timeZone: database.timeZone,
        intervalMs: opts.interval * 1000,
        log: pino(),
        after: (now) => runMoneyJobs({ db: database.db, acquirer, now, timeZone: database.timeZone }),
      });
      worker.start();
      console.log(`Charging worker running every ${opts.interval} s. Press Ctrl-C to stop.`);
      const stop = async () => {
        await worker.stop();
        await database.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });
}

/** `kabinet line restore <lineId>`: an office restores a line closed for inactivity within its restore window. */
export function registerRestoreCommand(program: Command, open: () => Promise<CommandDatabase>): void {
  const line =
    program.commands.find((c) => c.name() === 'line') ??
    program.command('line').description('Line operations');
  line
    .command('restore')
    .description(
      'Restore a line closed for inactivity (PLAN-07), within the restore window (exit 1 when not)',
    )
    .argument('<lineId>', 'the line id (line_…)')
    .action(async (lineId: string) => {
      const database = await open();
      try {
        const restored = await restoreClosedLine(database.db, lineId, new Date());
        console.log(
          restored ? `restored ${lineId}` : `${lineId} is not a line closed for inactivity within its window`,
        );
        process.exitCode = restored ? 0 : 1;
      } finally {
        await database.close();
      }
    });
}
