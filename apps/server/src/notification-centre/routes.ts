import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requireFullAccess, requirePrincipal } from '../auth/principal.ts';
import type { AppContext } from '../http/context.ts';
import { problemResponses } from '../http/schemas.ts';
import { listNotifications, markAllRead, markRead, unreadCount } from './centre.ts';
import {
  confirmNotificationEmail,
  removeNotificationEmail,
  setNotificationEmail,
} from './notification-email.ts';
import { loadPreferences, savePreferences } from './preferences.ts';
import {
  EmailBody,
  EmailConfirmBody,
  EmailState,
  ListQuery,
  MarkAllResult,
  NotificationList,
  NotificationParams,
  Preferences,
  PreferencesBody,
  UnreadCount,
} from './schemas.ts';

/**
 * NOTIF-03 in-app notification centre and NOTIF-01 preferences. Everything is the logged-in login's own, so no line
 * guard: a login sees only rows with its id. Reading and marking read are open to partial sessions (they change
 * nothing about the line); preferences and the email address need full access.
 */
export async function notificationCentreRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['notifications'];

  app.get(
    '/api/v1/notifications',
    {
      schema: {
        tags,
        summary: 'The notification centre: newest first, with the unread count (NOTIF-03)',
        querystring: ListQuery,
        response: { 200: NotificationList, ...problemResponses(400, 401) },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const login = await ctx.db
        .selectFrom('logins')
        .select('locale')
        .where('id', '=', principal.loginId)
        .executeTakeFirst();
      return listNotifications(ctx.db, {
        loginId: principal.loginId,
        lang: request.query.lang ?? login?.locale ?? 'ru',
        before: request.query.before,
        limit: request.query.limit,
      });
    },
  );

  app.get(
    '/api/v1/notifications/unread-count',
    {
      schema: {
        tags,
        summary: 'Unread notifications: the badge on the bell (NOTIF-03)',
        response: { 200: UnreadCount, ...problemResponses(401) },
      },
    },
    async (request) => ({ unread: await unreadCount(ctx.db, requirePrincipal(request).loginId) }),
  );

  app.post(
    '/api/v1/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one notification read (NOTIF-03)',
        description: '404 for an id that is not the caller’s. Marking twice changes nothing.',
        params: NotificationParams,
        response: { 200: UnreadCount, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) =>
      markRead(ctx.db, { loginId: requirePrincipal(request).loginId, id: request.params.id, now: ctx.now() }),
  );

  app.post(
    '/api/v1/notifications/read-all',
    {
      schema: {
        tags,
        summary: 'Mark every notification read (NOTIF-03)',
        response: { 200: MarkAllResult, ...problemResponses(401) },
      },
    },
    async (request) => markAllRead(ctx.db, { loginId: requirePrincipal(request).loginId, now: ctx.now() }),
  );

  app.get(
    '/api/v1/notification-preferences',
    {
      schema: {
        tags,
        summary: 'Which events come through which channel, the language and the email address (NOTIF-01)',
        response: { 200: Preferences, ...problemResponses(401) },
      },
    },
    async (request) => loadPreferences(ctx.db, requirePrincipal(request).loginId),
  );

  app.put(
    '/api/v1/notification-preferences',
    {
      schema: {
        tags,
        summary: 'Change notification choices and the language (NOTIF-01)',
        description:
          'Only the choices given change. Needs full access. 400 `email_not_confirmed` on `email` when the ' +
          'email channel is turned on without a confirmed address.',
        body: PreferencesBody,
        response: { 200: Preferences, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const principal = requireFullAccess(request);
      return savePreferences(ctx.db, {
        loginId: principal.loginId,
        changes: request.body.events ?? [],
        ...(request.body.language ? { language: request.body.language } : {}),
        ip: request.ip,
        now: ctx.now(),
      });
    },
  );

  app.put(
    '/api/v1/notification-preferences/email',
    {
      schema: {
        tags,
        summary: 'Set the address for the email channel and mail it a code (NOTIF-01)',
        description:
          '202: a 6-digit code went to the address (valid 30 min). 400 `invalid_email`; 429 within a minute.',
        body: EmailBody,
        response: { 202: EmailState, ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const principal = requireFullAccess(request);
      const login = await ctx.db
        .selectFrom('logins')
        .select('locale')
        .where('id', '=', principal.loginId)
        .executeTakeFirst();
      await setNotificationEmail(ctx.db, ctx.secret, {
        loginId: principal.loginId,
        email: request.body.email,
        lang: login?.locale ?? 'ru',
        ip: request.ip,
        now: ctx.now(),
      });
      void ctx.outbox.kick();
      reply.code(202);
      return { address: request.body.email.trim(), confirmed: false };
    },
  );

  app.post(
    '/api/v1/notification-preferences/email/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm the email address with the mailed code (NOTIF-01)',
        description: '400 `wrong_code` (5 tries), 409 `code_expired`, 404 when no address was set.',
        body: EmailConfirmBody,
        response: { 200: EmailState, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const principal = requireFullAccess(request);
      return confirmNotificationEmail(ctx.db, ctx.secret, {
        loginId: principal.loginId,
        code: request.body.code.trim(),
        ip: request.ip,
        now: ctx.now(),
      });
    },
  );

  app.delete(
    '/api/v1/notification-preferences/email',
    {
      schema: {
        tags,
        summary: 'Remove the email address (NOTIF-01)',
        response: { 204: { type: 'null', description: 'Removed.' }, ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const principal = requireFullAccess(request);
      await removeNotificationEmail(ctx.db, { loginId: principal.loginId, ip: request.ip });
      reply.code(204);
    },
  );
}
