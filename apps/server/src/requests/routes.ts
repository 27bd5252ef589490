import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.ts';

/** SVC-11: requests with their status and time line. (Being built: issue 4.) */
export async function requestRoutes(_root: FastifyInstance, _ctx: AppContext) {}
