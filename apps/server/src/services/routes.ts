import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requirePrincipal } from '../auth/principal.ts';
import type { AppContext } from '../http/context.ts';
import { LineIdParams, problemResponses } from '../http/schemas.ts';
import { ChangeResult, IdempotencyHeaders } from '../plans/schemas.ts';
import { lineGuard } from '../requests/line-guard.ts';
import { recordedRequest } from '../requests/recorded.ts';
import { runPaidChange } from '../requests/run-paid-change.ts';
import { connectOption } from './connect-option.ts';
import { disconnectOption } from './disconnect-option.ts';
import { optionsOfLine, subscriptionsOfLine } from './options-view.ts';
import { ringbackRoutes } from './ringback-routes.ts';
import {
  ConnectOptionBody,
  OptionList,
  OptionListQuery,
  OptionParams,
  SubscriptionList,
  UnsubscribeResult,
} from './schemas.ts';
import { unsubscribeContent } from './unsubscribe-content.ts';

/** SVC-01/02/03/08: options (connected and on offer, connect, disconnect) and content subscriptions. */
export async function serviceRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  await ringbackRoutes(root, ctx);
  const read = lineGuard(ctx, 'partial');
  const change = lineGuard(ctx, 'full');
  const actorOf = (request: { ip: string }, lineId: string, loginId: string) => ({
    lineId,
    loginId,
    ip: request.ip,
  });

  app.get(
    '/api/v1/lines/:lineId/options',
    {
      preValidation: read,
      schema: {
        tags: ['services'],
        summary: 'Connected options and options on offer (SVC-01)',
        description:
          'Filter by `category`, search names with `q`. Content subscriptions are listed separately.',
        params: LineIdParams,
        querystring: OptionListQuery,
        response: { 200: OptionList, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { category, q } = request.query;
      return optionsOfLine(ctx.db, request.params.lineId, {
        ...(category ? { category } : {}),
        ...(q ? { q } : {}),
      });
    },
  );

  app.post(
    '/api/v1/lines/:lineId/options',
    {
      preValidation: change,
      schema: {
        tags: ['services'],
        summary: 'Connect an option (SVC-02)',
        description:
          'Needs full access and an `Idempotency-Key`. Charges the connection fee now; 409 `incompatible` explains ' +
          'the tariffs it needs or the options it clashes with.',
        params: LineIdParams,
        headers: IdempotencyHeaders,
        body: ConnectOptionBody,
        response: { 201: ChangeResult, ...problemResponses(400, 401, 402, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      runPaidChange(ctx, request, reply, 201, (trx, actor) =>
        connectOption(trx, { ...actor, optionId: request.body.optionId }),
      ),
  );

  app.delete(
    '/api/v1/lines/:lineId/options/:optionId',
    {
      preValidation: change,
      schema: {
        tags: ['services'],
        summary: 'Disconnect an option (SVC-02)',
        description:
          'Needs full access and an `Idempotency-Key`. Its packages of the current period go with it.',
        params: OptionParams,
        headers: IdempotencyHeaders,
        response: { 200: ChangeResult, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      runPaidChange(ctx, request, reply, 200, (trx, actor) =>
        disconnectOption(trx, { ...actor, optionId: request.params.optionId }),
      ),
  );

  app.get(
    '/api/v1/lines/:lineId/subscriptions',
    {
      preValidation: read,
      schema: {
        tags: ['services'],
        summary: 'Paid content subscriptions (SVC-03)',
        params: LineIdParams,
        response: { 200: SubscriptionList, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => subscriptionsOfLine(ctx.db, request.params.lineId),
  );

  const unsubscribe = async (lineId: string, loginId: string, ip: string, optionId?: string) =>
    ctx.db.transaction().execute(async (trx) => {
      const done = await unsubscribeContent(trx, {
        ...actorOf({ ip }, lineId, loginId),
        ...(optionId ? { optionId } : {}),
        now: ctx.now(),
      });
      return { request: await recordedRequest(trx, lineId, done.requestId), unsubscribed: done.unsubscribed };
    });

  app.delete(
    '/api/v1/lines/:lineId/subscriptions/:optionId',
    {
      preValidation: change,
      schema: {
        tags: ['services'],
        summary: 'Unsubscribe from one content subscription (SVC-03)',
        params: OptionParams,
        response: { 200: UnsubscribeResult, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return unsubscribe(request.params.lineId, principal.loginId, request.ip, request.params.optionId);
    },
  );

  app.delete(
    '/api/v1/lines/:lineId/subscriptions',
    {
      preValidation: change,
      schema: {
        tags: ['services'],
        summary: 'Unsubscribe from all content subscriptions at once (SVC-03)',
        params: LineIdParams,
        response: { 200: UnsubscribeResult, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return unsubscribe(request.params.lineId, principal.loginId, request.ip);
    },
  );
}
