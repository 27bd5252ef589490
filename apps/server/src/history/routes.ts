import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.ts';
import { LineIdParams, problemResponses } from '../http/schemas.ts';
import { ChangeResult, IdempotencyHeaders } from '../plans/schemas.ts';
import { lineGuard } from '../requests/line-guard.ts';
import { runPaidChange } from '../requests/run-paid-change.ts';
import { historyOfLine, revertPlanOfLine } from './history-view.ts';
import { revertServices } from './revert-services.ts';
import { HistoryView, RevertBody, RevertPlanView, RevertQuery } from './schemas.ts';

/**
 * SVC-10 change history and "return to how it was on date X". History is not shown to partial sessions
 * (ACCESS-09), so every route here needs full access.
 */
export async function historyRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const full = lineGuard(ctx, 'full');

  app.get(
    '/api/v1/lines/:lineId/history',
    {
      preValidation: full,
      schema: {
        tags: ['history'],
        summary: 'Changes of tariff and options, newest first (SVC-10)',
        params: LineIdParams,
        response: { 200: HistoryView, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => historyOfLine(ctx.db, request.params.lineId, ctx.now(), ctx.timeZone),
  );

  app.get(
    '/api/v1/lines/:lineId/history/revert-plan',
    {
      preValidation: full,
      schema: {
        tags: ['history'],
        summary: 'What returning to a date would change and cost (SVC-10)',
        description:
          'The tariff change, options to connect and disconnect with every fee, and what cannot come back and ' +
          'why. 400 `in_future` / `before_history` on `date`.',
        params: LineIdParams,
        querystring: RevertQuery,
        response: { 200: RevertPlanView, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      revertPlanOfLine(ctx.db, {
        lineId: request.params.lineId,
        date: request.query.date,
        now: ctx.now(),
        timeZone: ctx.timeZone,
      }),
  );

  app.post(
    '/api/v1/lines/:lineId/history/revert',
    {
      preValidation: full,
      schema: {
        tags: ['history'],
        summary: 'Return the tariff and options to how they were on a date (SVC-10)',
        description:
          'Needs full access and an `Idempotency-Key`; the body carries the `fingerprint` of the plan shown. All ' +
          'or nothing: 402 `insufficient_funds` if every fee together is not covered, 409 `plan_changed`, 409 ' +
          '`nothing_to_revert`. One `service_revert` request; fees through the ledger once per key.',
        params: LineIdParams,
        headers: IdempotencyHeaders,
        body: RevertBody,
        response: { 201: ChangeResult, ...problemResponses(400, 401, 402, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      runPaidChange(ctx, request, reply, 201, (trx, actor) =>
        revertServices(trx, { ...actor, date: request.body.date, fingerprint: request.body.fingerprint }),
      ),
  );
}
