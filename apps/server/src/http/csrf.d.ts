import type { FastifyReply, FastifyRequest } from 'fastify';
export declare const CSRF_COOKIE = 'kabinet_csrf';
export declare const CSRF_HEADER = 'x-csrf-token';
/**
 * Signed double-submit CSRF tokens: a random value and its HMAC, in a JS-readable SameSite=Strict cookie that the
 * client echoes in a header. The signature stops a sibling subdomain from planting a token of its own; the Origin
 * check refuses cross-site posts even from browsers that send the cookie.
 */
export declare function issueCsrfToken(secret: string): string;
export declare function isValidCsrfToken(secret: string, token: string): boolean;
export declare function csrfGuard(
  secret: string,
): (request: FastifyRequest, _reply: FastifyReply) => Promise<void>;
