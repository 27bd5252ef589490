import type { ActorKind, Db, JournalChannel, NewJournalEntry } from '@kabinet/db';

export interface JournalEntry {
  actorKind: ActorKind;
  actorId?: string | null;
  channel: JournalChannel;
  lineId?: string | null;
  loginId?: string | null;
  /** Dotted verb, e.g. `auth.login`, `auth.code_sent`, `tariff.changed`. */
  action: string;
  outcome?: 'ok' | 'failed' | 'denied';
  /** Never secrets: no codes, passwords or tokens. */
  details?: Record<string, unknown>;
  ip?: string | null;
}

/** Appends to the operations journal (ACCESS-12), in the caller's transaction. */
export async function recordJournal(trx: Db, entry: JournalEntry): Promise<void> {
  await journalInsert(trx, entry).execute();
}

/** The journal insert of `recordJournal`, not yet run: for writing it in one statement with others. */
export function journalInsert(db: Db, entry: JournalEntry) {
  return db.insertInto('journal').values(journalInsertValues(entry));
}

/**
 * The column values of the journal row `recordJournal` writes for `entry`: for a write that goes with others in
 * one statement under a condition (an idempotent command's, see `insertIfFresh` in http/idempotency.ts).
 */
export function journalInsertValues(entry: JournalEntry): NewJournalEntry {
  return {
    actor_kind: entry.actorKind,
    actor_id: entry.actorId ?? null,
    channel: entry.channel,
    line_id: entry.lineId ?? null,
    login_id: entry.loginId ?? null,
    action: entry.action,
    outcome: entry.outcome ?? 'ok',
    details: JSON.stringify(entry.details ?? {}),
    ip: entry.ip ?? null,
  };
}
