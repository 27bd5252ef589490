import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { formatUssdReply, refusalScreen } from '@kabinet/core';
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import type { AppContext } from '../http/context.ts';
import { AppError, problems } from '../http/problem.ts';
import { problemResponses } from '../http/schemas.ts';
import { isUssdGateway, USSD_SECRET_HEADER } from './gateway-auth.ts';
import { handleUssd } from './handle-ussd.ts';
import { UssdBody, UssdReplyText } from './schemas.ts';

/**
 * CHAN-03 USSD gateway interface: `POST /api/v1/ussd`, the common convention of USSD gateways. Called by a
 * machine (no cookies, so no CSRF token), which proves itself with the shared secret or its address.
 */
export async function ussdRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  // Gateways post `application/x-www-form-urlencoded`; scoped to this plugin, so no other route accepts forms.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    },
  );

  app.post(
    '/api/v1/ussd',
    {
      config: { caller: 'machine' },
      attachValidation: true,
      // A body that cannot even be parsed (broken JSON, an unknown content type) is still the subscriber's step:
      // answer it like any malformed one. Everything else (401 …) goes on to the app's problem handler.
      errorHandler: (error, request, reply) => {
        const status = (error as { statusCode?: number }).statusCode;
        if (error instanceof AppError || (status !== 400 && status !== 415)) throw error;
        request.log.info({ err: error.message }, 'malformed USSD request');
        return reply
          .code(200)
          .type('text/plain; charset=utf-8')
          .send(formatUssdReply(refusalScreen('ru', 'malformed')));
      },
      schema: {
        tags: ['ussd'],
        summary: 'One step of a USSD session (gateway interface)',
        description:
          'Codes: `*100#` balance, `*105#` menu, `*106#` promised payment, `*110*9#` new password by SMS, `*122#` ' +
          'last 5 charges, `*110*0221#` ban detalization by email; unknown codes get the menu. A login prompt ' +
          '(ACCESS-07) waiting for the number opens the session instead. Needs the `x-ussd-secret` header or a ' +
          'trusted gateway address (401 otherwise). Malformed steps are answered `END` with a polite sentence. ' +
          'See docs/ussd.md.',
        body: UssdBody,
        response: { 200: UssdReplyText, ...problemResponses(401) },
      },
    },
    async (request, reply) => {
      if (
        !isUssdGateway(ctx.ussdGateway, request.headers[USSD_SECRET_HEADER], request.socket.remoteAddress)
      ) {
        request.log.warn(
          { peer: request.socket.remoteAddress },
          'USSD request from an unknown gateway refused',
        );
        throw problems.unauthenticated();
      }
      reply.type('text/plain; charset=utf-8');
      if (request.validationError) {
        request.log.info({ err: request.validationError.message }, 'malformed USSD request');
        return formatUssdReply(refusalScreen('ru', 'malformed'));
      }
      const body = request.body as Static<typeof UssdBody>;
      const answer = await handleUssd(ctx, { ...body, text: body.text ?? '' }, request.log);
      return formatUssdReply(answer);
    },
  );
}
