import type { AccessLevel, Db } from '@kabinet/db';
/** NIST AAL2 defaults: 30 minutes idle, 12 hours absolute. */
export declare const SESSION_IDLE_MS: number;
export declare const SESSION_ABSOLUTE_MS: number;
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
export declare function createSession(
  db: Db,
  input: NewSession,
): Promise<{
  id: string;
  token: string;
  expiresAt: Date;
}>;
