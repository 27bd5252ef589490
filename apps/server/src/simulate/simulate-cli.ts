import type { Command } from 'commander';
import type { CommandDatabase } from '../charging/charging-cli.ts';
import { progressReporter } from '../runtime/progress.ts';
import { runSimulation } from './run-simulation.ts';

const int = (v: string) => Number.parseInt(v, 10);

/** `kabinet simulate --lines N --days D --seed S [--out file.csv]`. */
export function registerSimulateCommand(program: Command, open: () => Promise<CommandDatabase>): void {
  program
    .command('simulate')
    .description('Generate realistic usage for the first N active lines and rate it (or write it as CSV)')
    .option('--lines <n>', 'number of lines', int, 100)
    .option('--days <n>', 'days of usage, ending today', int, 7)
    .option('--seed <n>', 'seed: the same seed gives the same records', int, 1)
    .option('--out <file>', 'write CSV (docs/usage-format.md) instead of rating')
    .action(async (opts: { lines: number; days: number; seed: number; out?: string }) => {
      const database = await open();
      const progress = progressReporter('Simulating usage');
      try {
        const result = await runSimulation(database.db, {
          lines: opts.lines,
          days: opts.days,
          seed: opts.seed,
          timeZone: database.timeZone,
          now: new Date(),
          ...(opts.out ? { out: opts.out } : {}),
          onProgress: (day, days, records) => progress.update(day, days, `${records} records`),
        });
        progress.stop();
        console.log(JSON.stringify(result));
      } finally {
        await database.close();
      }
    });
}
