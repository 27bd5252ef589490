import type { AccessLevel } from '@kabinet/db';
import type { FastifyRequest } from 'fastify';
import { requirePrincipal } from '../auth/principal.ts';
import type { AppContext } from '../http/context.ts';
import { assertLineAccess } from '../lines/access.ts';
import { grantAccess } from '../lines/grant.ts';

const LINE_ID = /^line_[0-9a-z]{6,40}$/;

/**
 * A `preValidation` hook checking the caller's access to `:lineId` before the body is validated: a partial
 * session gets 403 on every change and someone else's line 404 whatever the body says, so neither a bad body
 * nor a missing `Idempotency-Key` tells them more. A malformed id is left to the schema (400 naming `lineId`).
 */
export function lineGuard(ctx: AppContext, needed: AccessLevel) {
  return async (request: FastifyRequest) => {
    const principal = requirePrincipal(request);
    const params = request.params as Record<string, unknown> | undefined;
    const lineId = params?.lineId;
    if (typeof lineId !== 'string' || !LINE_ID.test(lineId)) return;
    assertLineAccess(principal, await grantAccess(ctx.db, principal.loginId, lineId, ctx.now()), needed);
  };
}
