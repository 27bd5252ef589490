import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requireFullAccess, sessionCookieName } from '../auth/principal.ts';
import type { AppContext } from '../http/context.ts';
import { problems } from '../http/problem.ts';
import { problemResponses } from '../http/schemas.ts';
import { recordJournal } from '../journal/record.ts';
import { SecurityPatch, SecuritySettings, SessionIdParams, SessionList } from './schemas.ts';
import { isOwnLiveSession, listSessions } from './sessions.ts';
import { loadSecuritySettings, updateSecuritySettings } from './settings.ts';

/** ACCESS-11: security settings, sessions and devices, recovery contacts. Full access only (ACCESS-09). */
export async function securityRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/security',
    {
      schema: {
        tags: ['security'],
        summary: 'Security settings (ACCESS-11)',
        response: { 200: SecuritySettings, ...problemResponses(401, 403) },
      },
    },
    async (request) => loadSecuritySettings(ctx.db, requireFullAccess(request).loginId),
  );

  app.patch(
    '/api/v1/security',
    {
      schema: {
        tags: ['security'],
        summary: 'Change security settings (ACCESS-11)',
        description:
          'Only the fields sent change; any invalid field (`invalid_email`, `invalid_phone`) changes none.',
        body: SecurityPatch,
        response: { 200: SecuritySettings, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const settings = await updateSecuritySettings(ctx.db, {
        loginId: requireFullAccess(request).loginId,
        changes: request.body,
        ip: request.ip,
      });
      void ctx.outbox.kick();
      return settings;
    },
  );

  app.get(
    '/api/v1/security/sessions',
    {
      schema: {
        tags: ['security'],
        summary: 'Active sessions and devices (ACCESS-11)',
        response: { 200: SessionList, ...problemResponses(401, 403) },
      },
    },
    async (request) => {
      const principal = requireFullAccess(request);
      return listSessions(ctx.db, {
        loginId: principal.loginId,
        currentSessionId: principal.sessionId,
        now: ctx.now(),
      });
    },
  );

  app.delete(
    '/api/v1/security/sessions/:sessionId',
    {
      schema: {
        tags: ['security'],
        summary: 'Sign out one device (ACCESS-11)',
        description: "404 for a session that is not this login's (or already ended).",
        params: SessionIdParams,
        response: { 204: { type: 'null' }, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const principal = requireFullAccess(request);
      const { sessionId } = request.params;
      if (!(await isOwnLiveSession(ctx.db, principal.loginId, sessionId))) throw problems.notFound('session');
      await ctx.sessions.revoke(sessionId, ctx.now());
      await recordJournal(ctx.db, {
        actorKind: 'subscriber',
        actorId: principal.loginId,
        loginId: principal.loginId,
        channel: 'web',
        action: 'auth.session_ended',
        details: { sessionId, by: principal.sessionId },
        ip: request.ip,
      });
      if (sessionId === principal.sessionId) reply.clearCookie(sessionCookieName(ctx), { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/security/sessions/end-others',
    {
      schema: {
        tags: ['security'],
        summary: 'Sign out every other device (ACCESS-11)',
        response: { 204: { type: 'null' }, ...problemResponses(401, 403) },
      },
    },
    async (request, reply) => {
      const principal = requireFullAccess(request);
      const ended = await ctx.sessions.revokeOthers(principal.loginId, principal.sessionId, ctx.now());
      await recordJournal(ctx.db, {
        actorKind: 'subscriber',
        actorId: principal.loginId,
        loginId: principal.loginId,
        channel: 'web',
        action: 'auth.sessions_ended',
        details: { count: ended.length, by: principal.sessionId },
        ip: request.ip,
      });
      return reply.status(204).send(null);
    },
  );
}
