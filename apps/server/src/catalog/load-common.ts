/** Helpers shared by the loaders of coded items: change detection, counting, archiving. */
import type { Db } from '@kabinet/db';
import { type RawBuilder, sql } from 'kysely';
import type { ItemCounts } from './load-summary.ts';

export type CodedTable = 'tariffs' | 'options' | 'roaming_zones' | 'service_bans';

/**
 * `(t.a, t.b) IS DISTINCT FROM (excluded.a, excluded.b)`: the upsert's WHERE, so a row whose values did not
 * change is not rewritten — a second load of the same file changes nothing, not even a row version.
 */
export function changed(table: CodedTable, columns: readonly string[]): RawBuilder<boolean> {
  const current = sql.join(columns.map((c) => sql.ref(`${table}.${c}`)));
  const incoming = sql.join(columns.map((c) => sql.ref(`excluded.${c}`)));
  return sql<boolean>`(${current}) IS DISTINCT FROM (${incoming})`;
}

/** The codes present before the load. */
export async function codesOf(db: Db, table: CodedTable): Promise<Set<string>> {
  const { rows } = await sql<{ code: string }>`SELECT code FROM ${sql.table(table)}`.execute(db);
  return new Set(rows.map((r) => r.code));
}

/**
 * Archives the items of `table` that the file no longer lists. Never deleted: lines and history point at them.
 * An item already archived keeps its date, so reloading does not move it.
 */
export async function archiveAbsent(db: Db, table: CodedTable, codes: readonly string[], now: Date) {
  const { rows } = await sql<{ code: string }>`
    UPDATE ${sql.table(table)} SET archived_at = ${now}
    WHERE archived_at IS NULL AND code <> ALL(${[...codes]}::text[])
    RETURNING code`.execute(db);
  return rows.length;
}

/** Counts from the codes in the file, those there before, and those the upsert wrote. */
export function tally(
  file: readonly string[],
  before: Set<string>,
  written: readonly string[],
  archived: number,
) {
  const created = written.filter((c) => !before.has(c)).length;
  const updated = written.length - created;
  const counts: ItemCounts = {
    total: file.length,
    created,
    updated,
    unchanged: file.length - written.length,
    archived,
  };
  return counts;
}
