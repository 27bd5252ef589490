import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.ts';
import { problemResponses } from '../http/schemas.ts';
import { changePassword } from './change-password.ts';
import { completeLogin } from './complete-login.ts';
import { loginWithPassword } from './password-login.ts';
import {
  ChangePasswordBody,
  MaskedCodeSent,
  PasswordLoginBody,
  ResetCodeBody,
  ResetPasswordBody,
} from './password-schemas.ts';
import { AUTH_FLOOD_GUARD } from './policy.ts';
import { requireFullAccess } from './principal.ts';
import { requestPasswordResetCode, resetPassword } from './reset-password.ts';
import { Me } from './schemas.ts';
import { requestStepUpCode } from './step-up.ts';

/** ACCESS-02/03/10: set, change and recover a password; password login by number or contract. */
export async function passwordRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/v1/auth/password/login',
    {
      config: AUTH_FLOOD_GUARD,
      schema: {
        tags: ['auth'],
        summary: 'Log in with a number or contract number and a password (ACCESS-03, ACCESS-10)',
        description:
          'The same 401 `invalid_credentials` for an unknown identifier, a login without a password and a wrong ' +
          'password. Failures share the lock with code login (423 `login_locked`).',
        body: PasswordLoginBody,
        response: { 200: Me, ...problemResponses(400, 401, 403, 423, 429) },
      },
    },
    async (request, reply) => {
      const { loginId, lineId } = await loginWithPassword(ctx.db, {
        ...request.body,
        ip: request.ip,
        now: ctx.now(),
      });
      return completeLogin(ctx, request, reply, {
        loginId,
        lineId,
        method: 'password',
        access: 'full',
        rememberDevice: request.body.rememberDevice,
      });
    },
  );

  app.post(
    '/api/v1/auth/password',
    {
      config: AUTH_FLOOD_GUARD,
      schema: {
        tags: ['auth'],
        summary: 'Set or change the password (ACCESS-02)',
        description:
          'Needs the current password or a step-up code; a first password needs neither within 10 minutes of a ' +
          "code or passkey login. Full access only. Ends the login's other sessions and sends an SMS notice.",
        body: ChangePasswordBody,
        response: { 204: { type: 'null' }, ...problemResponses(400, 401, 403, 423) },
      },
    },
    async (request, reply) => {
      const principal = requireFullAccess(request);
      const now = ctx.now();
      await changePassword(ctx.db, {
        principal,
        ...request.body,
        secret: ctx.secret,
        ip: request.ip,
        now,
      });
      await ctx.sessions.revokeOthers(principal.loginId, principal.sessionId, now);
      void ctx.outbox.kick();
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/step-up/code',
    {
      config: AUTH_FLOOD_GUARD,
      schema: {
        tags: ['auth'],
        summary: 'Send a step-up code by SMS (ACCESS-02)',
        description: 'Proves the phone is at hand, e.g. to change a password without the current one.',
        response: { 202: MaskedCodeSent, ...problemResponses(401, 403, 409, 429) },
      },
    },
    async (request, reply) => {
      const principal = requireFullAccess(request);
      const sent = await requestStepUpCode(ctx.db, ctx.secret, { principal, ip: request.ip, now: ctx.now() });
      void ctx.outbox.kick();
      return reply.status(202).send(sent);
    },
  );

  app.post(
    '/api/v1/auth/password/reset/code',
    {
      config: AUTH_FLOOD_GUARD,
      schema: {
        tags: ['auth'],
        summary: 'Send a password-reset code (ACCESS-02)',
        description:
          "To the line's number, or for a contract to its recovery phone. Answers alike for every identifier.",
        body: ResetCodeBody,
        response: { 202: MaskedCodeSent, ...problemResponses(400, 403, 429) },
      },
    },
    async (request, reply) => {
      const sent = await requestPasswordResetCode(ctx.db, ctx.secret, {
        ...request.body,
        ip: request.ip,
        now: ctx.now(),
      });
      void ctx.outbox.kick();
      return reply.status(202).send(sent);
    },
  );

  app.post(
    '/api/v1/auth/password/reset',
    {
      config: AUTH_FLOOD_GUARD,
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with a reset code, and log in (ACCESS-02)',
        description: 'Ends every other session of the login, opens a new one and sends an SMS notice.',
        body: ResetPasswordBody,
        response: { 200: Me, ...problemResponses(400, 401, 403, 423, 429) },
      },
    },
    async (request, reply) => {
      const now = ctx.now();
      const { loginId, lineId } = await resetPassword(ctx.db, ctx.secret, {
        ...request.body,
        ip: request.ip,
        now,
      });
      await ctx.sessions.revokeOthers(loginId, null, now);
      void ctx.outbox.kick();
      return completeLogin(ctx, request, reply, {
        loginId,
        lineId,
        method: 'sms_code',
        access: 'full',
        rememberDevice: request.body.rememberDevice,
      });
    },
  );
}
