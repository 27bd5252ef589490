import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.ts';

/** ACCESS-12: the operations journal of a line, with filters. (Being built: issue 3.) */
export async function journalRoutes(_root: FastifyInstance, _ctx: AppContext) {}
