/** `kabinet usage import <file.csv>` (RATE-01): progress while it runs, a summary and the rejected lines at the end. */
import type { Command } from 'commander';
import type { CommandDatabase } from '../charging/charging-cli.ts';
import { progressReporter } from '../runtime/progress.ts';
import { usageCommand } from '../usage-stream/usage-cli.ts';
import { importUsageFile } from './import-file.ts';

/** Registers `usage import`. Exit code 0: every row accepted or duplicated; 2: some rows rejected; 1: failure. */
export function registerImportCommand(program: Command, open: () => Promise<CommandDatabase>): void {
  usageCommand(program)
    .command('import')
    .description('Rate a usage CSV file (docs/usage-format.md); safe to re-run: stored records are skipped')
    .argument('<file>', 'CSV file with a header row')
    .option('--batch <n>', 'records per rating transaction', (v) => Number.parseInt(v, 10))
    .option('--json', 'print the summary as JSON')
    .action(async (file: string, opts: { batch?: number; json?: boolean }) => {
      const database = await open();
      const progress = progressReporter(`Importing ${file}`);
      try {
        const summary = await importUsageFile(database.db, file, {
          ...(opts.batch && opts.batch > 0 ? { batchSize: opts.batch } : {}),
          onProgress: (read, total, s) =>
            progress.update(
              read,
              total,
              `${s.accepted} accepted, ${s.duplicated} duplicated, ${s.rejected} rejected`,
            ),
        });
        progress.stop();
        if (opts.json) console.log(JSON.stringify(summary));
        else {
          for (const e of summary.errors)
            console.error(`line ${e.line}${e.recordId ? ` (${e.recordId})` : ''}: ${e.reason}`);
          if (summary.rejected > summary.errors.length) {
            console.error(`… and ${summary.rejected - summary.errors.length} more rejected rows`);
          }
          console.log(
            `rows: ${summary.rows}\naccepted: ${summary.accepted}\nduplicated: ${summary.duplicated}\nrejected: ${summary.rejected}`,
          );
        }
        process.exitCode = summary.rejected > 0 ? 2 : 0;
      } finally {
        progress.stop();
        await database.close();
      }
    });
}
