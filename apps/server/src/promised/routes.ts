import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.ts';

/** PAY-05 promised payment. PLACEHOLDER of the issue 6 groundwork: slice P fills it. */
export async function promisedPaymentRoutes(_root: FastifyInstance, _ctx: AppContext) {}
