import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requirePrincipal } from '../auth/principal.ts';
import type { AppContext } from '../http/context.ts';
import { problems } from '../http/problem.ts';
import { LineIdParams, problemResponses } from '../http/schemas.ts';
import { assertLineAccess } from './access.ts';
import { loadDashboardRow } from './dashboard-query.ts';
import { presentDashboard } from './present-dashboard.ts';
import { Dashboard } from './schemas.ts';

export async function lineRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/lines/:lineId/dashboard',
    {
      schema: {
        tags: ['lines'],
        summary: 'Dashboard of a line (HOME-01)',
        description:
          'Balance, tariff, remaining packages, next charge and warnings. Partial access suffices.',
        params: LineIdParams,
        response: { 200: Dashboard, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const row = await loadDashboardRow(ctx.pool, request.params.lineId, principal.loginId, ctx.now());
      if (!row) throw problems.notFound('line');
      assertLineAccess(principal, row.grant_access, 'partial');
      return presentDashboard(row, { now: ctx.now(), timeZone: ctx.timeZone });
    },
  );
}
