import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requirePrincipal } from '../auth/principal.ts';
import type { AppContext } from '../http/context.ts';
import { LineIdParams, problemResponses } from '../http/schemas.ts';
import { lineGuard } from '../requests/line-guard.ts';
import { addToBlacklist } from './add-to-blacklist.ts';
import { loadBans, presentBan } from './ban-query.ts';
import { loadBlacklist, presentEntry } from './blacklist-query.ts';
import { loadForwarding } from './forwarding-query.ts';
import { removeFromBlacklist } from './remove-from-blacklist.ts';
import {
  AddBlacklistBody,
  BanList,
  BanParams,
  BanSchema,
  BLACKLIST_LIMIT,
  Blacklist,
  BlacklistEntry,
  BlacklistEntryParams,
  ForwardingList,
  ForwardingParams,
  ForwardingRule,
  SetBanBody,
  SetForwardingBody,
} from './schemas.ts';
import { setBan } from './set-ban.ts';
import { setForwarding } from './set-forwarding.ts';

/**
 * SVC-04/06/07: service bans, call forwarding and the blacklist of a line. Reads are open to partial sessions,
 * changes need full access; changes are free and immediate, so they take no `Idempotency-Key`.
 */
export async function lineSettingsRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const read = lineGuard(ctx, 'partial');
  const change = lineGuard(ctx, 'full');
  const actorOf = (request: FastifyRequest, lineId: string) => ({
    lineId,
    loginId: requirePrincipal(request).loginId,
    ip: request.ip,
  });

  app.get(
    '/api/v1/lines/:lineId/bans',
    {
      preValidation: read,
      schema: {
        tags: ['services'],
        summary: 'Service bans with their state on the line (SVC-04)',
        params: LineIdParams,
        response: { 200: BanList, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => ({ bans: (await loadBans(ctx.db, request.params.lineId)).map(presentBan) }),
  );

  app.put(
    '/api/v1/lines/:lineId/bans/:banCode',
    {
      preValidation: change,
      schema: {
        tags: ['services'],
        summary: 'Switch a service ban on or off (SVC-04)',
        description:
          'Needs full access. Free and immediate: a done `ban_change` request is recorded; asking for the state ' +
          'the ban already has changes nothing. 404 for an unknown or archived ban.',
        params: BanParams,
        body: SetBanBody,
        response: { 200: BanSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { lineId, banCode } = request.params;
      return ctx.db.transaction().execute((trx) =>
        setBan(trx, {
          ...actorOf(request, lineId),
          banCode,
          enabled: request.body.enabled,
          now: ctx.now(),
        }),
      );
    },
  );

  app.get(
    '/api/v1/lines/:lineId/forwarding',
    {
      preValidation: read,
      schema: {
        tags: ['services'],
        summary: 'Call forwarding rules, all four conditions (SVC-06)',
        params: LineIdParams,
        response: { 200: ForwardingList, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => ({ rules: await loadForwarding(ctx.db, request.params.lineId) }),
  );

  app.put(
    '/api/v1/lines/:lineId/forwarding/:condition',
    {
      preValidation: change,
      schema: {
        tags: ['services'],
        summary: 'Set a call forwarding rule (SVC-06)',
        description:
          'Needs full access. `target` in any phone format, stored as E.164; required when enabling, kept when ' +
          'omitted. 400 `invalid_phone`, `required`, `own_number` on `target`; `invalid_value` on `delaySeconds` ' +
          '(5–30 step 5, `no_answer` only). A done `forwarding_change` request is recorded for a real change.',
        params: ForwardingParams,
        body: SetForwardingBody,
        response: { 200: ForwardingRule, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { lineId, condition } = request.params;
      const { enabled, target, delaySeconds } = request.body;
      return ctx.db.transaction().execute((trx) =>
        setForwarding(trx, {
          ...actorOf(request, lineId),
          condition,
          enabled,
          ...(target !== undefined ? { target } : {}),
          ...(delaySeconds !== undefined ? { delaySeconds } : {}),
          now: ctx.now(),
        }),
      );
    },
  );

  app.get(
    '/api/v1/lines/:lineId/blacklist',
    {
      preValidation: read,
      schema: {
        tags: ['services'],
        summary: 'Blacklisted numbers of the line (SVC-07)',
        params: LineIdParams,
        response: { 200: Blacklist, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => ({
      entries: (await loadBlacklist(ctx.db, request.params.lineId)).map(presentEntry),
      limit: BLACKLIST_LIMIT,
    }),
  );

  app.post(
    '/api/v1/lines/:lineId/blacklist',
    {
      preValidation: change,
      schema: {
        tags: ['services'],
        summary: 'Blacklist a number (SVC-07)',
        description:
          'Needs full access. `number` in any phone format, stored as E.164. 400 `invalid_phone` / `own_number` ' +
          'on `number`; 409 `already_blacklisted`; 409 `blacklist_full` at 100 entries.',
        params: LineIdParams,
        body: AddBlacklistBody,
        response: { 201: BlacklistEntry, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { lineId } = request.params;
      const { number, label } = request.body;
      const entry = await ctx.db.transaction().execute((trx) =>
        addToBlacklist(trx, {
          ...actorOf(request, lineId),
          number,
          ...(label !== undefined ? { label } : {}),
          now: ctx.now(),
        }),
      );
      return reply.status(201).send(entry);
    },
  );

  app.delete(
    '/api/v1/lines/:lineId/blacklist/:entryId',
    {
      preValidation: change,
      schema: {
        tags: ['services'],
        summary: 'Remove a number from the blacklist (SVC-07)',
        description: 'Needs full access. 404 for an entry that is not on this line.',
        params: BlacklistEntryParams,
        response: { 204: { type: 'null', description: 'Removed.' }, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { lineId, entryId } = request.params;
      await ctx.db
        .transaction()
        .execute((trx) => removeFromBlacklist(trx, { ...actorOf(request, lineId), entryId, now: ctx.now() }));
      return reply.status(204).send(null);
    },
  );
}
