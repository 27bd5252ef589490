import type { Db } from '@kabinet/db';

/** A blacklist entry as stored. */
export interface BlacklistRow {
  id: string;
  number: string;
  label: string | null;
  created_at: Date;
}

/** The blacklist of a line, newest first. */
export async function loadBlacklist(db: Db, lineId: string): Promise<BlacklistRow[]> {
  return db
    .selectFrom('line_blacklist')
    .select(['id', 'number', 'label', 'created_at'])
    .where('line_id', '=', lineId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** SVC-07: a blacklist entry as the API shows it. */
export function presentEntry(row: BlacklistRow) {
  return { id: row.id, number: row.number, label: row.label, createdAt: row.created_at.toISOString() };
}
