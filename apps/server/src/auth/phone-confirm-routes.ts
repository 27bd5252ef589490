import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.ts';

/** ACCESS-07: login confirmed from the phone (reply "1" within 20 s). (Being built: issue 3.) */
export async function phoneConfirmRoutes(_root: FastifyInstance, _ctx: AppContext) {}
