import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requirePrincipal } from '../auth/principal.ts';
import type { AppContext } from '../http/context.ts';
import { runIdempotent } from '../http/idempotency.ts';
import { LineIdParams, problemResponses } from '../http/schemas.ts';
import { IdempotencyHeaders } from '../plans/schemas.ts';
import { lineGuard } from '../requests/line-guard.ts';
import {
  accountOfLine,
  autopaySpend,
  autopayView,
  cardView,
  loadAutopay,
  loadAutopayOverview,
} from './autopay-query.ts';
import { applyLowBalanceNotices } from './low-balance.ts';
import {
  type AutopayActor,
  createAutopay,
  deleteAutopay,
  removeSavedCard,
  setLowBalanceThreshold,
  updateAutopay,
} from './manage-autopay.ts';
import { listSavedCards } from './saved-cards.ts';
import {
  AutopayOverview,
  AutopayParams,
  AutopaySchema,
  CardParams,
  CreateAutopayBody,
  LowBalanceBody,
  LowBalanceResult,
  SavedCardList,
  UpdateAutopayBody,
} from './schemas.ts';

/**
 * PAY-04 autopay and saved cards, PAY-09 the low-balance threshold, per line (its billing account's cards and
 * balance). Reading is open to partial sessions; every change needs full access, is journaled, and creating a
 * rule takes an `Idempotency-Key`. Cards are saved by a card top-up with "save card" (payments/), not here.
 */
export async function autopayRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const actor = (request: FastifyRequest, lineId: string): AutopayActor => ({
    lineId,
    loginId: requirePrincipal(request).loginId,
    ip: request.ip,
    now: ctx.now(),
    acquirer: ctx.acquirer.name,
  });
  /** The current view of one rule, as the screen shows it. */
  const present = async (lineId: string, autopayId: string) => {
    const now = ctx.now();
    const { rule, card } = await loadAutopay(ctx.db, lineId, autopayId);
    const spend = await autopaySpend(ctx.db, rule.account_id, now, ctx.timeZone);
    return autopayView(rule, card, { now, timeZone: ctx.timeZone, spend, acquirer: ctx.acquirer.name });
  };

  app.get(
    '/api/v1/lines/:lineId/autopay',
    {
      preValidation: lineGuard(ctx, 'partial'),
      schema: {
        tags: ['payments'],
        summary: 'Saved cards, autopay rules and the low-balance threshold of a line (PAY-04, PAY-09)',
        params: LineIdParams,
        response: { 200: AutopayOverview, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) =>
      loadAutopayOverview(ctx.db, {
        lineId: request.params.lineId,
        now: ctx.now(),
        timeZone: ctx.timeZone,
        acquirer: ctx.acquirer.name,
        acquirerTest: ctx.acquirer.test,
      }),
  );

  app.get(
    '/api/v1/lines/:lineId/saved-cards',
    {
      preValidation: lineGuard(ctx, 'partial'),
      schema: {
        tags: ['payments'],
        summary: 'Saved cards of the line’s account: brand, last 4 digits and expiry, never numbers (PAY-04)',
        params: LineIdParams,
        response: { 200: SavedCardList, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const accountId = await accountOfLine(ctx.db, request.params.lineId);
      return { cards: (await listSavedCards(ctx.db, accountId, ctx.acquirer.name)).map(cardView) };
    },
  );

  app.delete(
    '/api/v1/lines/:lineId/saved-cards/:cardId',
    {
      preValidation: lineGuard(ctx, 'full'),
      schema: {
        tags: ['payments'],
        summary: 'Remove a saved card (PAY-04)',
        description: 'Needs full access. The autopay rules charging it are paused (`card_removed`).',
        params: CardParams,
        response: { 204: { type: 'null', description: 'Removed.' }, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { lineId, cardId } = request.params;
      await ctx.db.transaction().execute((trx) => removeSavedCard(trx, actor(request, lineId), cardId));
      reply.code(204);
    },
  );

  app.post(
    '/api/v1/lines/:lineId/autopays',
    {
      preValidation: lineGuard(ctx, 'full'),
      schema: {
        tags: ['payments'],
        summary: 'Create an autopay rule: by threshold or monthly, charged to a saved card (PAY-04)',
        description:
          'Needs full access and an `Idempotency-Key` (a replay answers the first result and creates nothing). ' +
          '400 naming the field: `amount` (100–15,000 ₽, whole kopecks), `threshold`, `dayOfMonth` (1–31), ' +
          '`cardId` (`unknown_card`: not one of the account’s saved cards), limits (`below_amount`). ' +
          '409 `too_many_autopays`.',
        params: LineIdParams,
        headers: IdempotencyHeaders,
        body: CreateAutopayBody,
        response: { 201: AutopaySchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { lineId } = request.params;
      const who = actor(request, lineId);
      return runIdempotent({
        db: ctx.db,
        request,
        reply,
        loginId: who.loginId,
        now: who.now,
        run: async (trx) => {
          const id = await createAutopay(trx, who, request.body);
          const { rule, card } = await loadAutopay(trx, lineId, id);
          const spend = await autopaySpend(trx, rule.account_id, who.now, ctx.timeZone);
          return {
            status: 201,
            body: autopayView(rule, card, {
              now: who.now,
              timeZone: ctx.timeZone,
              spend,
              acquirer: ctx.acquirer.name,
            }),
          };
        },
      });
    },
  );

  app.patch(
    '/api/v1/lines/:lineId/autopays/:autopayId',
    {
      preValidation: lineGuard(ctx, 'full'),
      schema: {
        tags: ['payments'],
        summary: 'Change, pause or resume an autopay rule (PAY-04)',
        description:
          'Needs full access. Only the fields given change; `status: "paused"` pauses, `"active"` resumes (and ' +
          'clears failures). 400 naming the field as on create; `cardId` `card_removed` when resuming a rule ' +
          'whose card was removed without choosing another.',
        params: AutopayParams,
        body: UpdateAutopayBody,
        response: { 200: AutopaySchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { lineId, autopayId } = request.params;
      await ctx.db
        .transaction()
        .execute((trx) => updateAutopay(trx, actor(request, lineId), autopayId, request.body));
      return present(lineId, autopayId);
    },
  );

  app.delete(
    '/api/v1/lines/:lineId/autopays/:autopayId',
    {
      preValidation: lineGuard(ctx, 'full'),
      schema: {
        tags: ['payments'],
        summary: 'Delete an autopay rule (PAY-04)',
        description: 'Needs full access. An attempt already in flight still finishes.',
        params: AutopayParams,
        response: { 204: { type: 'null', description: 'Deleted.' }, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { lineId, autopayId } = request.params;
      await ctx.db.transaction().execute((trx) => deleteAutopay(trx, actor(request, lineId), autopayId));
      reply.code(204);
    },
  );

  app.put(
    '/api/v1/lines/:lineId/low-balance-threshold',
    {
      preValidation: lineGuard(ctx, 'full'),
      schema: {
        tags: ['payments'],
        summary: 'Set or switch off the low-balance notice threshold (PAY-09)',
        description:
          'Needs full access. One `low_balance` notice when the balance falls below it, again only after it ' +
          'was back at or above; a balance already below gets the notice now. 400 `out_of_range` on `threshold`.',
        params: LineIdParams,
        body: LowBalanceBody,
        response: { 200: LowBalanceResult, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { lineId } = request.params;
      const who = actor(request, lineId);
      const accountId = await ctx.db
        .transaction()
        .execute((trx) => setLowBalanceThreshold(trx, who, request.body.threshold));
      await applyLowBalanceNotices(ctx.db, [accountId], who.now);
      void ctx.outbox.kick();
      const state = await ctx.db
        .selectFrom('low_balance_states')
        .select('below')
        .where('account_id', '=', accountId)
        .executeTakeFirst();
      return { lowBalanceThreshold: request.body.threshold, below: state?.below ?? false };
    },
  );
}
