import type { AccessLevel } from '@kabinet/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../http/context.ts';
import { CSRF_COOKIE, issueCsrfToken } from '../http/csrf.ts';
import { recordJournal } from '../journal/record.ts';
import { loadMe } from './me.ts';
import { sessionCookieName } from './principal.ts';
import { createSession, SESSION_ABSOLUTE_MS } from './sessions.ts';

/** How a session was opened; shown in the sessions list and the journal. */
export type LoginMethod = 'sms_code' | 'password' | 'passkey' | 'phone_confirm' | 'enrichment';

export interface CompletedLogin {
  loginId: string;
  /** The line the login was made for (journaled against it); null when none in particular. */
  lineId: string | null;
  method: LoginMethod;
  access: AccessLevel;
  rememberDevice: boolean;
}

/**
 * The one way every login method ends: a new session (a fresh token — never a pre-login one), its httpOnly cookie,
 * a fresh CSRF token, the journal entry, and the `Me` answer. Login alerts (ACCESS-11) hook in here too.
 */
export async function completeLogin(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  login: CompletedLogin,
) {
  const now = ctx.now();
  const session = await createSession(ctx.db, {
    loginId: login.loginId,
    access: login.access,
    method: login.method,
    persistent: login.rememberDevice,
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
    now,
  });
  await recordJournal(ctx.db, {
    actorKind: 'subscriber',
    actorId: login.loginId,
    channel: 'web',
    lineId: login.lineId,
    loginId: login.loginId,
    action: 'auth.login',
    details: {
      method: login.method,
      access: login.access,
      sessionId: session.id,
      rememberDevice: login.rememberDevice,
    },
    ip: request.ip,
  });
  reply.setCookie(sessionCookieName(ctx), session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.secureCookies,
    // "Someone else's computer": no Max-Age, so the browser forgets the cookie when it closes.
    ...(login.rememberDevice ? { maxAge: SESSION_ABSOLUTE_MS / 1000 } : {}),
  });
  // A new CSRF token with the new session, so a token seen before login is worthless after it.
  reply.setCookie(CSRF_COOKIE, issueCsrfToken(ctx.secret), {
    path: '/',
    sameSite: 'strict',
    secure: ctx.secureCookies,
    httpOnly: false,
  });
  return loadMe(ctx.db, login.loginId, now);
}
