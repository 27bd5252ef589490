import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.ts';

/** ACCESS-11: security settings, sessions and devices, recovery contacts. (Being built: issue 3.) */
export async function securityRoutes(_root: FastifyInstance, _ctx: AppContext) {}
