import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.ts';

/** BONUS-01/02 points, history, rewards and redemption. PLACEHOLDER of the issue 6 groundwork: slice E fills it. */
export async function bonusRoutes(_root: FastifyInstance, _ctx: AppContext) {}
