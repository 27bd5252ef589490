/**
 * `kabinet catalog check <file>` and `kabinet catalog load <file>` (OPS-03). Both validate first; an invalid
 * file is rejected whole — `load` then never touches the database — and every error is printed, one per line,
 * as `file:line:column field: message`. Exit status: 0 done, 1 invalid file.
 */
import { userInfo } from 'node:os';
import type { Db } from '@kabinet/db';
import { recordJournal } from '../journal/record.ts';
import { type CatalogFileError, formatCatalogError, readCatalogFile } from './catalog-file.ts';
import { loadCatalog } from './load-catalog.ts';
import { formatSummary, type LoadSummary } from './load-summary.ts';

export interface CliOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

const standardStreams: CliOutput = { out: (l) => console.log(l), err: (l) => console.error(l) };

function printErrors(file: string, errors: CatalogFileError[], json: boolean, io: CliOutput): void {
  if (json) {
    io.out(JSON.stringify({ ok: false, file, errors }));
    return;
  }
  for (const e of errors) io.err(formatCatalogError(e));
  io.err(`${file}: ${errors.length} error(s); nothing was loaded.`);
}

/** Validates `file`; returns the exit status. */
export async function checkCatalogCommand(
  file: string,
  opts: { json?: boolean },
  io = standardStreams,
): Promise<number> {
  const result = await readCatalogFile(file);
  if (!result.ok) {
    printErrors(file, result.errors, opts.json ?? false, io);
    return 1;
  }
  const c = result.catalog;
  const counts = {
    tariffs: c.tariffs.length,
    options: c.options.length,
    roamingZones: c.roamingZones.length,
    bans: c.bans.length,
    priceChanges: [...c.tariffs, ...c.options].reduce((n, item) => n + item.priceChanges.length, 0),
  };
  io.out(
    opts.json
      ? JSON.stringify({ ok: true, file, counts })
      : `${file}: OK — ${counts.tariffs} tariffs, ${counts.options} options, ${counts.roamingZones} roaming zones, ` +
          `${counts.bans} bans, ${counts.priceChanges} price changes`,
  );
  return 0;
}

/**
 * Validates `file`, then loads it through `openDb` (opened only for a valid file) in one transaction with its
 * journal entry, and prints what changed. Returns the exit status.
 */
export async function loadCatalogCommand(
  file: string,
  opts: { json?: boolean },
  openDb: () => Promise<{ db: Db; close(): Promise<void> }>,
  io = standardStreams,
): Promise<number> {
  const result = await readCatalogFile(file);
  if (!result.ok) {
    printErrors(file, result.errors, opts.json ?? false, io);
    return 1;
  }
  const database = await openDb();
  let summary: LoadSummary;
  try {
    summary = await database.db.transaction().execute(async (trx) => {
      const loaded = (await loadCatalog(trx, result.catalog)).summary;
      // OPS-05: every console action is journaled — who loaded which file, and what it changed.
      await recordJournal(trx, {
        actorKind: 'admin',
        channel: 'console',
        action: 'catalog.loaded',
        details: { file, user: userInfo().username, summary: loaded },
      });
      return loaded;
    });
  } finally {
    await database.close();
  }
  io.out(opts.json ? JSON.stringify({ ok: true, file, summary }) : formatSummary(summary));
  return 0;
}
