import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.ts';
import { problemResponses } from '../http/schemas.ts';
import { deviceName } from '../security/device-name.ts';
import { completeLogin } from './complete-login.ts';
import { bindBrowser, browserBinding, clearBinding } from './passkeys/browser-binding.ts';
import { collectConfirmation } from './phone-confirm/collect-confirmation.ts';
import { PHONE_CONFIRM_POLICY } from './phone-confirm/policy.ts';
import { requestPhoneConfirmation } from './phone-confirm/request-confirmation.ts';
import {
  PhoneConfirmBody,
  PhoneConfirmParams,
  PhoneConfirmQuery,
  PhoneConfirmStarted,
  PhoneConfirmState,
} from './phone-confirm/schemas.ts';
import { AUTH_FLOOD_GUARD } from './policy.ts';

/** Polling once a second for 20 s, with room for a few tabs. */
const POLL_GUARD = { rateLimit: { max: 240, timeWindow: '1 minute' } };

/** The binding cookie outlives the answer window by the collection grace. */
const BINDING_SECONDS = PHONE_CONFIRM_POLICY.ttlSeconds + PHONE_CONFIRM_POLICY.collectGraceSeconds;

/** ACCESS-07: login confirmed from the phone (reply "1" within 20 s). */
export async function phoneConfirmRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/v1/auth/phone-confirm',
    {
      config: AUTH_FLOOD_GUARD,
      schema: {
        tags: ['auth'],
        summary: 'Ask the phone to confirm a login (ACCESS-07)',
        description:
          'Answers the same whether or not the number is a subscriber: only subscribers get the flash prompt. ' +
          'The request is bound to this browser by an httpOnly cookie.',
        body: PhoneConfirmBody,
        response: { 202: PhoneConfirmStarted, ...problemResponses(400, 403, 429) },
      },
    },
    async (request, reply) => {
      const result = await requestPhoneConfirmation(ctx.db, {
        phone: request.body.phone,
        bindingHash: bindBrowser(ctx, reply, 'kabinet_phone_confirm', BINDING_SECONDS),
        device: deviceName(request.headers['user-agent']),
        ip: request.ip,
        now: ctx.now(),
      });
      void ctx.outbox.kick();
      return reply.status(202).send(result);
    },
  );

  app.get(
    '/api/v1/auth/phone-confirm/:requestId',
    {
      config: POLL_GUARD,
      schema: {
        tags: ['auth'],
        summary: 'Poll a phone-confirmed login (ACCESS-07)',
        description:
          'Once confirmed, the first poll from the browser that asked opens the session (cookie) and carries `me`.',
        params: PhoneConfirmParams,
        querystring: PhoneConfirmQuery,
        response: { 200: PhoneConfirmState, ...problemResponses(400, 404, 429) },
      },
    },
    async (request, reply) => {
      const result = await collectConfirmation(ctx.db, {
        requestId: request.params.requestId,
        bindingHash: browserBinding(ctx, request, 'kabinet_phone_confirm'),
        now: ctx.now(),
      });
      if (!result.login) return { status: result.status };
      clearBinding(ctx, reply, 'kabinet_phone_confirm');
      const me = await completeLogin(ctx, request, reply, {
        loginId: result.login.loginId,
        lineId: result.login.lineId,
        method: 'phone_confirm',
        access: 'full',
        rememberDevice: request.query.rememberDevice,
      });
      return { status: result.status, me };
    },
  );
}
