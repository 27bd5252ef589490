import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requirePrincipal } from '../auth/principal.ts';
import type { AppContext } from '../http/context.ts';
import { LineIdParams, problemResponses } from '../http/schemas.ts';
import { assertLineAccess } from '../lines/access.ts';
import { grantAccess } from '../lines/grant.ts';
import { queryJournal } from './query-journal.ts';
import { JournalPage, JournalQuery } from './schemas.ts';

/** ACCESS-12: the operations journal of a line, with filters. Full access to the line only (ACCESS-09). */
export async function journalRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/lines/:lineId/journal',
    {
      schema: {
        tags: ['journal'],
        summary: 'Operations journal of a line (ACCESS-12)',
        description:
          'Every action on the line from any channel, newest first, with keyset pagination. Reading it is not ' +
          'journaled; refusals are.',
        params: LineIdParams,
        querystring: JournalQuery,
        response: { 200: JournalPage, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const { lineId } = request.params;
      const access = await grantAccess(ctx.db, principal.loginId, lineId, ctx.now());
      assertLineAccess(principal, access, 'full');
      return queryJournal(ctx.db, { lineId, ...request.query }, ctx.timeZone);
    },
  );
}
