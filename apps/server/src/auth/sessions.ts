import { newId } from '@kabinet/core';
import type { AccessLevel, Db, SessionsTable } from '@kabinet/db';
import type pg from 'pg';
import { newToken, sha256 } from './secrets.ts';

/** NIST AAL2 defaults: 30 minutes idle, 12 hours absolute. */
export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;
/** last_seen_at is written at most this often, so a busy client does not turn every read into a write. */
const TOUCH_EVERY_MS = 60_000;

export interface SessionPrincipal {
  sessionId: string;
  loginId: string;
  access: AccessLevel;
}

export interface NewSession {
  loginId: string;
  access: AccessLevel;
  method: string;
  persistent: boolean;
  ip: string | null;
  userAgent: string | null;
  now: Date;
}

/** Creates a session and returns its token (shown once, to the cookie) and expiry. */
export async function createSession(db: Db, input: NewSession) {
  const token = newToken();
  const id = newId('session', input.now);
  const expiresAt = new Date(input.now.getTime() + SESSION_ABSOLUTE_MS);
  await db
    .insertInto('sessions')
    .values({
      id,
      token_hash: sha256(token),
      login_id: input.loginId,
      access: input.access,
      method: input.method,
      persistent: input.persistent,
      created_at: input.now,
      last_seen_at: input.now,
      expires_at: expiresAt,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 400) ?? null,
    })
    .execute();
  return { id, token, expiresAt };
}

/** Finds the live session for a cookie token: not revoked, not past its absolute or idle expiry. */
export async function resolveSession(
  db: Db,
  pool: pg.Pool,
  token: string,
  now: Date,
): Promise<SessionPrincipal | null> {
  if (token.length < 20 || token.length > 100) return null;
  // Read on every authenticated request: a named prepared statement, planned once per connection.
  const { rows } = await pool.query<
    Pick<SessionsTable, 'id' | 'login_id' | 'access' | 'revoked_at'> & {
      last_seen_at: Date;
      expires_at: Date;
    }
  >({
    name: 'sessions.resolve.v1',
    text: 'SELECT id, login_id, access, last_seen_at, expires_at, revoked_at FROM sessions WHERE token_hash = $1',
    values: [sha256(token)],
  });
  const row = rows[0];
  if (!row || row.revoked_at) return null;
  if (row.expires_at.getTime() <= now.getTime()) return null;
  if (now.getTime() - row.last_seen_at.getTime() > SESSION_IDLE_MS) return null;
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', row.id).execute();
  }
  return { sessionId: row.id, loginId: row.login_id, access: row.access };
}

export async function revokeSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}
