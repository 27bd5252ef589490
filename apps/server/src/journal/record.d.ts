import type { ActorKind, Db, JournalChannel } from '@kabinet/db';
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
export declare function recordJournal(trx: Db, entry: JournalEntry): Promise<void>;
