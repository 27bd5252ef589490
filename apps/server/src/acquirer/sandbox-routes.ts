import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.ts';

/** the sandbox acquirer's hosted payment page and API (marked TEST). PLACEHOLDER of the issue 6 groundwork: slice A fills it. */
export async function sandboxAcquirerRoutes(_root: FastifyInstance, _ctx: AppContext) {}
