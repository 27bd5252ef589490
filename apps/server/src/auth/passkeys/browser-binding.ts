import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../http/context.ts';
import { sha256 } from '../secrets.ts';

/** The cookies that tie a pending ceremony (a WebAuthn challenge, a phone prompt) to the browser that began it. */
export type BindingCookie = 'kabinet_passkey_register' | 'kabinet_passkey_login' | 'kabinet_phone_confirm';

function cookieName(ctx: Pick<AppContext, 'secureCookies'>, name: BindingCookie): string {
  return ctx.secureCookies ? `__Host-${name}` : name;
}

/**
 * Gives this browser a fresh random nonce in an httpOnly SameSite=Strict cookie and returns its SHA-256, which is
 * what the database keeps: a leaked table row cannot be replayed as a cookie. A challenge or request id alone is
 * not enough to finish a ceremony; the nonce must come back from the same browser.
 */
export function bindBrowser(
  ctx: Pick<AppContext, 'secureCookies'>,
  reply: FastifyReply,
  name: BindingCookie,
  maxAgeSeconds: number,
): Buffer {
  const nonce = randomBytes(32).toString('base64url');
  reply.setCookie(cookieName(ctx, name), nonce, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.secureCookies,
    maxAge: maxAgeSeconds,
  });
  return sha256(nonce);
}

/** The SHA-256 of this browser's nonce, or null when the cookie is missing (or absurdly long). */
export function browserBinding(
  ctx: Pick<AppContext, 'secureCookies'>,
  request: FastifyRequest,
  name: BindingCookie,
): Buffer | null {
  const nonce = request.cookies[cookieName(ctx, name)];
  if (!nonce || nonce.length > 128) return null;
  return sha256(nonce);
}

/** Forgets the nonce once its ceremony is over. */
export function clearBinding(
  ctx: Pick<AppContext, 'secureCookies'>,
  reply: FastifyReply,
  name: BindingCookie,
): void {
  reply.clearCookie(cookieName(ctx, name), { path: '/' });
}
