import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../http/context.ts';
import { AppError, problems } from '../http/problem.ts';
import { recordJournal } from '../journal/record.ts';
import type { SessionPrincipal } from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The logged-in principal, or null; resolved once per request from the session cookie. */
    principal: SessionPrincipal | null;
  }
}

export function sessionCookieName(ctx: Pick<AppContext, 'secureCookies'>): string {
  return ctx.secureCookies ? '__Host-kabinet_sid' : 'kabinet_sid';
}

/**
 * Resolves the session cookie of every /api request into `request.principal`, and journals every refused
 * authorisation of a logged-in principal (ASVS 16.3.2): a 403, or a 404 from a matched route (someone else's
 * line, session or passkey). The entry names the login, not the target line: the target's owner must not learn
 * who tried, and an id that does not exist cannot be referenced.
 */
export function installPrincipal(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('principal', null);
  const cookieName = sessionCookieName(ctx);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[cookieName];
    if (token && request.url.startsWith('/api/'))
      request.principal = await ctx.sessions.resolve(token, ctx.now());
  });
  app.addHook('onError', async (request, _reply, error) => {
    const principal = request.principal;
    if (!principal || !(error instanceof AppError)) return;
    if (error.status !== 403 && !(error.status === 404 && error.code === 'not_found')) return;
    await recordJournal(ctx.db, {
      actorKind: 'subscriber',
      actorId: principal.loginId,
      loginId: principal.loginId,
      channel: 'web',
      action: 'access.denied',
      outcome: 'denied',
      details: {
        method: request.method,
        route: request.routeOptions.url ?? null,
        params: request.params ?? {},
        code: error.code,
        sessionAccess: principal.access,
      },
      ip: request.ip,
    }).catch((err: unknown) => request.log.error({ err }, 'could not journal a refusal'));
  });
}

/** The principal of a request that requires one; 401 otherwise. */
export function requirePrincipal(request: FastifyRequest): SessionPrincipal {
  if (!request.principal) throw problems.unauthenticated();
  return request.principal;
}

/**
 * ACCESS-09: the principal of a request that needs a full-access session; 401 without a session, 403 `forbidden`
 * for a partial one (an automatic login the owner limited).
 *
 * What partial sessions may use (everything else calls this, or `assertLineAccess(…, 'full')` for a line):
 * `GET /me`, `POST /auth/logout`, `GET /lines/{lineId}/dashboard`, and (later) top-ups and the list of connected
 * services. They may not use: the journal, `/security*` (settings, sessions, passkeys), password change and
 * step-up codes, and (later) tariff/option changes and detalization.
 */
export function requireFullAccess(request: FastifyRequest): SessionPrincipal {
  const principal = requirePrincipal(request);
  if (principal.access !== 'full') throw problems.fullAccessNeeded();
  return principal;
}
