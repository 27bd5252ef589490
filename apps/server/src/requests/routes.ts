import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.ts';
import { problems } from '../http/problem.ts';
import { LineIdParams, problemResponses } from '../http/schemas.ts';
import { lineGuard } from './line-guard.ts';
import { presentRequest } from './present-request.ts';
import { loadRequest, loadRequests } from './request-query.ts';
import { RequestList, RequestListQuery, RequestParams, RequestSchema } from './schemas.ts';

/** SVC-11: requests with their status and time line. Full access: like the journal, it is the line's history. */
export async function requestRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const guard = lineGuard(ctx, 'full');

  app.get(
    '/api/v1/lines/:lineId/requests',
    {
      preValidation: guard,
      schema: {
        tags: ['requests'],
        summary: 'Requests of a line (SVC-11)',
        description: 'Newest first, with their time lines; page with `before`.',
        params: LineIdParams,
        querystring: RequestListQuery,
        response: { 200: RequestList, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { status, before, limit } = request.query;
      const rows = await loadRequests(ctx.db, {
        lineId: request.params.lineId,
        limit: limit + 1,
        ...(status ? { status } : {}),
        ...(before ? { before } : {}),
      });
      const page = rows.slice(0, limit);
      return {
        requests: page.map(presentRequest),
        nextBefore: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
      };
    },
  );

  app.get(
    '/api/v1/lines/:lineId/requests/:requestId',
    {
      preValidation: guard,
      schema: {
        tags: ['requests'],
        summary: 'One request with its time line (SVC-11)',
        params: RequestParams,
        response: { 200: RequestSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const row = await loadRequest(ctx.db, request.params.lineId, request.params.requestId);
      if (!row) throw problems.notFound('request');
      return presentRequest(row);
    },
  );
}
