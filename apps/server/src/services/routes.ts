import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.ts';

/** SVC-01/02/03: options (connected and on offer, connect, disconnect) and content subscriptions. (Being built: issue 4.) */
export async function serviceRoutes(_root: FastifyInstance, _ctx: AppContext) {}
