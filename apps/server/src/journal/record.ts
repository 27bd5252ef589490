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
export async function recordJournal(trx: Db, entry: JournalEntry): Promise<void> {
  await trx
    .insertInto('journal')
    .values({
      actor_kind: entry.actorKind,
      actor_id: entry.actorId ?? null,
      channel: entry.channel,
      line_id: entry.lineId ?? null,
      login_id: entry.loginId ?? null,
      action: entry.action,
      outcome: entry.outcome ?? 'ok',
      details: JSON.stringify(entry.details ?? {}),
      ip: entry.ip ?? null,
    })
    .execute();
}
