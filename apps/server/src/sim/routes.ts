import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requirePrincipal } from '../auth/principal.ts';
import type { AppContext } from '../http/context.ts';
import { LineIdParams, problemResponses } from '../http/schemas.ts';
import { lineGuard } from '../requests/line-guard.ts';
import { blockSim } from './block-sim.ts';
import { issueEsim, showEsim } from './issue-esim.ts';
import { orderReplacement } from './order-replacement.ts';
import {
  BlockBody,
  BlockResult,
  CardParams,
  EsimResult,
  EsimView,
  ReplacementBody,
  ReplacementResult,
  ResumeResult,
  SimState,
  SuspendBody,
  SuspendResult,
  SuspensionState,
} from './schemas.ts';
import { loadSim, loadSuspension } from './sim-query.ts';
import { resumeLine, suspendLine } from './suspend-line.ts';
import { simUnblockRoutes } from './unblock-routes.ts';

/**
 * PLAN-06 voluntary suspension and SVC-09 lost SIM block, replacement SIM and eSIM. Reads are open to partial
 * sessions, changes need full access; nothing here charges money now, so no `Idempotency-Key`.
 */
export async function simRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  await simUnblockRoutes(root, ctx);
  const read = lineGuard(ctx, 'partial');
  const change = lineGuard(ctx, 'full');
  const actorOf = (request: FastifyRequest, lineId: string) => ({
    lineId,
    loginId: requirePrincipal(request).loginId,
    ip: request.ip,
  });

  app.get(
    '/api/v1/lines/:lineId/suspension',
    {
      preValidation: read,
      schema: {
        tags: ['plans'],
        summary: 'Voluntary suspension: terms and the suspension under way (PLAN-06)',
        params: LineIdParams,
        response: { 200: SuspensionState, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => loadSuspension(ctx.db, request.params.lineId),
  );

  app.post(
    '/api/v1/lines/:lineId/suspension',
    {
      preValidation: change,
      schema: {
        tags: ['plans'],
        summary: 'Suspend the line for a number of days (PLAN-06)',
        description:
          'Needs full access. Status `suspended` until the start of the day after the last one (operator time ' +
          'zone); a done `suspension` request. 409 `not_available` (no suspension rule on the tariff), 409 ' +
          '`line_not_active`; 400 `too_small` / `too_large` on `days`.',
        params: LineIdParams,
        body: SuspendBody,
        response: { 201: SuspendResult, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { lineId } = request.params;
      const result = await ctx.db.transaction().execute((trx) =>
        suspendLine(trx, {
          ...actorOf(request, lineId),
          days: request.body.days,
          now: ctx.now(),
          timeZone: ctx.timeZone,
        }),
      );
      return reply.status(201).send(result);
    },
  );

  app.delete(
    '/api/v1/lines/:lineId/suspension',
    {
      preValidation: change,
      schema: {
        tags: ['plans'],
        summary: 'Resume a suspended line now (PLAN-06)',
        description: 'Needs full access. Back to `active`; a done `resumption` request. 409 `not_suspended`.',
        params: LineIdParams,
        response: { 200: ResumeResult, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { lineId } = request.params;
      return ctx.db
        .transaction()
        .execute((trx) => resumeLine(trx, { ...actorOf(request, lineId), now: ctx.now() }));
    },
  );

  app.get(
    '/api/v1/lines/:lineId/sim',
    {
      preValidation: read,
      schema: {
        tags: ['services'],
        summary: 'SIM state and cards of the line (SVC-09)',
        params: LineIdParams,
        response: { 200: SimState, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => loadSim(ctx.db, request.params.lineId, requirePrincipal(request).loginId),
  );

  app.post(
    '/api/v1/lines/:lineId/sim/block',
    {
      preValidation: change,
      schema: {
        tags: ['services'],
        summary: 'Block a lost or stolen SIM at once (SVC-09)',
        description:
          'Needs full access. Status `blocked`, the balance kept, active cards blocked; an SMS to the recovery ' +
          'phone if set. Unblocking: by a code to another contact or in an office (operator setting). 409 ' +
          '`already_blocked`.',
        params: LineIdParams,
        body: BlockBody,
        response: { 200: BlockResult, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { lineId } = request.params;
      const result = await ctx.db
        .transaction()
        .execute((trx) =>
          blockSim(trx, { ...actorOf(request, lineId), reason: request.body.reason, now: ctx.now() }),
        );
      if (result.notified) void ctx.outbox.kick();
      return { request: result.request };
    },
  );

  app.post(
    '/api/v1/lines/:lineId/sim/replacement',
    {
      preValidation: change,
      schema: {
        tags: ['services'],
        summary: 'Order a replacement SIM to pick up at an office (SVC-09)',
        description:
          'Needs full access. A pending physical card and an `accepted` `sim_replacement` request the office ' +
          'completes. 409 `replacement_pending`.',
        params: LineIdParams,
        body: ReplacementBody,
        response: { 201: ReplacementResult, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { lineId } = request.params;
      const result = await ctx.db.transaction().execute((trx) =>
        orderReplacement(trx, {
          ...actorOf(request, lineId),
          pickupOffice: request.body.pickupOffice,
          now: ctx.now(),
        }),
      );
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/api/v1/lines/:lineId/sim/esim',
    {
      preValidation: change,
      schema: {
        tags: ['services'],
        summary: 'Issue an eSIM activation code with a QR (SVC-09)',
        description:
          'Needs full access. A pending eSIM card with a fresh `LPA:1$…` activation code and its QR as SVG. ' +
          '409 `line_blocked` while the line is blocked.',
        params: LineIdParams,
        response: { 201: EsimResult, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { lineId } = request.params;
      const result = await ctx.db
        .transaction()
        .execute((trx) => issueEsim(trx, { ...actorOf(request, lineId), now: ctx.now() }));
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/v1/lines/:lineId/sim/esim/:cardId',
    {
      preValidation: change,
      schema: {
        tags: ['services'],
        summary: 'A pending eSIM with its activation code and QR (SVC-09)',
        description:
          'Needs full access (the code installs the line on a phone). 404 unless a pending eSIM of the line.',
        params: CardParams,
        response: { 200: EsimView, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => showEsim(ctx.db, request.params.lineId, request.params.cardId),
  );
}
