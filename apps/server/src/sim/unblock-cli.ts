/** `kabinet sim-unblock show|set`: the operator's SVC-09 setting for unblocking lost SIMs (decisions/0011). */
import type { Command } from 'commander';
import type { CommandDatabase } from '../charging/charging-cli.ts';
import { loadUnblockSettings, saveUnblockSettings } from './unblock-settings.ts';

const int = (value: string) => Number(value);

/** Registers `sim-unblock show` and `sim-unblock set --mode … --attempts … --codes-per-day … --ttl …`. */
export function registerSimUnblockCommand(program: Command, open: () => Promise<CommandDatabase>): void {
  const command = program
    .command('sim-unblock')
    .description('How subscribers unblock a lost SIM: self-service by an SMS code, or office only (SVC-09)');
  command
    .command('show')
    .description('Print the current setting as JSON')
    .action(async () => {
      const database = await open();
      try {
        console.log(JSON.stringify(await loadUnblockSettings(database.db)));
      } finally {
        await database.close();
      }
    });
  command
    .command('set')
    .description('Change the setting; options not given stay')
    .option('--mode <mode>', 'self_service or office')
    .option('--ttl <seconds>', 'how long a code works, 60..3600', int)
    .option('--attempts <n>', 'wrong codes that burn a code, 1..10', int)
    .option('--codes-per-day <n>', 'codes one line may be sent a day, 1..20', int)
    .action(async (opts: { mode?: string; ttl?: number; attempts?: number; codesPerDay?: number }) => {
      const database = await open();
      try {
        const saved = await saveUnblockSettings(database.db, {
          ...(opts.mode !== undefined ? { mode: opts.mode } : {}),
          ...(opts.ttl !== undefined ? { codeTtlSeconds: opts.ttl } : {}),
          ...(opts.attempts !== undefined ? { maxAttempts: opts.attempts } : {}),
          ...(opts.codesPerDay !== undefined ? { codesPerDay: opts.codesPerDay } : {}),
        });
        console.log(JSON.stringify(saved));
      } catch (error) {
        console.error(error instanceof RangeError ? error.message : error);
        process.exitCode = 2;
      } finally {
        await database.close();
      }
    });
}
