import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { toSafeNumber } from '@kabinet/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requirePrincipal } from '../auth/principal.ts';
import type { AppContext } from '../http/context.ts';
import { runIdempotent } from '../http/idempotency.ts';
import { LineIdParams, problemResponses } from '../http/schemas.ts';
import { afterMoneyMoved } from '../payments/credit-payment.ts';
import { lineGuard } from '../requests/line-guard.ts';
import { loadPromisedLine } from './promised-line.ts';
import { presentActivePromised, presentPromisedState } from './promised-query.ts';
import { loadPromisedRules } from './rules-store.ts';
import { PromisedState, TakePromisedBody, TakePromisedResult } from './schemas.ts';
import { takePromisedPayment } from './take-promised.ts';

/**
 * PAY-05 promised payment of a line: reading eligibility and the offer is open to partial sessions; taking one
 * needs full access and an `Idempotency-Key`, and is exactly-once.
 */
export async function promisedPaymentRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  // The account a take credited, until the answer goes out: the balance rules run after the commit but before
  // the answer (onSend), so a line blocked for debt is already unblocked when the subscriber sees the result.
  const moved = new WeakMap<FastifyRequest, string>();

  app.get(
    '/api/v1/lines/:lineId/promised-payment',
    {
      preValidation: lineGuard(ctx, 'partial'),
      schema: {
        tags: ['payments'],
        summary: 'Promised payment: eligibility, amounts with fees, due date and the unpaid one (PAY-05)',
        params: LineIdParams,
        response: { 200: PromisedState, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const now = ctx.now();
      const rules = await loadPromisedRules(ctx.db);
      return presentPromisedState(
        await loadPromisedLine(ctx.db, request.params.lineId, rules, now),
        rules,
        now,
      );
    },
  );

  app.post(
    '/api/v1/lines/:lineId/promised-payment',
    {
      preValidation: lineGuard(ctx, 'full'),
      onSend: async (request, _reply, payload) => {
        const accountId = moved.get(request);
        moved.delete(request);
        try {
          if (accountId) await afterMoneyMoved(ctx, [accountId]);
        } catch (err) {
          // The money moved and committed; the next charging pass applies the balance rules again.
          request.log.error({ err }, 'balance rules after a promised payment failed');
        }
        return payload;
      },
      schema: {
        tags: ['payments'],
        summary: 'Take a promised payment (PAY-05)',
        description:
          'Needs full access and an `Idempotency-Key` (a replay answers the first result and moves nothing). ' +
          'Credits the amount at once and debits the fee; the amount is debited back automatically at `dueAt`. ' +
          '409 `promised_not_eligible` with `refusals` (the same codes as the GET); 400 `not_offered` on ' +
          '`amount` for an amount not on offer. A line blocked for debt is unblocked when the balance recovers.',
        params: LineIdParams,
        body: TakePromisedBody,
        response: { 201: TakePromisedResult, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { loginId } = requirePrincipal(request);
      const { lineId } = request.params;
      return runIdempotent({
        db: ctx.db,
        request,
        reply,
        loginId,
        now: ctx.now(),
        run: async (trx, scope) => {
          const now = ctx.now();
          const taken = await takePromisedPayment(trx, {
            lineId,
            loginId,
            ip: request.ip,
            channel: 'web',
            requestKey: `web:${scope}`,
            amount: BigInt(request.body.amount),
            rules: await loadPromisedRules(trx),
            now,
            timeZone: ctx.timeZone,
          });
          if (taken.created) moved.set(request, taken.accountId);
          return {
            status: 201,
            body: {
              promisedPayment: presentActivePromised({ ...taken, channel: 'web' }),
              request: {
                id: taken.requestId ?? '',
                kind: 'promised_payment' as const,
                status: 'done' as const,
              },
              balance: toSafeNumber(taken.balance),
            },
          };
        },
      });
    },
  );
}
