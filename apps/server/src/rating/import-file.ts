/**
 * RATE-01 `kabinet usage import <file.csv>`: streams a file of any size through the CSV parser and rates it in
 * batches through ingestUsage, so memory stays flat whatever the size. Malformed rows (and rows the rating
 * rejects) are reported with their line number and reason; the rest is rated. Re-running a file — after a crash,
 * a kill, or on purpose — charges nothing twice: records already stored are counted as duplicated.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Db } from '@kabinet/db';
import { parse } from 'csv-parse';
import { INGEST_BATCH_SIZE, ingestUsage, type UsageInput } from './ingest.ts';
import { type ColumnIndex, parseUsageRow, readHeader } from './usage-csv.ts';

export interface ImportError {
  line: number;
  recordId?: string | undefined;
  reason: string;
}

export interface ImportSummary {
  rows: number;
  accepted: number;
  duplicated: number;
  rejected: number;
  /** The first `maxErrors` rejections, in line order within each batch. */
  errors: ImportError[];
}

export interface ImportOptions {
  batchSize?: number;
  now?: () => Date;
  /** Called after each committed batch with the bytes of the file read so far. */
  onProgress?: (bytesRead: number, totalBytes: number, summary: ImportSummary) => void;
  maxErrors?: number;
}

/** Imports a usage CSV file (docs/usage-format.md); throws only when the file cannot be read at all. */
export async function importUsageFile(
  db: Db,
  path: string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? INGEST_BATCH_SIZE;
  const maxErrors = options.maxErrors ?? 1000;
  const total = (await stat(path)).size;
  const summary: ImportSummary = { rows: 0, accepted: 0, duplicated: 0, rejected: 0, errors: [] };
  const reject = (e: ImportError) => {
    summary.rejected += 1;
    if (summary.errors.length < maxErrors) summary.errors.push(e);
  };
  const parser = createReadStream(path).pipe(
    parse({
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      bom: true,
    }),
  );
  // A broken quote cannot be resynchronised inside the row; the parser skips to the next record and says so.
  parser.on('skip', (err: Error & { lines?: number }) => {
    summary.rows += 1;
    reject({ line: err.lines ?? 0, reason: `bad_csv: ${err.message}` });
  });

  let index: ColumnIndex | null = null;
  let width = 0;
  let batch: UsageInput[] = [];
  let lines: number[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const result = await ingestUsage(db, batch, options.now ? { now: options.now } : {});
    summary.accepted += result.accepted;
    summary.duplicated += result.duplicated;
    for (const r of result.rejected)
      reject({ line: lines[r.index] ?? 0, recordId: r.recordId, reason: r.reason });
    batch = [];
    lines = [];
    options.onProgress?.(parser.info.bytes, total, summary);
  };

  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    const { record, info } = item;
    if (index === null) {
      const header = readHeader(record);
      if (typeof header === 'string') {
        reject({ line: info.lines, reason: header });
        parser.destroy();
        return summary;
      }
      index = header;
      width = record.length;
      continue;
    }
    summary.rows += 1;
    const parsed = parseUsageRow(record, index, width);
    if (typeof parsed === 'string') {
      reject({ line: info.lines, recordId: record[index.record_id ?? 0] || undefined, reason: parsed });
      continue;
    }
    batch.push(parsed);
    lines.push(info.lines);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  options.onProgress?.(total, total, summary);
  return summary;
}
