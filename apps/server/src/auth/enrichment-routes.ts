import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.ts';

/** ACCESS-08/09: automatic login by header enrichment from trusted gateways. (Being built: issue 3.) */
export async function enrichmentRoutes(_root: FastifyInstance, _ctx: AppContext) {}
