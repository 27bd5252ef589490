import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.ts';

/** PAY-06 mobile transfers confirmed by SMS code. PLACEHOLDER of the issue 6 groundwork: slice VT fills it. */
export async function transferRoutes(_root: FastifyInstance, _ctx: AppContext) {}
