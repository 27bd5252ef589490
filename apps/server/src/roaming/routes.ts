import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requirePrincipal } from '../auth/principal.ts';
import type { AppContext } from '../http/context.ts';
import { LineIdParams, problemResponses } from '../http/schemas.ts';
import { lineGuard } from '../requests/line-guard.ts';
import { loadRoamingLine } from './roaming-line.ts';
import { loadRoaming } from './roaming-query.ts';
import { RoamingState, SetRoamingBody, SetRoamingResult } from './schemas.ts';
import { setRoaming } from './set-roaming.ts';

/**
 * SVC-05 roaming of a line: the switch, zone prices and roaming packages. Reading is open to partial sessions;
 * switching needs full access. Packages are connected through the options API (SVC-02), not here.
 */
export async function roamingRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/lines/:lineId/roaming',
    {
      preValidation: lineGuard(ctx, 'partial'),
      schema: {
        tags: ['roaming'],
        summary: 'Roaming switch, what works abroad, zone prices and roaming packages (SVC-05)',
        description: '409 `not_mobile` for a line without roaming (home internet, TV).',
        params: LineIdParams,
        response: { 200: RoamingState, ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (request) => loadRoaming(ctx.db, await loadRoamingLine(ctx.db, request.params.lineId, false)),
  );

  app.put(
    '/api/v1/lines/:lineId/roaming',
    {
      preValidation: lineGuard(ctx, 'full'),
      schema: {
        tags: ['roaming'],
        summary: 'Switch roaming on or off (SVC-05)',
        description:
          'Needs full access. Free and immediate: a done `roaming_change` request and a journal entry; asking ' +
          'for the state roaming already has records nothing. Service bans are not changed. 409 `not_mobile`.',
        params: LineIdParams,
        body: SetRoamingBody,
        response: { 200: SetRoamingResult, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { lineId } = request.params;
      const loginId = requirePrincipal(request).loginId;
      return ctx.db.transaction().execute((trx) =>
        setRoaming(trx, {
          lineId,
          loginId,
          ip: request.ip,
          enabled: request.body.enabled,
          now: ctx.now(),
        }),
      );
    },
  );
}
