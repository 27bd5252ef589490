import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.ts';
import { CSRF_COOKIE, issueCsrfToken, isValidCsrfToken, setCsrfCookie } from '../http/csrf.ts';
import { problemResponses } from '../http/schemas.ts';
import { recordJournal } from '../journal/record.ts';
import { completeLogin } from './complete-login.ts';
import { loadMe } from './me.ts';
import { AUTH_FLOOD_GUARD } from './policy.ts';
import { requirePrincipal, sessionCookieName } from './principal.ts';
import { requestLoginCode } from './request-code.ts';
import { CodeSent, CsrfToken, Me, RequestCodeBody, VerifyCodeBody } from './schemas.ts';
import { verifyLoginCode } from './verify-code.ts';

export async function authRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const cookieName = sessionCookieName(ctx);

  app.get(
    '/api/v1/auth/csrf',
    {
      schema: {
        tags: ['auth'],
        summary: 'Get a CSRF token',
        description: 'Sets the `kabinet_csrf` cookie (if missing) and returns its value.',
        response: { 200: CsrfToken },
      },
    },
    async (request, reply) => {
      const existing = request.cookies[CSRF_COOKIE];
      const token =
        existing && isValidCsrfToken(ctx.secret, existing) ? existing : issueCsrfToken(ctx.secret);
      if (token !== existing) setCsrfCookie(reply, token, ctx.secureCookies);
      return { token };
    },
  );

  app.post(
    '/api/v1/auth/code',
    {
      config: AUTH_FLOOD_GUARD,
      schema: {
        tags: ['auth'],
        summary: 'Send a login code by SMS (ACCESS-01)',
        description:
          'Answers the same whether or not the number is a subscriber: only subscribers receive an SMS.',
        body: RequestCodeBody,
        response: { 202: CodeSent, ...problemResponses(400, 403, 429) },
      },
    },
    async (request, reply) => {
      const result = await requestLoginCode(ctx.db, ctx.secret, {
        phone: request.body.phone,
        ip: request.ip,
        now: ctx.now(),
      });
      void ctx.outbox.kick();
      return reply.status(202).send(result);
    },
  );

  app.post(
    '/api/v1/auth/code/verify',
    {
      config: AUTH_FLOOD_GUARD,
      schema: {
        tags: ['auth'],
        summary: 'Log in with the SMS code (ACCESS-01)',
        description: 'Opens a session (httpOnly cookie) and returns the login with its lines.',
        body: VerifyCodeBody,
        response: { 200: Me, ...problemResponses(400, 401, 403, 423, 429) },
      },
    },
    async (request, reply) => {
      const { loginId, lineId } = await verifyLoginCode(ctx.db, ctx.secret, {
        phone: request.body.phone,
        code: request.body.code,
        ip: request.ip,
        now: ctx.now(),
      });
      return completeLogin(ctx, request, reply, {
        loginId,
        lineId,
        method: 'sms_code',
        access: 'full',
        rememberDevice: request.body.rememberDevice,
      });
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Log out (ACCESS-05)',
        description: 'Revokes the session on the server and clears the cookie.',
        response: { 204: { type: 'null' }, ...problemResponses(401, 403) },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      await ctx.sessions.revoke(principal.sessionId, ctx.now());
      await recordJournal(ctx.db, {
        actorKind: 'subscriber',
        actorId: principal.loginId,
        loginId: principal.loginId,
        channel: 'web',
        action: 'auth.logout',
        details: { sessionId: principal.sessionId },
        ip: request.ip,
      });
      reply.clearCookie(cookieName, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The logged-in login and its lines',
        response: { 200: Me, ...problemResponses(401) },
      },
    },
    async (request) => loadMe(ctx.db, requirePrincipal(request), ctx.now()),
  );
}
