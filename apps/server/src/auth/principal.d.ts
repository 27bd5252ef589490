import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../http/context.ts';
import type { SessionPrincipal } from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The logged-in principal, or null; resolved once per request from the session cookie. */
    principal: SessionPrincipal | null;
  }
}
export declare function sessionCookieName(ctx: Pick<AppContext, 'secureCookies'>): string;
/** Resolves the session cookie of every /api request into `request.principal`. */
export declare function installPrincipal(app: FastifyInstance, ctx: AppContext): void;
/** The principal of a request that requires one; 401 otherwise. */
export declare function requirePrincipal(request: FastifyRequest): SessionPrincipal;
