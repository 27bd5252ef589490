import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.ts';
/** Liveness, readiness and Prometheus metrics. Each app has its own registry (tests build several apps). */
export declare function systemRoutes(app: FastifyInstance, ctx: AppContext): Promise<void>;
