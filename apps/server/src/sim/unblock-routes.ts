import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { AUTH_FLOOD_GUARD } from '../auth/policy.ts';
import { requirePrincipal } from '../auth/principal.ts';
import type { AppContext } from '../http/context.ts';
import { LineIdParams, problemResponses } from '../http/schemas.ts';
import { lineGuard } from '../requests/line-guard.ts';
import { UnblockBody, UnblockCodeResult, UnblockResult } from './schemas.ts';
import { unblockProblems } from './unblock-errors.ts';
import { sendUnblockCode, unblockWithCode } from './unblock-sim.ts';

/**
 * SVC-09 unblocking a lost or stolen SIM by self-service, when the operator allows it: a code to another
 * verified contact, then the code. Full access only; codes are counted in PostgreSQL (the flood guard is coarse).
 */
export async function simUnblockRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const change = lineGuard(ctx, 'full');

  app.post(
    '/api/v1/lines/:lineId/sim/unblock/code',
    {
      preValidation: change,
      config: AUTH_FLOOD_GUARD,
      schema: {
        tags: ['services'],
        summary: 'Send an unblock code to the subscriber’s other contact (SVC-09)',
        description:
          'Needs full access. Only for a SIM blocked as lost or stolen (409 `not_blocked`), when the operator ' +
          'allows self-service (409 `office_only`), to the recovery phone, never the blocked number (409 ' +
          '`no_contact`); 429 `too_many_codes` past the daily limit. A new code replaces the previous one.',
        params: LineIdParams,
        response: { 201: UnblockCodeResult, ...problemResponses(400, 401, 403, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      const loginId = requirePrincipal(request).loginId;
      const result = await ctx.db.transaction().execute((trx) =>
        sendUnblockCode(trx, {
          lineId: request.params.lineId,
          loginId,
          ip: request.ip,
          secret: ctx.secret,
          now: ctx.now(),
        }),
      );
      void ctx.outbox.kick();
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/api/v1/lines/:lineId/sim/unblock',
    {
      preValidation: change,
      config: AUTH_FLOOD_GUARD,
      schema: {
        tags: ['services'],
        summary: 'Unblock a lost SIM with the code (SVC-09)',
        description:
          'Needs full access. The line is active again and its blocked cards too; a done `sim_unblock` request. ' +
          '400 `invalid_code` (with `attemptsLeft`), `code_expired`, `too_many_attempts` (the code is burnt); 409 ' +
          '`no_code`, `not_blocked`, `office_only`.',
        params: LineIdParams,
        body: UnblockBody,
        response: { 200: UnblockResult, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const loginId = requirePrincipal(request).loginId;
      // The attempt is committed before a refusal is thrown, so wrong codes count even though they fail.
      const outcome = await ctx.db.transaction().execute((trx) =>
        unblockWithCode(trx, {
          lineId: request.params.lineId,
          loginId,
          ip: request.ip,
          secret: ctx.secret,
          code: request.body.code,
          now: ctx.now(),
        }),
      );
      if (outcome.ok) return { request: outcome.request };
      if (outcome.reason === 'no_code') throw unblockProblems.noCode();
      if (outcome.reason === 'expired') throw unblockProblems.expired();
      if (outcome.reason === 'burnt') throw unblockProblems.burnt();
      throw unblockProblems.invalid(outcome.attemptsLeft);
    },
  );
}
