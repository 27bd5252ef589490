import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.ts';

/** ACCESS-02/03/10: set, change and recover a password; password login by number or contract. (Being built: issue 3.) */
export async function passwordRoutes(_root: FastifyInstance, _ctx: AppContext) {}
