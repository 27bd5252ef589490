import type { AccessLevel } from '@kabinet/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../http/context.ts';
import { issueCsrfToken, setCsrfCookie } from '../http/csrf.ts';
import { recordJournal } from '../journal/record.ts';
import { queueLoginAlert } from './login-alert.ts';
import { loadMe } from './me.ts';
import { sessionCookieName } from './principal.ts';
import { createSession, type LoginMethod, SESSION_ABSOLUTE_MS } from './sessions.ts';

export type { LoginMethod } from './sessions.ts';

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
 * a fresh CSRF token, the journal entry, the login alert SMS (ACCESS-11) and the `Me` answer.
 */
export async function completeLogin(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  login: CompletedLogin,
) {
  const now = ctx.now();
  const userAgent = request.headers['user-agent'] ?? null;
  const session = await createSession(ctx.db, {
    loginId: login.loginId,
    access: login.access,
    method: login.method,
    persistent: login.rememberDevice,
    ip: request.ip,
    userAgent,
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
  const alerted = await queueLoginAlert(ctx.db, {
    loginId: login.loginId,
    method: login.method,
    userAgent,
    now,
    timeZone: ctx.timeZone,
  });
  if (alerted) void ctx.outbox.kick();
  reply.setCookie(sessionCookieName(ctx), session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.secureCookies,
    // "Someone else's computer": no Max-Age, so the browser forgets the cookie when it closes.
    ...(login.rememberDevice ? { maxAge: SESSION_ABSOLUTE_MS / 1000 } : {}),
  });
  // A new CSRF token with the new session, so a token seen before login is worthless after it.
  setCsrfCookie(reply, issueCsrfToken(ctx.secret), ctx.secureCookies);
  return loadMe(
    ctx.db,
    { sessionId: session.id, loginId: login.loginId, access: login.access, method: login.method },
    now,
  );
}
