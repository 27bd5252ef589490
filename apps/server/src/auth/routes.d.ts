import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.ts';
export declare function authRoutes(root: FastifyInstance, ctx: AppContext): Promise<void>;
