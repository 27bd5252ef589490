import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requirePrincipal } from '../auth/principal.ts';
import type { AppContext } from '../http/context.ts';
import { runIdempotent } from '../http/idempotency.ts';
import { LineIdParams, problemResponses } from '../http/schemas.ts';
import { afterMoneyMoved } from '../payments/credit-payment.ts';
import { lineGuard } from '../requests/line-guard.ts';
import { loadBonusState } from './bonus-query.ts';
import { redeemReward } from './redeem.ts';
import { BonusState, RedeemBody, RedeemResultSchema } from './schemas.ts';

/**
 * BONUS-01/02 points, history, rewards and redemption. Points belong to the billing account of the line;
 * reading is open to partial sessions, redeeming needs full access and an `Idempotency-Key`.
 */
export async function bonusRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/lines/:lineId/bonuses',
    {
      preValidation: lineGuard(ctx, 'partial'),
      schema: {
        tags: ['bonuses'],
        summary: 'Points balance, expiring points, history, rules and the rewards catalog (BONUS-01/02)',
        params: LineIdParams,
        response: { 200: BonusState, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => loadBonusState(ctx.db, request.params.lineId, ctx.now()),
  );

  app.post(
    '/api/v1/lines/:lineId/bonuses/redemptions',
    {
      preValidation: lineGuard(ctx, 'full'),
      schema: {
        tags: ['bonuses'],
        summary: 'Take a reward for points, for this line or another number of ours (BONUS-02)',
        description:
          'Needs full access and an `Idempotency-Key`. Points are debited and the reward applied in one ' +
          'transaction, once per key. 409 `not_enough_points` (with `missingPoints`), 404 `reward_unavailable` ' +
          '(field `reward`), 400 `invalid_phone` / 404 `unknown_number` / 409 `line_not_eligible` (field ' +
          '`phone`; `coupon_not_giftable` for a partner code), 409 `reward_out_of_stock`. A coupon code is in this answer only: show it and keep it.',
        params: LineIdParams,
        body: RedeemBody,
        response: { 201: RedeemResultSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const loginId = requirePrincipal(request).loginId;
      let credited: string | null = null;
      const sent = await runIdempotent({
        db: ctx.db,
        request,
        reply,
        loginId,
        now: ctx.now(),
        run: async (trx, scope) => {
          const outcome = await redeemReward(trx, {
            lineId: request.params.lineId,
            loginId,
            ip: request.ip,
            reward: request.body.reward,
            ...(request.body.phone === undefined ? {} : { phone: request.body.phone }),
            scope,
            now: ctx.now(),
          });
          credited = outcome.creditedAccountId;
          return outcome.result;
        },
      });
      await afterMoneyMoved(ctx, credited ? [credited] : []);
      return sent;
    },
  );
}
