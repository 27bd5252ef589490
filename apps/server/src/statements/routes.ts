import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.ts';

/** PAY-07 payment history, PAY-08 expense structure, PAY-10 postpaid invoices and trust payment. PLACEHOLDER of the issue 6 groundwork: slice D fills it. */
export async function statementRoutes(_root: FastifyInstance, _ctx: AppContext) {}
