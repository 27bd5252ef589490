import { isNotificationEvent, renderNotification } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { problems } from '../http/problem.ts';

const PAGE = 30;

/** How many notifications the login has not read yet (the bell's badge). */
export async function unreadCount(db: Db, loginId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('login_id', '=', loginId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * NOTIF-03: the login's notifications, newest first, rendered in the language asked for (they are stored as event
 * and parameters, so switching language translates the whole list). `before` pages by id (ids sort by time).
 */
export async function listNotifications(
  db: Db,
  input: { loginId: string; lang: 'ru' | 'en'; before?: string | undefined; limit?: number | undefined },
) {
  let query = db
    .selectFrom('notifications')
    .select(['id', 'line_id', 'event', 'params', 'created_at', 'read_at'])
    .where('login_id', '=', input.loginId);
  if (input.before) query = query.where('id', '<', input.before);
  const limit = input.limit ?? PAGE;
  const rows = await query
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit).flatMap((row) => {
    if (!isNotificationEvent(row.event)) return [];
    const text = renderNotification(row.event, row.params, input.lang);
    return [
      {
        id: row.id,
        event: row.event,
        lineId: row.line_id,
        title: text.title,
        body: text.body,
        createdAt: row.created_at.toISOString(),
        read: row.read_at !== null,
      },
    ];
  });
  return {
    items,
    unread: await unreadCount(db, input.loginId),
    nextBefore: rows.length > limit ? (items.at(-1)?.id ?? null) : null,
  };
}

/** Marks one of the login's notifications read; someone else's id is answered like a missing one (404). */
export async function markRead(db: Db, input: { loginId: string; id: string; now: Date }) {
  const row = await db
    .updateTable('notifications')
    .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(input.now)) }))
    .where('id', '=', input.id)
    .where('login_id', '=', input.loginId)
    .returning('id')
    .executeTakeFirst();
  if (!row) throw problems.notFound('notification');
  return { unread: await unreadCount(db, input.loginId) };
}

/** Marks everything read; returns how many were unread. */
export async function markAllRead(db: Db, input: { loginId: string; now: Date }) {
  const rows = await db
    .updateTable('notifications')
    .set({ read_at: input.now })
    .where('login_id', '=', input.loginId)
    .where('read_at', 'is', null)
    .returning('id')
    .execute();
  return { marked: rows.length, unread: 0 };
}
