import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.ts';

/** PLAN-06 voluntary suspension and SVC-09 lost SIM, replacement SIM and eSIM. (Being built: issue 4.) */
export async function simRoutes(_root: FastifyInstance, _ctx: AppContext) {}
