/**
 * Runs a simulation against a database: picks the first N active mobile lines (by id, so a seed gives the same
 * run on the same data), travels to the catalog's roaming zones, and feeds each day's records through
 * `ingestUsage` (the real rating path) or writes them as CSV for `kabinet usage import`.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { addDays, startOfDay } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { ingestUsage } from '../rating/ingest.ts';
import { CSV_HEADER, csvRow, simulateUsage } from './generate-usage.ts';

export interface SimulationRun {
  lines: number;
  days: number;
  seed: number;
  timeZone: string;
  now: Date;
  /** First day; default `days` days before today. */
  from?: Date;
  /** Write CSV here instead of rating. */
  out?: string;
  /** Records per ingest call. */
  batchSize?: number;
  onProgress?: (day: number, days: number, records: number) => void;
}

export interface SimulationResult {
  lines: number;
  records: number;
  accepted: number;
  duplicated: number;
  rejected: number;
}

/** Simulates and rates (or writes) the usage; returns the totals. */
export async function runSimulation(db: Db, run: SimulationRun): Promise<SimulationResult> {
  const rows = await db
    .selectFrom('lines')
    .select('msisdn')
    .where('status', '=', 'active')
    .where('kind', '=', 'mobile')
    .where('msisdn', 'is not', null)
    .orderBy('id')
    .limit(run.lines)
    .execute();
  const msisdns = rows.map((r) => r.msisdn ?? '');
  const zones = (
    await db
      .selectFrom('roaming_zones')
      .select('code')
      .where('archived_at', 'is', null)
      .orderBy('code')
      .execute()
  ).map((z) => z.code);
  const from = run.from ?? addDays(startOfDay(run.now, run.timeZone), -run.days, run.timeZone);
  const result: SimulationResult = {
    lines: msisdns.length,
    records: 0,
    accepted: 0,
    duplicated: 0,
    rejected: 0,
  };
  const file = run.out ? createWriteStream(run.out) : null;
  const write = async (text: string) => {
    if (file && !file.write(text)) await once(file, 'drain');
  };
  await write(`${CSV_HEADER}\n`);
  let day = 0;
  for (const records of simulateUsage({
    msisdns,
    from,
    days: run.days,
    seed: run.seed,
    timeZone: run.timeZone,
    zones,
  })) {
    result.records += records.length;
    if (file) {
      for (const r of records) await write(`${csvRow(r)}\n`);
    } else {
      const size = run.batchSize ?? 10_000;
      for (let i = 0; i < records.length; i += size) {
        const summary = await ingestUsage(db, records.slice(i, i + size), { now: () => run.now });
        result.accepted += summary.accepted;
        result.duplicated += summary.duplicated;
        result.rejected += summary.rejected.length;
      }
    }
    day += 1;
    run.onProgress?.(day, run.days, result.records);
  }
  if (file) {
    file.end();
    await once(file, 'finish');
  }
  return result;
}
