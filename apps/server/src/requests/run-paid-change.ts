import { toSafeNumber } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requirePrincipal } from '../auth/principal.ts';
import type { AppContext } from '../http/context.ts';
import { runIdempotent } from '../http/idempotency.ts';
import { recordedRequest } from './recorded.ts';

/** Who asks, where, and when: what every command that may charge a line takes. */
export interface PaidChangeActor {
  lineId: string;
  loginId: string;
  ip: string;
  /** Unique per login and `Idempotency-Key`: ledger keys derive from it, so a replay charges nothing. */
  scope: string;
  now: Date;
  timeZone: string;
}

/**
 * The handler of a line change that may move money (tariff change, option connect/disconnect, revert): the
 * caller's `Idempotency-Key` guards the command's transaction, and the answer is the recorded request with the
 * balance after — the shape of `ChangeResult`.
 */
export function runPaidChange(
  ctx: AppContext,
  request: FastifyRequest<{ Params: { lineId: string } }>,
  reply: FastifyReply,
  status: 200 | 201,
  command: (trx: Db, actor: PaidChangeActor) => Promise<{ requestId: string; balance: bigint }>,
) {
  const { loginId } = requirePrincipal(request);
  const { lineId } = request.params;
  return runIdempotent({
    db: ctx.db,
    request,
    reply,
    loginId,
    now: ctx.now(),
    run: async (trx, scope) => {
      const actor = { lineId, loginId, ip: request.ip, scope, now: ctx.now(), timeZone: ctx.timeZone };
      const done = await command(trx, actor);
      const body = {
        request: await recordedRequest(trx, lineId, done.requestId),
        balance: toSafeNumber(done.balance),
      };
      return { status, body };
    },
  });
}
