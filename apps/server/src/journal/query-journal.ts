import { startOfDay, startOfNextDay } from '@kabinet/core';
import type { Db, JournalChannel } from '@kabinet/db';
import { sql } from 'kysely';

export interface JournalFilter {
  lineId: string;
  from?: string | undefined;
  to?: string | undefined;
  channel?: JournalChannel | undefined;
  action?: string | undefined;
  outcome?: 'ok' | 'failed' | 'denied' | undefined;
  limit: number;
  before?: string | undefined;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A bare date names a day in the operator's time zone: `from` is its start, `to` the start of the next day (so
 * `to=2026-11-23` includes the whole 23rd). Parsed at noon UTC first, so the zone shift cannot move the day.
 */
function instant(value: string, edge: 'from' | 'to', timeZone: string): Date {
  if (!DATE_ONLY.test(value)) return new Date(value);
  const noon = new Date(`${value}T12:00:00Z`);
  return edge === 'from' ? startOfDay(noon, timeZone) : startOfNextDay(noon, timeZone);
}

/**
 * ACCESS-12: one page of a line's journal, newest first by time, by keyset on (time, id) — stable under inserts,
 * and right for entries written out of time order (imports, the demo history). The
 * line's own entries plus the login-level entries (no line) of the logins that hold it now.
 */
export async function queryJournal(db: Db, filter: JournalFilter, timeZone: string) {
  let query = db
    .selectFrom('journal as j')
    .leftJoin('logins as actor', (join) =>
      join.onRef('actor.id', '=', 'j.actor_id').on('j.actor_kind', '=', 'subscriber'),
    )
    .select([
      'j.id',
      'j.at',
      'j.channel',
      'j.actor_kind',
      'actor.display_name as actor_name',
      'j.action',
      'j.outcome',
      'j.details',
    ])
    .where((eb) =>
      eb.or([
        eb('j.line_id', '=', filter.lineId),
        eb.and([
          eb('j.line_id', 'is', null),
          eb(
            'j.login_id',
            'in',
            eb
              .selectFrom('grants')
              .select('login_id')
              .where('line_id', '=', filter.lineId)
              .where('revoked_at', 'is', null),
          ),
        ]),
      ]),
    );
  if (filter.from) query = query.where('j.at', '>=', instant(filter.from, 'from', timeZone));
  if (filter.to) query = query.where('j.at', '<', instant(filter.to, 'to', timeZone));
  if (filter.channel) query = query.where('j.channel', '=', filter.channel);
  if (filter.outcome) query = query.where('j.outcome', '=', filter.outcome);
  if (filter.action) {
    const prefixes = filter.action.split(',');
    query = query.where((eb) => eb.or(prefixes.map((p) => sql<boolean>`starts_with(j.action, ${p})`)));
  }
  if (filter.before) {
    // The cursor is the last entry's id; its time is read back at full (microsecond) precision, which a
    // millisecond ISO string in the cursor would lose, skipping entries of the same millisecond.
    const before = filter.before;
    query = query.where(
      sql<boolean>`(j.at, j.id) < ((SELECT at FROM journal WHERE id = ${before}::bigint), ${before}::bigint)`,
    );
  }
  const rows = await query
    .orderBy('j.at', 'desc')
    .orderBy('j.id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  const last = rows.length > filter.limit ? rows[filter.limit - 1] : undefined;
  const page = rows.slice(0, filter.limit);
  return {
    entries: page.map((r) => ({
      id: String(r.id),
      at: r.at.toISOString(),
      channel: r.channel,
      actor: { kind: r.actor_kind, name: r.actor_name },
      action: r.action,
      outcome: r.outcome,
      details: r.details,
    })),
    nextBefore: last ? String(last.id) : null,
  };
}
