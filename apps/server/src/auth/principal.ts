import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../http/context.ts';
import { problems } from '../http/problem.ts';
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

/** Resolves the session cookie of every /api request into `request.principal`. */
export function installPrincipal(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('principal', null);
  const cookieName = sessionCookieName(ctx);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[cookieName];
    if (token && request.url.startsWith('/api/'))
      request.principal = await ctx.sessions.resolve(token, ctx.now());
  });
}

/** The principal of a request that requires one; 401 otherwise. */
export function requirePrincipal(request: FastifyRequest): SessionPrincipal {
  if (!request.principal) throw problems.unauthenticated();
  return request.principal;
}
