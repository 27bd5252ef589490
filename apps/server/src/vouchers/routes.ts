import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.ts';

/** PAY-03 voucher top-ups. PLACEHOLDER of the issue 6 groundwork: slice VT fills it. */
export async function voucherRoutes(_root: FastifyInstance, _ctx: AppContext) {}
