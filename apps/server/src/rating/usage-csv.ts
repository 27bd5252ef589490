/**
 * The usage CSV format (docs/usage-format.md): a header row naming the columns, then one network record per row.
 * This turns one row into a UsageInput, or into the reason it cannot be one; the ingestion checks the rest.
 */
import type { UsageInput, UsageKind } from './ingest.ts';

export const CSV_COLUMNS = [
  'record_id',
  'msisdn',
  'started_at',
  'kind',
  'other_party',
  'duration_sec',
  'bytes',
  'zone',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED: readonly CsvColumn[] = ['record_id', 'msisdn', 'started_at', 'kind'];

/** ISO 8601 with an explicit offset: a time without one means nothing across time zones, so it is refused. */
const INSTANT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:?\d{2})$/;
const WHOLE = /^\d{1,15}$/;

export type ColumnIndex = Partial<Record<CsvColumn, number>>;

/** Where each known column is in the header; an error naming the missing columns otherwise. Unknown ones are ignored. */
export function readHeader(header: readonly string[]): ColumnIndex | string {
  const index: ColumnIndex = {};
  header.forEach((name, i) => {
    const column = name.trim().toLowerCase() as CsvColumn;
    if ((CSV_COLUMNS as readonly string[]).includes(column) && index[column] === undefined) index[column] = i;
  });
  const missing = REQUIRED.filter((c) => index[c] === undefined);
  return missing.length > 0 ? `bad_header: missing column(s) ${missing.join(', ')}` : index;
}

function field(row: readonly string[], index: ColumnIndex, column: CsvColumn): string | undefined {
  const i = index[column];
  const value = i === undefined ? undefined : row[i]?.trim();
  return value === '' ? undefined : value;
}

function whole(value: string | undefined, column: string): number | undefined | string {
  if (value === undefined) return undefined;
  return WHOLE.test(value)
    ? Number(value)
    : `bad_${column}: ${column} must be a whole number, got "${value.slice(0, 20)}"`;
}

/** One data row → a record, or the reason (starting with a stable code) it is malformed. */
export function parseUsageRow(
  row: readonly string[],
  index: ColumnIndex,
  width: number,
): UsageInput | string {
  if (row.length !== width) return `bad_columns: expected ${width} columns, found ${row.length}`;
  const recordId = field(row, index, 'record_id');
  const msisdn = field(row, index, 'msisdn');
  const startedAt = field(row, index, 'started_at');
  const kind = field(row, index, 'kind');
  if (!recordId) return 'bad_record_id: record_id is empty';
  if (!msisdn) return 'bad_number: msisdn is empty';
  if (!startedAt || !INSTANT.test(startedAt)) {
    return 'bad_time: started_at must be ISO 8601 with an offset, e.g. 2026-03-01T10:15:00+03:00';
  }
  const duration = whole(field(row, index, 'duration_sec'), 'duration');
  if (typeof duration === 'string') return duration;
  const bytes = whole(field(row, index, 'bytes'), 'bytes');
  if (typeof bytes === 'string') return bytes;
  return {
    recordId,
    msisdn,
    startedAt: new Date(startedAt.replace(' ', 'T')),
    kind: (kind ?? '') as UsageKind,
    otherParty: field(row, index, 'other_party'),
    durationSec: duration,
    bytes,
    zone: field(row, index, 'zone'),
  };
}

/** A record as a CSV row in CSV_COLUMNS order (for tests, the simulator and exports). */
export function toCsvRow(u: UsageInput): string {
  return [
    u.recordId,
    u.msisdn,
    u.startedAt.toISOString(),
    u.kind,
    u.otherParty ?? '',
    u.durationSec ?? '',
    u.bytes ?? '',
    u.zone ?? '',
  ].join(',');
}
