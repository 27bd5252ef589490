import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.ts';

/** SVC-04/06/07: service bans, call forwarding and the blacklist of a line. (Being built: issue 4.) */
export async function lineSettingsRoutes(_root: FastifyInstance, _ctx: AppContext) {}
