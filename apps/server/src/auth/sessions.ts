import { newId } from '@kabinet/core';
import type { AccessLevel, Db } from '@kabinet/db';
import { newToken, sha256 } from './secrets.ts';

/** NIST AAL2 defaults: 30 minutes idle, 12 hours absolute. */
export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;

/** How a session was opened; shown in the sessions list, `Me.session` and the journal. */
export type LoginMethod = 'sms_code' | 'password' | 'passkey' | 'phone_confirm' | 'enrichment';

const LOGIN_METHODS: readonly string[] = ['sms_code', 'password', 'passkey', 'phone_confirm', 'enrichment'];

/** Narrows a `sessions.method` value read from the database (a text column) to a known method. */
export function isLoginMethod(value: string): value is LoginMethod {
  return LOGIN_METHODS.includes(value);
}

export interface SessionPrincipal {
  sessionId: string;
  loginId: string;
  access: AccessLevel;
  /** How the session was opened (policies such as the 10-minute first-password grace depend on it). */
  method: LoginMethod;
}

export interface NewSession {
  loginId: string;
  access: AccessLevel;
  method: LoginMethod;
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
