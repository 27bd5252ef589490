import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.ts';

/** PAY-01/02 card top-ups of own or any number, payment status, acquirer webhooks. PLACEHOLDER of the issue 6 groundwork: slice A fills it. */
export async function paymentRoutes(_root: FastifyInstance, _ctx: AppContext) {}
