import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.ts';
import { problemResponses } from '../http/schemas.ts';
import { checkApiKey } from './api-keys.ts';
import { ratingProblems } from './errors.ts';
import { ingestUsage } from './ingest.ts';
import { UsageBatchBody, UsageBatchResult } from './schemas.ts';
import { toUsageInput } from './usage-item.ts';

/**
 * RATE-01 usage ingestion API for the operator's mediation: `POST /api/v1/integration/usage`. Called by a machine
 * with an API key (`kabinet apikey create`), never by a browser, so no CSRF token; exactly once per record id.
 */
export async function ratingRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/api/v1/integration/usage',
    {
      config: { caller: 'machine' },
      // 10,000 items of ~250 bytes: far above the app's 64 KB default for people's requests.
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags: ['integration'],
        summary: 'Send a batch of usage records to be rated (TMF635-style usage, RATE-01)',
        description:
          'Needs `Authorization: Bearer <key>` with the `usage:write` scope. Each record is rated against the ' +
          "line's tariff and packages and charged once: a record id already stored is counted as duplicated and " +
          'changes nothing, so a batch may be resent after a timeout. Bad items are rejected one by one with their ' +
          'index and reason; the rest are rated. See docs/usage-format.md.',
        body: UsageBatchBody,
        response: { 200: UsageBatchResult, ...problemResponses(400, 401, 403, 413) },
      },
    },
    async (request) => {
      const key = await checkApiKey(ctx.db, request.headers.authorization, 'usage:write', ctx.now());
      if (!key.ok) {
        request.log.warn({ reason: key.reason }, 'usage batch with a refused API key');
        if (key.reason === 'missing') throw ratingProblems.apiKeyMissing();
        if (key.reason === 'scope') throw ratingProblems.apiKeyScope('usage:write');
        throw ratingProblems.apiKeyInvalid();
      }
      const summary = await ingestUsage(ctx.db, request.body.usage.map(toUsageInput), { now: ctx.now });
      request.log.info(
        {
          apiKey: key.id,
          accepted: summary.accepted,
          duplicated: summary.duplicated,
          rejected: summary.rejected.length,
        },
        'usage batch rated',
      );
      return {
        accepted: summary.accepted,
        duplicated: summary.duplicated,
        rejected: summary.rejected.map((r) => ({ index: r.index, id: r.recordId ?? null, reason: r.reason })),
      };
    },
  );
}
