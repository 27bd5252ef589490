import type { Db } from '@kabinet/db';
import { SESSION_IDLE_MS } from '../auth/sessions.ts';
import { deviceName } from './device-name.ts';

/** ACCESS-11: the live sessions of a login (not revoked, not expired, not idle), newest first. */
export async function listSessions(db: Db, input: { loginId: string; currentSessionId: string; now: Date }) {
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'method', 'access', 'persistent', 'created_at', 'last_seen_at', 'ip', 'user_agent'])
    .where('login_id', '=', input.loginId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', input.now)
    .where('last_seen_at', '>', new Date(input.now.getTime() - SESSION_IDLE_MS))
    .orderBy('created_at', 'desc')
    .execute();
  return {
    sessions: rows.map((s) => ({
      id: s.id,
      current: s.id === input.currentSessionId,
      method: s.method,
      access: s.access,
      persistent: s.persistent,
      createdAt: s.created_at.toISOString(),
      lastSeenAt: s.last_seen_at.toISOString(),
      ip: s.ip,
      device: deviceName(s.user_agent),
    })),
  };
}

/** Whether `sessionId` is a live (not revoked) session of the login: others' sessions are "not found". */
export async function isOwnLiveSession(db: Db, loginId: string, sessionId: string): Promise<boolean> {
  const row = await db
    .selectFrom('sessions')
    .select('id')
    .where('id', '=', sessionId)
    .where('login_id', '=', loginId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}
