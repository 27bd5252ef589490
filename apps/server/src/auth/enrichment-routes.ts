import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../http/context.ts';
import { Nullable, problemResponses } from '../http/schemas.ts';
import { completeLogin } from './complete-login.ts';
import { type EnrichedRequest, enrichedLogin, enrichmentStatus } from './enrichment.ts';
import { Me } from './schemas.ts';

const EnrichmentStatus = Type.Object({
  available: Type.Boolean({
    description: 'True when this request came through a trusted gateway naming a line that allows it.',
  }),
  maskedPhone: Nullable(Type.String(), { description: 'The number that would be logged in, masked.' }),
});

const EnrichmentLoginBody = Type.Object(
  {
    rememberDevice: Type.Boolean({
      default: true,
      description: 'False for "someone else\'s computer": the cookie lives only until the browser closes.',
    }),
  },
  { additionalProperties: false },
);

/** ACCESS-08/09: automatic login by header enrichment from trusted gateways. */
export async function enrichmentRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  /** Trust comes from the TCP peer only; the header is read only for it. */
  function enriched(request: FastifyRequest): EnrichedRequest {
    const value = request.headers[ctx.enrichment.header];
    return {
      peer: request.socket.remoteAddress,
      header: typeof value === 'string' ? value : undefined,
      trustedGateways: ctx.enrichment.trustedGateways,
    };
  }

  app.get(
    '/api/v1/auth/enrichment',
    {
      schema: {
        tags: ['auth'],
        summary: 'Whether automatic login is available (ACCESS-08)',
        response: { 200: EnrichmentStatus },
      },
    },
    async (request) => enrichmentStatus(ctx.db, enriched(request)),
  );

  app.post(
    '/api/v1/auth/enrichment',
    {
      schema: {
        tags: ['auth'],
        summary: 'Log in automatically on the mobile network (ACCESS-08, ACCESS-09)',
        description:
          'The session gets the access level the owner chose (`partial` by default). 403 `enrichment_untrusted` ' +
          'from any address that is not a configured gateway (the header is ignored).',
        body: EnrichmentLoginBody,
        response: { 200: Me, ...problemResponses(400, 403, 404) },
      },
    },
    async (request, reply) => {
      const found = await enrichedLogin(ctx.db, enriched(request), ctx.now());
      return completeLogin(ctx, request, reply, {
        ...found,
        method: 'enrichment',
        rememberDevice: request.body.rememberDevice,
      });
    },
  );
}
