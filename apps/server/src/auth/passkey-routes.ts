import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.ts';
import { problemResponses } from '../http/schemas.ts';
import { recordJournal } from '../journal/record.ts';
import { deviceName } from '../security/device-name.ts';
import { completeLogin } from './complete-login.ts';
import { finishPasskeyLogin, startPasskeyLogin } from './passkeys/authenticate-passkey.ts';
import { bindBrowser, browserBinding, clearBinding } from './passkeys/browser-binding.ts';
import { CHALLENGE_TTL_SECONDS } from './passkeys/challenges.ts';
import { PasskeyError } from './passkeys/errors.ts';
import { listPasskeys, removePasskey } from './passkeys/manage-passkeys.ts';
import { finishPasskeyRegistration, startPasskeyRegistration } from './passkeys/register-passkey.ts';
import { relyingParty } from './passkeys/relying-party.ts';
import { toAuthenticationResponse, toRegistrationResponse } from './passkeys/response-json.ts';
import {
  CreationOptions,
  Passkey,
  PasskeyIdParams,
  PasskeyList,
  PasskeyLoginBody,
  RegisterPasskeyBody,
  RequestOptions,
} from './passkeys/schemas.ts';
import { AUTH_FLOOD_GUARD } from './policy.ts';
import { requireFullAccess } from './principal.ts';
import { Me } from './schemas.ts';

/** ACCESS-06: passkeys (WebAuthn) registered in settings and used for quick login. */
export async function passkeyRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/security/passkeys',
    {
      schema: {
        tags: ['security'],
        summary: "The login's passkeys (ACCESS-06)",
        response: { 200: PasskeyList, ...problemResponses(401, 403) },
      },
    },
    async (request) => listPasskeys(ctx.db, requireFullAccess(request).loginId),
  );

  app.post(
    '/api/v1/security/passkeys/options',
    {
      schema: {
        tags: ['security'],
        summary: 'Begin adding a passkey (ACCESS-06)',
        description:
          'Creation options for `navigator.credentials.create`; the challenge is bound to this browser.',
        response: { 200: CreationOptions, ...problemResponses(401, 403) },
      },
    },
    async (request, reply) => {
      const principal = requireFullAccess(request);
      return startPasskeyRegistration(ctx.db, {
        loginId: principal.loginId,
        rp: relyingParty(ctx, request),
        bindingHash: bindBrowser(ctx, reply, 'kabinet_passkey_register', CHALLENGE_TTL_SECONDS),
        now: ctx.now(),
      });
    },
  );

  app.post(
    '/api/v1/security/passkeys',
    {
      schema: {
        tags: ['security'],
        summary: 'Finish adding a passkey (ACCESS-06)',
        description: 'Verifies the authenticator response; an SMS tells the owner a passkey was added.',
        body: RegisterPasskeyBody,
        response: { 201: Passkey, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const principal = requireFullAccess(request);
      const now = ctx.now();
      try {
        const passkey = await finishPasskeyRegistration(ctx.db, {
          loginId: principal.loginId,
          response: toRegistrationResponse(request.body.response),
          name: request.body.name?.trim() || deviceName(request.headers['user-agent']),
          rp: relyingParty(ctx, request),
          bindingHash: browserBinding(ctx, request, 'kabinet_passkey_register'),
          ip: request.ip,
          now,
        });
        void ctx.outbox.kick();
        return reply.status(201).send(passkey);
      } catch (err) {
        if (err instanceof PasskeyError)
          await recordJournal(ctx.db, {
            actorKind: 'subscriber',
            actorId: principal.loginId,
            loginId: principal.loginId,
            channel: 'web',
            action: 'auth.passkey_registered',
            outcome: 'failed',
            details: { reason: err.reason },
            ip: request.ip,
          });
        throw err;
      } finally {
        clearBinding(ctx, reply, 'kabinet_passkey_register');
      }
    },
  );

  app.delete(
    '/api/v1/security/passkeys/:passkeyId',
    {
      schema: {
        tags: ['security'],
        summary: 'Remove a passkey (ACCESS-06)',
        params: PasskeyIdParams,
        response: { 204: { type: 'null' }, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const principal = requireFullAccess(request);
      await removePasskey(ctx.db, {
        loginId: principal.loginId,
        passkeyId: request.params.passkeyId,
        ip: request.ip,
        now: ctx.now(),
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/passkey/options',
    {
      config: AUTH_FLOOD_GUARD,
      schema: {
        tags: ['auth'],
        summary: 'Begin a passkey login (ACCESS-06)',
        description: 'Request options for discoverable credentials; the challenge is bound to this browser.',
        response: { 200: RequestOptions, ...problemResponses(403, 429) },
      },
    },
    async (request, reply) =>
      startPasskeyLogin(ctx.db, {
        rp: relyingParty(ctx, request),
        bindingHash: bindBrowser(ctx, reply, 'kabinet_passkey_login', CHALLENGE_TTL_SECONDS),
        now: ctx.now(),
      }),
  );

  app.post(
    '/api/v1/auth/passkey/verify',
    {
      config: AUTH_FLOOD_GUARD,
      schema: {
        tags: ['auth'],
        summary: 'Log in with a passkey (ACCESS-06)',
        description: 'Opens a session (method `passkey`, full access) and returns the login with its lines.',
        body: PasskeyLoginBody,
        response: { 200: Me, ...problemResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      try {
        const { loginId } = await finishPasskeyLogin(ctx.db, {
          response: toAuthenticationResponse(request.body.response),
          rp: relyingParty(ctx, request),
          bindingHash: browserBinding(ctx, request, 'kabinet_passkey_login'),
          now: ctx.now(),
        });
        clearBinding(ctx, reply, 'kabinet_passkey_login');
        return await completeLogin(ctx, request, reply, {
          loginId,
          lineId: null,
          method: 'passkey',
          access: 'full',
          rememberDevice: request.body.rememberDevice,
        });
      } catch (err) {
        if (err instanceof PasskeyError) {
          clearBinding(ctx, reply, 'kabinet_passkey_login');
          await recordJournal(ctx.db, {
            actorKind: 'anonymous',
            channel: 'web',
            loginId: err.loginId,
            action: 'auth.login',
            outcome: 'failed',
            details: { method: 'passkey', reason: err.reason },
            ip: request.ip,
          });
        }
        throw err;
      }
    },
  );
}
