import type { Db } from '@kabinet/db';
import { Command } from 'commander';
import { vi } from 'vitest';
import type { CommandDatabase } from '../charging/charging-cli.ts';
import { TEST_SECRET } from './harness.ts';

/**
 * Runs `kabinet <args>` with the commands `register` adds, against `db`: what it printed, what it complained of,
 * and its exit code (process.exitCode, reset afterwards).
 */
export async function runKabinet(
  register: (program: Command, open: () => Promise<CommandDatabase>) => void,
  db: Db,
  ...args: string[]
): Promise<{ out: string[]; err: string[]; code: number }> {
  const program = new Command().exitOverride();
  register(program, async () => ({
    db,
    timeZone: 'Europe/Moscow',
    secret: TEST_SECRET,
    close: async () => {},
  }));
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
  const error = vi.spyOn(console, 'error').mockImplementation((line: string) => void err.push(line));
  process.exitCode = undefined;
  try {
    await program.parseAsync(['node', 'kabinet', ...args]);
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { out, err, code };
}
