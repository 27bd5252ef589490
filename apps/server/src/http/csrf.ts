import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hmac, sameDigest } from '../auth/secrets.ts';
import { problems } from './problem.ts';

export const CSRF_COOKIE = 'kabinet_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * `'machine'`: the route is called by a machine that authenticates without cookies (an integrator's API key,
     * the USSD gateway), so no browser can be tricked into it and the CSRF token does not apply. Such a route
     * must authenticate the caller itself.
     */
    caller?: 'machine';
  }
}

/**
 * Signed double-submit CSRF tokens: a random value and its HMAC, in a JS-readable SameSite=Strict cookie that the
 * client echoes in a header. The signature stops a sibling subdomain from planting a token of its own; the Origin
 * check refuses cross-site posts even from browsers that send the cookie.
 */
export function issueCsrfToken(secret: string): string {
  const value = randomBytes(18).toString('base64url');
  return `${value}.${hmac(secret, 'csrf', value).toString('base64url')}`;
}

export function isValidCsrfToken(secret: string, token: string): boolean {
  const [value, signature, rest] = token.split('.');
  if (!value || !signature || rest !== undefined) return false;
  return sameDigest(Buffer.from(signature, 'base64url'), hmac(secret, 'csrf', value));
}

/** Sets the JS-readable CSRF cookie (SameSite=Strict; Secure when served over TLS). */
export function setCsrfCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(CSRF_COOKIE, token, { path: '/', sameSite: 'strict', secure, httpOnly: false });
}

/** The request's own origin, as a browser would send it in `Origin`. */
function ownOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

export function csrfGuard(secret: string) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    if (SAFE_METHODS.has(request.method) || request.routeOptions.config.caller === 'machine') return;
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== ownOrigin(request)) throw problems.csrf();
    const header = request.headers[CSRF_HEADER];
    const cookie = request.cookies[CSRF_COOKIE];
    if (typeof header !== 'string' || !cookie || header !== cookie || !isValidCsrfToken(secret, cookie)) {
      throw problems.csrf();
    }
  };
}
