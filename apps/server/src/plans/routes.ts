import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.ts';

/** PLAN-01/02/03: the current tariff, the tariffs on offer and changing tariff. (Being built: issue 4.) */
export async function planRoutes(_root: FastifyInstance, _ctx: AppContext) {}
