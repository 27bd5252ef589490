import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.ts';

/** PAY-04 autopay, saved cards; PAY-09 low-balance threshold. PLACEHOLDER of the issue 6 groundwork: slice B fills it. */
export async function autopayRoutes(_root: FastifyInstance, _ctx: AppContext) {}
