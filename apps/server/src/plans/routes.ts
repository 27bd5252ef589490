import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requirePrincipal } from '../auth/principal.ts';
import type { AppContext } from '../http/context.ts';
import { LineIdParams, problemResponses } from '../http/schemas.ts';
import { lineGuard } from '../requests/line-guard.ts';
import { runPaidChange } from '../requests/run-paid-change.ts';
import { cancelPendingChange } from './cancel-pending-change.ts';
import { changeTariff } from './change-tariff.ts';
import { pickTariffs } from './picker-query.ts';
import {
  ChangeResult,
  CurrentTariff,
  IdempotencyHeaders,
  PickerQuery,
  PickerResult,
  TariffCatalog,
  TariffCatalogQuery,
  TariffChangeBody,
} from './schemas.ts';
import { currentTariff, tariffCatalog } from './tariff-query.ts';

/** PLAN-01..05: the current tariff, the tariffs on offer, the picker, changing and configuring tariffs. */
export async function planRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const read = lineGuard(ctx, 'partial');
  const change = lineGuard(ctx, 'full');

  app.get(
    '/api/v1/lines/:lineId/tariff',
    {
      preValidation: read,
      schema: {
        tags: ['plans'],
        summary: 'Current tariff (PLAN-01)',
        description:
          'Packages, prices outside them, roaming, next fee, and a planned change. Partial access suffices.',
        params: LineIdParams,
        response: { 200: CurrentTariff, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => currentTariff(ctx.db, request.params.lineId, ctx.now(), ctx.timeZone),
  );

  app.get(
    '/api/v1/lines/:lineId/tariffs',
    {
      preValidation: read,
      schema: {
        tags: ['plans'],
        summary: 'Tariffs this line may move to (PLAN-02)',
        description:
          'Public, not archived tariffs of the line’s kind except its own, with transition fee and changes.',
        params: LineIdParams,
        querystring: TariffCatalogQuery,
        response: { 200: TariffCatalog, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) =>
      tariffCatalog(ctx.db, request.params.lineId, request.query.sort ?? 'price', ctx.now(), ctx.timeZone),
  );

  app.get(
    '/api/v1/lines/:lineId/tariffs/picker',
    {
      preValidation: read,
      schema: {
        tags: ['plans'],
        summary: 'Tariff picker: tariffs that fit a usage survey (PLAN-04)',
        description:
          'Ranks the PLAN-02 offers by fit with the stated monthly use: covering everything first, then the ' +
          'cheapest; configurable tariffs come with the amounts to set. Partial access suffices.',
        params: LineIdParams,
        querystring: PickerQuery,
        response: { 200: PickerResult, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { focus, minutes, gigabytes, messages } = request.query;
      return pickTariffs(
        ctx.db,
        request.params.lineId,
        { focus, minutes, gigabytes, messages },
        ctx.now(),
        ctx.timeZone,
      );
    },
  );

  app.post(
    '/api/v1/lines/:lineId/tariff-changes',
    {
      preValidation: change,
      schema: {
        tags: ['plans'],
        summary: 'Change tariff, or configure a configurable one, now or from the next period (PLAN-03/05)',
        description:
          'Needs full access and an `Idempotency-Key`. `now` charges the transition fee and rebuilds the packages; ' +
          '`next_period` plans the change for the line’s next fee date (replacing a planned one).',
        params: LineIdParams,
        headers: IdempotencyHeaders,
        body: TariffChangeBody,
        response: { 201: ChangeResult, ...problemResponses(400, 401, 402, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      runPaidChange(ctx, request, reply, 201, (trx, actor) =>
        changeTariff(trx, {
          ...actor,
          tariffId: request.body.tariffId,
          when: request.body.when,
          choice: request.body.choice,
        }),
      ),
  );

  app.delete(
    '/api/v1/lines/:lineId/tariff-changes/pending',
    {
      preValidation: change,
      schema: {
        tags: ['plans'],
        summary: 'Cancel the planned tariff change (PLAN-03)',
        params: LineIdParams,
        response: {
          204: { type: 'null', description: 'Cancelled.' },
          ...problemResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      await ctx.db.transaction().execute((trx) =>
        cancelPendingChange(trx, {
          lineId: request.params.lineId,
          loginId: principal.loginId,
          now: ctx.now(),
          ip: request.ip,
        }),
      );
      return reply.code(204).send(null);
    },
  );
}
