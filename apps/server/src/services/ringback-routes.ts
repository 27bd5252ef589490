import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requirePrincipal } from '../auth/principal.ts';
import type { AppContext } from '../http/context.ts';
import { LineIdParams, problemResponses } from '../http/schemas.ts';
import { lineGuard } from '../requests/line-guard.ts';
import { chooseMelody, loadRingback } from './ringback.ts';
import { ChooseMelodyBody, ChooseMelodyResult, RingbackState } from './ringback-schemas.ts';

/** SVC-08 ringback tone melody: read by any session of the line, chosen with full access (free, no key). */
export async function ringbackRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/lines/:lineId/ringback',
    {
      preValidation: lineGuard(ctx, 'partial'),
      schema: {
        tags: ['services'],
        summary: 'Ringback tone: the melody chosen and the melodies on offer (SVC-08)',
        params: LineIdParams,
        response: { 200: RingbackState, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => loadRingback(ctx.db, request.params.lineId),
  );

  app.put(
    '/api/v1/lines/:lineId/ringback',
    {
      preValidation: lineGuard(ctx, 'full'),
      schema: {
        tags: ['services'],
        summary: 'Choose the ringback tone melody (SVC-08)',
        description:
          'Needs full access and the ringback option connected (409 `not_connected`); 404 for a melody not in ' +
          'the catalog, 409 `already_chosen`. Free; a done `ringback_melody` request.',
        params: LineIdParams,
        body: ChooseMelodyBody,
        response: { 200: ChooseMelodyResult, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const loginId = requirePrincipal(request).loginId;
      return ctx.db.transaction().execute((trx) =>
        chooseMelody(trx, {
          lineId: request.params.lineId,
          loginId,
          ip: request.ip,
          melodyId: request.body.melodyId,
          now: ctx.now(),
        }),
      );
    },
  );
}
