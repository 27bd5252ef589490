import { MoneyError, parseRubles, VOUCHER_RULES } from '@kabinet/core';
import type { Command } from 'commander';
import type { CommandDatabase } from '../charging/charging-cli.ts';
import { issueVouchers } from './issue-vouchers.ts';

/**
 * `kabinet vouchers issue --count N --amount <rubles> [--batch name]` (PAY-03): issues a batch and prints each
 * serial and code once, as CSV for the card printer. The codes are not stored and cannot be printed again.
 */
export function registerVoucherCommands(program: Command, open: () => Promise<CommandDatabase>): void {
  const vouchers = program.command('vouchers').description('Prepaid voucher cards (PAY-03)');
  vouchers
    .command('issue')
    .description('Issue a batch of voucher codes and print them once (serial,code,amount,expires)')
    .requiredOption('--count <n>', `how many cards (1–${VOUCHER_RULES.maxBatchSize})`, (v) =>
      Number.parseInt(v, 10),
    )
    .requiredOption('--amount <rubles>', 'nominal of each card in roubles, e.g. 500')
    .option(
      '--batch <name>',
      'batch name printed on the cards',
      `batch-${new Date().toISOString().slice(0, 10)}`,
    )
    .action(async (opts: { count: number; amount: string; batch: string }) => {
      let amount: bigint;
      try {
        amount = parseRubles(opts.amount);
      } catch (error) {
        if (!(error instanceof MoneyError)) throw error;
        console.error(`--amount: not an amount of roubles: ${opts.amount}`);
        process.exitCode = 1;
        return;
      }
      const database = await open();
      try {
        const issued = await issueVouchers(database.db, database.secret, {
          count: opts.count,
          amount,
          batch: opts.batch,
          now: new Date(),
        });
        console.log('serial,code,amount_rub,expires_at');
        for (const v of issued) {
          console.log(
            `${v.serial},${v.code},${v.amount / 100n}.${String(v.amount % 100n).padStart(2, '0')},${v.expiresAt.toISOString()}`,
          );
        }
        console.error(
          `Issued ${issued.length} vouchers in batch "${opts.batch}". Only their HMACs are stored.`,
        );
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        console.error(error.message);
        process.exitCode = 1;
      } finally {
        await database.close();
      }
    });
}
